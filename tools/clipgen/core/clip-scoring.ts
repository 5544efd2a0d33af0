import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { GroundTruth, GroundTruthRep } from './ground-truth';
import { isHeadMotion } from './timeline';
import type { Axis, RepSide } from './trajectory';

/** One measured frame of a clip: head angles relative to the clip's neutral, null when not found. */
export type MeasuredFrame = HeadAngles | null;

/** The error of one rep's extreme on one axis: measured − true, degrees. */
export interface PeakError {
  readonly rep: number;
  readonly axis: Axis;
  readonly trueDeg: number;
  readonly measuredDeg: number | null;
  readonly errorDeg: number | null;
}

const KEY = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;

/**
 * The extremes a rep is judged by: its own axis toward its excursion (reps); both ends of the axis
 * (swings); both ends of yaw and of pitch (circles); none for the body's reps.
 */
export function repExtremes(rep: GroundTruthRep): { axis: Axis; sign: 1 | -1; trueDeg: number }[] {
  // A body rep (shrug, elbow flexion, shoulder circle…) holds the head still: no head extreme to judge.
  if (!isHeadMotion(rep.motion)) return [];
  if (rep.motion === 'circle') {
    return [
      { axis: 'yaw', sign: 1, trueDeg: rep.range.yaw.max },
      { axis: 'yaw', sign: -1, trueDeg: rep.range.yaw.min },
      { axis: 'pitch', sign: 1, trueDeg: rep.range.pitch.max },
      { axis: 'pitch', sign: -1, trueDeg: rep.range.pitch.min },
    ];
  }
  const axis = rep.motion;
  const range = rep.range[axis];
  if (rep.side === 'none' && range.max > 0 && range.min < 0) {
    return [
      { axis, sign: 1, trueDeg: range.max },
      { axis, sign: -1, trueDeg: range.min },
    ];
  }
  return rep.excursionDeg > 0 ? [{ axis, sign: 1, trueDeg: range.max }] : [{ axis, sign: -1, trueDeg: range.min }];
}

/** Per rep and extreme: the measured extreme inside the rep's frames against the true one. */
export function peakErrors(truth: GroundTruth, measured: readonly MeasuredFrame[]): PeakError[] {
  return truth.reps.flatMap((rep) =>
    repExtremes(rep).map(({ axis, sign, trueDeg }) => {
      let best: number | null = null;
      for (let i = rep.startFrame; i <= rep.endFrame; i++) {
        const v = measured[i]?.[KEY[axis]];
        if (v === undefined) continue;
        if (best === null || sign * v > sign * best) best = v;
      }
      return { rep: rep.index, axis, trueDeg, measuredDeg: best, errorDeg: best === null ? null : best - trueDeg };
    }),
  );
}

/** The angles of the frames in the clip's first hold (the neutral the analyzer also calibrates on). */
export function neutralFrames(truth: GroundTruth): { start: number; end: number } {
  const first = truth.holds[0];
  if (first !== undefined && first.startFrame === 0) return { start: 0, end: first.endFrame };
  return { start: 0, end: Math.min(truth.frameCount - 1, truth.fps - 1) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Whether the analyzer's count is exact: the total, and every side the truth counts per side. */
export function countIsExact(truth: GroundTruth, reps: number, bySide: Readonly<Record<string, number>>): boolean {
  if (reps !== truth.expectedCount.total) return false;
  return Object.entries(truth.expectedCount.bySide).every(([side, n]) => (side as RepSide) === 'none' || bySide[side] === n);
}

export interface ErrorStats {
  readonly n: number;
  readonly meanAbsDeg: number | null;
  readonly maxAbsDeg: number | null;
}

export function errorStats(errors: readonly (number | null)[]): ErrorStats {
  const abs = errors.filter((e): e is number => e !== null).map(Math.abs);
  if (abs.length === 0) return { n: 0, meanAbsDeg: null, maxAbsDeg: null };
  return { n: abs.length, meanAbsDeg: abs.reduce((s, e) => s + e, 0) / abs.length, maxAbsDeg: Math.max(...abs) };
}
