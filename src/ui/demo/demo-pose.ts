import type { Channel, DemoMotion, DemoSegment } from './demo-motion-data';

/** Every channel's value at one instant (degrees for head and torso, fractions for the rest). */
export type DemoPose = Readonly<Record<Channel, number>>;

export const NEUTRAL_POSE: DemoPose = { yaw: 0, pitch: 0, roll: 0, lift: 0, forward: 0, elbow: 0, torso: 0 };

/** Minimum-jerk position profile (as the clips' default), s in [0, 1]. */
function minimumJerk(s: number): number {
  const x = Math.min(1, Math.max(0, s));
  return x * x * x * (10 - 15 * x + 6 * x * x);
}

export function segmentDurationMs(segment: DemoSegment): number {
  return segment.kind === 'rep' ? segment.outMs + segment.holdMs + segment.backMs : segment.durationMs;
}

export function loopDurationMs(motion: DemoMotion): number {
  return motion.segments.reduce((total, segment) => total + segmentDurationMs(segment), 0);
}

function segmentPose(segment: DemoSegment, tMs: number): Partial<Record<Channel, number>> {
  switch (segment.kind) {
    case 'hold':
      return {};
    case 'rep': {
      const { outMs, holdMs, backMs, peak } = segment;
      const share = tMs < outMs ? minimumJerk(tMs / outMs) : tMs < outMs + holdMs ? 1 : 1 - minimumJerk((tMs - outMs - holdMs) / backMs);
      return { [segment.axis]: peak * share };
    }
    case 'swing':
      return { [segment.axis]: segment.amplitude * Math.sin(2 * Math.PI * minimumJerk(tMs / segment.durationMs)) };
    case 'loop': {
      const phase = 2 * Math.PI * (tMs / segment.durationMs) * segment.direction;
      // Starts and ends at the loop's bottom; x = 0 there, y = −radius: shifted so the loop passes through neutral.
      return { [segment.x]: segment.radius * Math.sin(phase), [segment.y]: segment.radius * (1 - Math.cos(phase)) * -0.5 };
    }
  }
}

/** The pose at `tMs` (looped over the whole motion); every segment starts and ends at neutral. */
export function demoPoseAt(motion: DemoMotion, tMs: number): DemoPose {
  const total = loopDurationMs(motion);
  if (total <= 0) return NEUTRAL_POSE;
  let local = ((tMs % total) + total) % total;
  for (const segment of motion.segments) {
    const duration = segmentDurationMs(segment);
    if (local < duration) return { ...NEUTRAL_POSE, ...segmentPose(segment, local) };
    local -= duration;
  }
  return NEUTRAL_POSE;
}
