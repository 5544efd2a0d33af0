import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { Landmark } from '../../../src/core/landmarks';
import type { ExerciseSample } from '../../../src/core/reps/exercise-sample';
import { gaussian, seededRandom } from '../../../tools/synthetic/seeded-random';
import { frontPose, SYNTHETIC_ASPECT } from './synthetic-person';

/** What one frame shows; unspecified parts default to a neutral, present person. */
export interface Frame {
  readonly angles?: Partial<HeadAngles>;
  readonly pose?: Landmark[] | null;
  readonly present?: boolean;
  /** Face down: the face's turn toward the floor camera (ExerciseSample.towardCameraDeg). */
  readonly towardCameraDeg?: number;
}

/** A piece of a script: `frame(t)` for t in [0, durationMs). */
export interface Segment {
  readonly durationMs: number;
  frame(tMs: number): Frame;
}

export const DEFAULT_FPS = 30;

/** Minimum-jerk profile 0→1 (Flash & Hogan 1985): the smoothest point-to-point movement. */
export function minimumJerk(u: number): number {
  const x = Math.min(1, Math.max(0, u));
  return x * x * x * (10 - 15 * x + 6 * x * x);
}

export function still(durationMs: number, frame: Frame = {}): Segment {
  return { durationMs, frame: () => frame };
}

export type AxisName = 'yawDeg' | 'pitchDeg' | 'rollDeg';

/** One excursion of a head axis to `peakDeg` (signed) and back: out, hold, back (min-jerk). */
export function excursion(axis: AxisName, peakDeg: number, outMs = 1000, holdMs = 0, backMs = outMs, pose: Landmark[] | null = null): Segment {
  return {
    durationMs: outMs + holdMs + backMs,
    frame: (t) => {
      const v = t < outMs ? peakDeg * minimumJerk(t / outMs) : t < outMs + holdMs ? peakDeg : peakDeg * (1 - minimumJerk((t - outMs - holdMs) / backMs));
      return { angles: { [axis]: v }, pose };
    },
  };
}

/**
 * Face down, one turn toward the floor camera: the face found (the reading jumps from 0 to about
 * 60% of `peakDeg`, as it does when the landmarker first finds it) and rising to `peakDeg`, held,
 * then lost again on the way back.
 */
export function towardCamera(peakDeg: number, outMs = 1000, holdMs = 0, backMs = outMs): Segment {
  const found = 0.6;
  return {
    durationMs: outMs + holdMs + backMs,
    frame: (t) => {
      const progress = t < outMs ? minimumJerk(t / outMs) : t < outMs + holdMs ? 1 : 1 - minimumJerk((t - outMs - holdMs) / backMs);
      return { towardCameraDeg: progress >= found ? peakDeg * progress : 0, pose: null };
    },
  };
}

/** A scalar signal driven through a frame builder (body signals): value(t) goes 0 → peak → 0. */
export function bodyExcursion(pose: (value: number) => Landmark[], peak: number, outMs = 1000, holdMs = 0, backMs = outMs): Segment {
  return {
    durationMs: outMs + holdMs + backMs,
    frame: (t) => {
      const v = t < outMs ? peak * minimumJerk(t / outMs) : t < outMs + holdMs ? peak : peak * (1 - minimumJerk((t - outMs - holdMs) / backMs));
      return { pose: pose(v) };
    },
  };
}

/**
 * `cycles` nods: pitch 0 → -amplitude → 0 (cosine), `periodMs` each; or shakes: yaw sine of
 * ±amplitude/2 around 0 (peak to peak = amplitude).
 */
export function nods(cycles: number, amplitudeDeg: number, periodMs = 800): Segment {
  return { durationMs: cycles * periodMs, frame: (t) => ({ angles: { pitchDeg: (-amplitudeDeg * (1 - Math.cos((2 * Math.PI * t) / periodMs))) / 2 } }) };
}

export function shakes(cycles: number, amplitudeDeg: number, periodMs = 700): Segment {
  return { durationMs: cycles * periodMs, frame: (t) => ({ angles: { yawDeg: (amplitudeDeg / 2) * Math.sin((2 * Math.PI * t) / periodMs) } }) };
}

/**
 * `loops` head circles of `radiusDeg` around (0, centrePitch): x = subject's right (-yaw),
 * y = pitch; clockwise as the subject sees it = decreasing angle, starting and ending at the top.
 */
export function headCircles(loops: number, radiusDeg: number, clockwise: boolean, periodMs = 3000, centrePitchDeg = -10): Segment {
  const sign = clockwise ? -1 : 1;
  return {
    durationMs: loops * periodMs,
    frame: (t) => {
      const a = Math.PI / 2 + (sign * 2 * Math.PI * t) / periodMs;
      return { angles: { yawDeg: -radiusDeg * Math.cos(a), pitchDeg: centrePitchDeg + radiusDeg * Math.sin(a) } };
    },
  };
}

/** Renders a script into samples at `fps` (timestamps in ms from 0). */
export function render(segments: readonly Segment[], fps = DEFAULT_FPS): ExerciseSample[] {
  const samples: ExerciseSample[] = [];
  const step = 1000 / fps;
  let offset = 0;
  for (const segment of segments) {
    for (let t = 0; t < segment.durationMs - 1e-9; t += step) samples.push(toSample(offset + t, segment.frame(t)));
    offset += Math.ceil(segment.durationMs / step - 1e-9) * step;
  }
  return samples;
}

export function toSample(tMs: number, frame: Frame): ExerciseSample {
  const present = frame.present ?? true;
  const angles: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0, ...frame.angles };
  return {
    tMs,
    present,
    angles: present ? angles : null,
    velocity: present ? { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } : null,
    confidence: present ? 0.9 : 0,
    pose: present ? (frame.pose === undefined ? frontPose() : frame.pose) : null,
    imageAspect: SYNTHETIC_ASPECT,
    ...(frame.towardCameraDeg === undefined ? {} : { towardCameraDeg: frame.towardCameraDeg }),
  };
}

// ---- Disturbances -------------------------------------------------------------------------

/** Gaussian noise of `sdDeg` on every head angle. */
export function withAngleNoise(samples: readonly ExerciseSample[], sdDeg: number, seed = 1): ExerciseSample[] {
  const random = seededRandom(seed);
  return samples.map((s) =>
    s.angles === null
      ? s
      : { ...s, angles: { yawDeg: s.angles.yawDeg + sdDeg * gaussian(random), pitchDeg: s.angles.pitchDeg + sdDeg * gaussian(random), rollDeg: s.angles.rollDeg + sdDeg * gaussian(random) } },
  );
}

/** Drops each frame with probability `fraction` (never the first or last). */
export function dropFrames(samples: readonly ExerciseSample[], fraction: number, seed = 2): ExerciseSample[] {
  const random = seededRandom(seed);
  return samples.filter((_, i) => i === 0 || i === samples.length - 1 || random() >= fraction);
}

/** Swaps neighbouring frames with probability `fraction`: the late one arrives out of order. */
export function swapNeighbours(samples: readonly ExerciseSample[], fraction: number, seed = 3): ExerciseSample[] {
  const random = seededRandom(seed);
  const out = [...samples];
  for (let i = 1; i + 1 < out.length - 1; i += 2) {
    if (random() < fraction) {
      const a = out[i];
      const b = out[i + 1];
      if (a !== undefined && b !== undefined) {
        out[i] = b;
        out[i + 1] = a;
      }
    }
  }
  return out;
}

/** After each frame, with probability `fraction`, a repeat of its timestamp carrying wild values. */
export function repeatTimestamps(samples: readonly ExerciseSample[], fraction: number, seed = 4): ExerciseSample[] {
  const random = seededRandom(seed);
  return samples.flatMap((s) => (random() < fraction ? [s, { ...s, angles: { yawDeg: 80, pitchDeg: -80, rollDeg: 80 } }] : [s]));
}

/** The person is out of frame between the two times. */
export function absentBetween(samples: readonly ExerciseSample[], fromMs: number, toMs: number): ExerciseSample[] {
  return samples.map((s) => (s.tMs >= fromMs && s.tMs < toMs ? { ...s, present: false, angles: null, velocity: null, pose: null, confidence: 0 } : s));
}

/** Total duration of a script, ms. */
export function scriptDuration(segments: readonly Segment[], fps = DEFAULT_FPS): number {
  const step = 1000 / fps;
  return segments.reduce((sum, s) => sum + Math.ceil(s.durationMs / step - 1e-9) * step, 0);
}

/** Gaussian noise of `sd` (normalised image units) on every pose landmark's x and y. */
export function withPoseNoise(samples: readonly ExerciseSample[], sd: number, seed = 5): ExerciseSample[] {
  const random = seededRandom(seed);
  return samples.map((s) => (s.pose === null ? s : { ...s, pose: s.pose.map((l) => ({ ...l, x: l.x + sd * gaussian(random), y: l.y + sd * gaussian(random) })) }));
}

/** A minimum-jerk move of one head axis from `fromDeg` to `toDeg`. */
export function ramp(axis: AxisName, fromDeg: number, toDeg: number, durationMs: number): Segment {
  return { durationMs, frame: (t) => ({ angles: { [axis]: fromDeg + (toDeg - fromDeg) * minimumJerk(t / durationMs) } }) };
}
