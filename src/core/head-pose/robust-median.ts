import type { HeadAngles } from './head-angles';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Per-axis median: robust to a few outlier frames (a blink, a mis-detection). */
export function medianAngles(samples: readonly HeadAngles[]): HeadAngles {
  return {
    yawDeg: median(samples.map((s) => s.yawDeg)),
    pitchDeg: median(samples.map((s) => s.pitchDeg)),
    rollDeg: median(samples.map((s) => s.rollDeg)),
  };
}

/** Largest per-axis range (max − min) of the samples, in degrees. */
export function angleSpreadDeg(samples: readonly HeadAngles[]): number {
  if (samples.length === 0) return 0;
  const range = (values: number[]) => Math.max(...values) - Math.min(...values);
  return Math.max(range(samples.map((s) => s.yawDeg)), range(samples.map((s) => s.pitchDeg)), range(samples.map((s) => s.rollDeg)));
}
