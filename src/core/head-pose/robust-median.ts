import type { HeadAngles } from './head-angles';

export function median(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values));
}

/**
 * The median of `values`, sorting them in place (a typed array's numeric sort: no comparator
 * call per comparison: the per-rep speed fit sorts a stroke's slopes once per sample).
 */
export function medianInPlace(values: Float64Array): number {
  if (values.length === 0) return Number.NaN;
  values.sort();
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
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
