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

/** Each axis of `next` brought within 180° of `previous`'s; `next` itself without a previous value. */
export function unwrapAngles(previous: HeadAngles | null, next: HeadAngles): HeadAngles {
  if (!previous) return next;
  return { yawDeg: unwrapDeg(previous.yawDeg, next.yawDeg), pitchDeg: unwrapDeg(previous.pitchDeg, next.pitchDeg), rollDeg: unwrapDeg(previous.rollDeg, next.rollDeg) };
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

/** Neither pitch nor roll past ±`limitDeg` (default 90°): how a head sits on a neck (it is never upside down). */
export function isUpright(angles: HeadAngles, limitDeg = 90): boolean {
  return Math.abs(wrapDeg(angles.pitchDeg)) <= limitDeg && Math.abs(wrapDeg(angles.rollDeg)) <= limitDeg;
}

/**
 * The Euler triple of the same rotation in which the head sits upright (pitch and roll within
 * ±90°, yaw then anywhere in (−180°, 180°]): `angles` or its twin; `angles` when neither is upright.
 * rotationToAngles reports a head turned past 90° as the twin (yaw 180° − y, pitch and roll near
 * ±180°), on which an added yaw offset turns the head the wrong way and a yaw compared with
 * another source's is 2·(y − 90°) off.
 */
export function uprightAngles(angles: HeadAngles): HeadAngles {
  if (isUpright(angles)) return angles;
  const twin = equivalentAngles(angles);
  return isUpright(twin) ? twin : angles;
}

/**
 * Continuity across ±90° yaw and ±180° on every axis. Of `next` and its Euler twin (the same
 * rotation), the upright one (pitch and roll within ±90°) when only one is: a head turned past 90°
 * reads as its twin with pitch and roll near 180°, and near the turn's gimbal lock the twin pair
 * swap as pitch and roll drift together. Choosing by nearness to `previous` alone once kept a head
 * back at neutral as (180°, 180°, 180°), the twin of (0°, 0°, 0°), for the rest of a clip (the
 * rendered scan swept to 90° seen from below). When both or neither are upright, the one nearest
 * to `previous`, each axis unwrapped to be within 180° of the previous value.
 * Without a previous value, `next` is returned unchanged.
 */
export function continuousAngles(previous: HeadAngles | null, next: HeadAngles): HeadAngles {
  if (!previous) return next;
  const twin = equivalentAngles(next);
  const nextUpright = isUpright(next);
  if (nextUpright !== isUpright(twin)) {
    const chosen = nextUpright ? next : twin;
    return { yawDeg: unwrapDeg(previous.yawDeg, chosen.yawDeg), pitchDeg: wrapDeg(chosen.pitchDeg), rollDeg: wrapDeg(chosen.rollDeg) };
  }
  const chosen = squaredWrappedDistance(twin, previous) < squaredWrappedDistance(next, previous) ? twin : next;
  return {
    yawDeg: unwrapDeg(previous.yawDeg, chosen.yawDeg),
    pitchDeg: unwrapDeg(previous.pitchDeg, chosen.pitchDeg),
    rollDeg: unwrapDeg(previous.rollDeg, chosen.rollDeg),
  };
}
