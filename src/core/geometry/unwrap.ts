import type { HeadAngles } from '../head-pose/head-angles';

/** The angle wrapped into (−180, 180] degrees. */
export function wrapDeg(angleDeg: number): number {
  const wrapped = angleDeg - 360 * Math.floor((angleDeg + 180) / 360);
  return wrapped === -180 ? 180 : wrapped;
}

/** `nextDeg` plus the multiple of 360° that brings it nearest to `previousDeg` (continuity across ±180°). */
export function unwrapDeg(previousDeg: number, nextDeg: number): number {
  return previousDeg + wrapDeg(nextDeg - previousDeg);
}

/**
 * The other Euler triple of the same rotation: (180° − yaw, pitch + 180°, roll + 180°).
 * rotationToAngles always reports |yaw| ≤ 90°; a head turned past 90° comes out as this twin.
 */
export function equivalentAngles(angles: HeadAngles): HeadAngles {
  return {
    yawDeg: wrapDeg(180 - angles.yawDeg),
    pitchDeg: wrapDeg(angles.pitchDeg + 180),
    rollDeg: wrapDeg(angles.rollDeg + 180),
  };
}

function squaredWrappedDistance(a: HeadAngles, b: HeadAngles): number {
  return wrapDeg(a.yawDeg - b.yawDeg) ** 2 + wrapDeg(a.pitchDeg - b.pitchDeg) ** 2 + wrapDeg(a.rollDeg - b.rollDeg) ** 2;
}

/**
 * Continuity across ±90° yaw and ±180° on every axis: of `next` and its Euler twin, the one
 * nearest to `previous`, each axis unwrapped to be within 180° of the previous value.
 * Without a previous value, `next` is returned unchanged.
 */
export function continuousAngles(previous: HeadAngles | null, next: HeadAngles): HeadAngles {
  if (!previous) return next;
  const twin = equivalentAngles(next);
  const chosen = squaredWrappedDistance(twin, previous) < squaredWrappedDistance(next, previous) ? twin : next;
  return {
    yawDeg: unwrapDeg(previous.yawDeg, chosen.yawDeg),
    pitchDeg: unwrapDeg(previous.pitchDeg, chosen.pitchDeg),
    rollDeg: unwrapDeg(previous.rollDeg, chosen.rollDeg),
  };
}
