import { stringEnum, type EnumValue } from '../string-enum';

/**
 * When a change of range of motion (ROM) may be called progress.
 *
 * Each group of per-rep peak angles (one day, or one session) has a mean and a spread. The
 * spread mixes real rep-to-rep variation with the camera's measurement error, and both hide
 * small changes. A change of the mean counts only when it is larger than
 *   threshold = max(minDetectableChangeDeg, sdMultiplier × pooled SD of the per-rep peaks)
 * where the pooled SD is sqrt(((n1−1)·s1² + (n2−1)·s2²) / (n1 + n2 − 2)).
 * The floor guards against a falsely tiny SD from a few very regular reps: webcam head-pose
 * estimates carry several degrees of error, and clinical minimal detectable changes for cervical
 * ROM are of the same order or larger, so 5° is a conservative floor, not a measured constant.
 * Groups with fewer than `minRepsPerGroup` reps are not compared at all.
 */
export interface RomNoiseRule {
  readonly minDetectableChangeDeg: number;
  readonly sdMultiplier: number;
  readonly minRepsPerGroup: number;
}

export const ROM_NOISE_RULE: RomNoiseRule = {
  minDetectableChangeDeg: 5,
  sdMultiplier: 2,
  minRepsPerGroup: 3,
};

export interface PeakStats {
  readonly n: number;
  readonly meanDeg: number;
  /** Sample standard deviation (n − 1), 0 for a single value. */
  readonly sdDeg: number;
  readonly bestDeg: number;
}

export const ROM_VERDICTS = stringEnum('progress', 'decline', 'within-noise', 'insufficient-data');
export type RomVerdict = EnumValue<typeof ROM_VERDICTS>;

export interface RomChange {
  readonly baseline: PeakStats | null;
  readonly latest: PeakStats | null;
  /** latest − baseline mean, degrees; null when a group is missing. */
  readonly deltaDeg: number | null;
  readonly pooledSdDeg: number | null;
  readonly thresholdDeg: number | null;
  readonly verdict: RomVerdict;
}

export function peakStats(peaksDeg: readonly number[]): PeakStats | null {
  const values = peaksDeg.filter(Number.isFinite);
  const n = values.length;
  if (n === 0) return null;
  const meanDeg = values.reduce((sum, value) => sum + value, 0) / n;
  const squares = values.reduce((sum, value) => sum + (value - meanDeg) ** 2, 0);
  return { n, meanDeg, sdDeg: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, bestDeg: Math.max(...values) };
}

export function pooledSd(a: PeakStats, b: PeakStats): number {
  const dof = a.n + b.n - 2;
  if (dof <= 0) return 0;
  return Math.sqrt(((a.n - 1) * a.sdDeg ** 2 + (b.n - 1) * b.sdDeg ** 2) / dof);
}

export function compareRomSamples(
  baselinePeaksDeg: readonly number[],
  latestPeaksDeg: readonly number[],
  rule: RomNoiseRule = ROM_NOISE_RULE,
): RomChange {
  const baseline = peakStats(baselinePeaksDeg);
  const latest = peakStats(latestPeaksDeg);
  if (baseline === null || latest === null) {
    return { baseline, latest, deltaDeg: null, pooledSdDeg: null, thresholdDeg: null, verdict: ROM_VERDICTS.insufficientData };
  }
  const deltaDeg = latest.meanDeg - baseline.meanDeg;
  const pooledSdDeg = pooledSd(baseline, latest);
  const thresholdDeg = Math.max(rule.minDetectableChangeDeg, rule.sdMultiplier * pooledSdDeg);
  const enough = baseline.n >= rule.minRepsPerGroup && latest.n >= rule.minRepsPerGroup;
  const verdict = !enough
    ? ROM_VERDICTS.insufficientData
    : deltaDeg > thresholdDeg
      ? ROM_VERDICTS.progress
      : deltaDeg < -thresholdDeg
        ? ROM_VERDICTS.decline
        : ROM_VERDICTS.withinNoise;
  return { baseline, latest, deltaDeg, pooledSdDeg, thresholdDeg, verdict };
}
