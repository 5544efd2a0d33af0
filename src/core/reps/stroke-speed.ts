/**
 * A rep's peak speed judged from displacement over time, so that no smoothing lag can shrink it:
 * the peak speed of the minimum-jerk movement (the shape of a natural point-to-point head
 * movement) that covers each main stroke's middle 80% (10% → 90% of its displacement) in the time
 * it took: 0.950 × displacement / t(10%→90%).
 *
 * Why: the speed profile is smoothed before its peak is read (landmark jitter would otherwise
 * make every rep "fast"), and a short, fast stroke loses 25–40% of its peak to that smoothing
 * (30° in 250 ms: 225°/s true, ~168°/s read). For a minimum-jerk stroke this estimate is the true
 * peak; for a stop-and-go stroke it is below the real peaks (the smoothed profile still catches
 * those); only a constant-speed ramp would read high (by 19%), which heads do not do.
 */

/** Strokes covering less than this fraction of the rep's whole range are not judged (noise, drift). */
const MIN_STROKE_FRACTION = 0.5;
/**
 * The middle 80% must span at least this many sample steps: over fewer, one noisy sample decides
 * the speed (30° in 250 ms spans ~4 steps at 30 Hz; a 150°/s stroke of 30°, ~6).
 */
const MIN_SPAN_STEPS = 2;
const LOW = 0.1;
const HIGH = 0.9;
/**
 * Minimum jerk x(τ) = 10τ³ − 15τ⁴ + 6τ⁵ reaches 10% at τ = 0.2466 and 90% at τ = 0.7534; its peak
 * speed is 1.875·A/T = 1.875 × 0.5067 · A / t(10%→90%).
 */
export const MIN_JERK_PEAK_PER_RISE = 0.9501;

function argExtremes(values: readonly number[]): { iMin: number; iMax: number } {
  let iMin = 0;
  let iMax = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] ?? 0) < (values[iMin] ?? 0)) iMin = i;
    if ((values[i] ?? 0) > (values[iMax] ?? 0)) iMax = i;
  }
  return { iMin, iMax };
}

/** One stroke of `values`, from index `from`, with its displacement. */
interface Stroke {
  readonly values: readonly number[];
  readonly from: number;
  readonly v0: number;
  readonly displacement: number;
}

/** Fraction of the stroke's displacement covered at its i-th sample (read in place: no per-rep copy). */
function progressAt(stroke: Stroke, i: number): number {
  return ((stroke.values[stroke.from + i] ?? 0) - stroke.v0) / stroke.displacement;
}

/** Fractional index where progress reaches `level` between samples i and i + 1 (progress is monotone there). */
function crossing(stroke: Stroke, i: number, level: number): number {
  const a = progressAt(stroke, i);
  const b = progressAt(stroke, i + 1);
  return b !== a ? i + (level - a) / (b - a) : i;
}

/**
 * Minimum-jerk-equivalent peak speed of one stroke, timed from the last time it was below 10% of
 * its displacement before it first reached 90%, to that first time (samples `stepMs` apart).
 * Null when it is too short to tell.
 */
function strokePeakSpeed(values: readonly number[], from: number, to: number, stepMs: number): number | null {
  const v0 = values[from] ?? 0;
  const displacement = (values[to] ?? v0) - v0;
  if (to - from < 1 || displacement === 0) return null;
  const stroke: Stroke = { values, from, v0, displacement };
  let high = 0;
  while (high <= to - from && !(progressAt(stroke, high) >= HIGH)) high++;
  if (high > to - from || high === 0) return null;
  let low = high - 1;
  while (low > 0 && progressAt(stroke, low) > LOW) low--;
  const tLow = progressAt(stroke, low) > LOW ? low : crossing(stroke, low, LOW);
  const tHigh = crossing(stroke, high - 1, HIGH);
  if (tHigh - tLow < MIN_SPAN_STEPS) return null;
  return (MIN_JERK_PEAK_PER_RISE * Math.abs(displacement) * 1000) / ((tHigh - tLow) * stepMs);
}

/**
 * The fastest main stroke's minimum-jerk-equivalent peak speed (signal unit per second) of
 * positions sampled every `stepMs`. The strokes are cut at the global minimum and maximum: out,
 * back, and any lead or tail covering at least half the range.
 */
export function fastestStrokeSpeed(values: readonly number[], stepMs: number): number {
  if (values.length < 3 || stepMs <= 0) return 0;
  const { iMin, iMax } = argExtremes(values);
  const range = (values[iMax] ?? 0) - (values[iMin] ?? 0);
  if (range <= 0) return 0;
  const cuts = [0, Math.min(iMin, iMax), Math.max(iMin, iMax), values.length - 1];
  let best = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] ?? 0;
    const to = cuts[k + 1] ?? from;
    if (Math.abs((values[to] ?? 0) - (values[from] ?? 0)) < MIN_STROKE_FRACTION * range) continue;
    best = Math.max(best, strokePeakSpeed(values, from, to, stepMs) ?? 0);
  }
  return best;
}
