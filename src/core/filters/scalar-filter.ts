/** A filter over a time series: time is passed in (ms), never read from a clock. */
export interface ScalarFilter {
  /** Feeds one sample; returns the filtered value (the previous output for ignored samples). */
  apply(value: number, tMs: number): number;
  /** Forgets all history. */
  reset(): void;
}

/** Smoothing factor of a first-order low-pass with cutoff `cutoffHz` over a step of `dtS` seconds. */
export function lowPassAlpha(cutoffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
}
