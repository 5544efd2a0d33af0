import { medianInPlace } from '../head-pose/robust-median';

/**
 * A rep's peak speed judged from displacement over time, so that no smoothing lag can shrink it
 * and no single misread frame can inflate it: the peak speed of the minimum-jerk movement (the
 * shape of a natural point-to-point head movement) that best fits each main stroke's middle 80%
 * (10% → 90% of its displacement): 1.875 × displacement / T, with T fitted as below.
 *
 * Why a fit and not the smoothed speed profile's maximum: the angles carry a few degrees of error
 * per frame (a face mesh that lags and then catches up, a hand over the head), and at 15 fps 4° of
 * error over one frame is 60°/s of speed that is not there; the maximum of a differentiated signal
 * keeps every such spike. A short, fast stroke, on the other hand, loses 25–40% of its peak to any
 * smoothing (30° in 250 ms: 225°/s true, ~168°/s read).
 *
 * The fit: each sample's progress p (0..1 of the stroke) is mapped to the normalised time τ at
 * which a minimum-jerk movement has covered p, so that t = t0 + T·τ is a straight line; T is its
 * repeated-median slope, which ignores a minority of misread samples. The 10% and 90% crossings
 * are two of the points, so a stroke with no sample between them reads 0.950 × displacement /
 * t(10%→90%) exactly. For a minimum-jerk stroke this is the true peak; for a stop-and-go stroke it
 * reads the stroke's typical pace (its jerks are judged by the smoothness measures); a
 * constant-speed ramp reads about 20% high, which heads do not do.
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
/** Minimum jerk x(τ) = 10τ³ − 15τ⁴ + 6τ⁵ peaks in speed at 1.875·A/T (τ = 1/2). */
const MIN_JERK_PEAK = 1.875;
/** …and reaches 10% at τ = 0.2466 and 90% at τ = 0.7534 (so its peak is 0.950·A / t(10%→90%)). */
const TAU_LOW = minimumJerkTimeAt(LOW);
const TAU_HIGH = minimumJerkTimeAt(HIGH);

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

/** Normalised time (0..1) at which a minimum-jerk movement has covered `progress` of its way (bisection). */
function minimumJerkTimeAt(progress: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (minimumJerkProgress(mid) < progress) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function minimumJerkProgress(tau: number): number {
  return tau * tau * tau * (10 + tau * (-15 + 6 * tau));
}

/**
 * Repeated-median slope Δt/Δτ of the points (Siegel 1982): for each point the median of its slopes
 * to the others, then the median of those. It stands up to almost half the points misread (a face
 * mesh that lags and then snaps back misplaces a run of samples, not one), where the plain median
 * of pairwise slopes (Theil–Sen) gives way at about 29%.
 */
function repeatedMedianSlope(times: readonly number[], taus: readonly number[]): number | null {
  const n = times.length;
  const perPoint = new Float64Array(n);
  const slopes = new Float64Array(Math.max(0, n - 1));
  let points = 0;
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (let j = 0; j < n; j++) {
      const dTau = (taus[j] ?? 0) - (taus[i] ?? 0);
      if (j !== i && dTau !== 0) slopes[count++] = ((times[j] ?? 0) - (times[i] ?? 0)) / dTau;
    }
    if (count > 0) perPoint[points++] = medianInPlace(slopes.subarray(0, count));
  }
  return points > 0 ? medianInPlace(perPoint.subarray(0, points)) : null;
}

/**
 * Minimum-jerk-equivalent peak speed of one stroke, fitted over the samples from the last time it
 * was below 10% of its displacement before it first reached 90%, to that first time (samples
 * `stepMs` apart). Null when it is too short to tell.
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
  const times = [tLow];
  const taus = [progressAt(stroke, low) > LOW ? minimumJerkTimeAt(progressAt(stroke, low)) : TAU_LOW];
  for (let i = low + 1; i < high; i++) {
    const p = progressAt(stroke, i);
    if (p <= LOW || p >= HIGH) continue;
    times.push(i);
    taus.push(minimumJerkTimeAt(p));
  }
  times.push(tHigh);
  taus.push(TAU_HIGH);
  const durationSteps = repeatedMedianSlope(times, taus);
  if (durationSteps === null || !(durationSteps > 0)) return null;
  return (MIN_JERK_PEAK * Math.abs(displacement) * 1000) / (durationSteps * stepMs);
}

/** One main stroke of a rep: samples `from` to `to` (inclusive) of its positions. */
export interface StrokeSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * A rep's main strokes, cut at its global minimum and maximum: out, back, and any lead or tail
 * covering at least half the range (an oscillation's swing; a loop's path length is one stroke).
 */
export function mainStrokes(values: readonly number[]): StrokeSpan[] {
  if (values.length < 3) return [];
  const { iMin, iMax } = argExtremes(values);
  const range = (values[iMax] ?? 0) - (values[iMin] ?? 0);
  if (range <= 0) return [];
  const cuts = [0, Math.min(iMin, iMax), Math.max(iMin, iMax), values.length - 1];
  const strokes: StrokeSpan[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k] ?? 0;
    const to = cuts[k + 1] ?? from;
    if (Math.abs((values[to] ?? 0) - (values[from] ?? 0)) >= MIN_STROKE_FRACTION * range) strokes.push({ from, to });
  }
  return strokes;
}

/**
 * Each main stroke's minimum-jerk-equivalent peak speed (signal unit per second; 0 where it is
 * too short to tell), in the order of `strokes`, of positions sampled every `stepMs`.
 */
export function strokePeakSpeeds(values: readonly number[], stepMs: number, strokes: readonly StrokeSpan[] = mainStrokes(values)): number[] {
  return strokes.map(({ from, to }) => (stepMs > 0 ? (strokePeakSpeed(values, from, to, stepMs) ?? 0) : 0));
}

/**
 * The fastest main stroke's minimum-jerk-equivalent peak speed (signal unit per second) of
 * positions sampled every `stepMs`; `strokes` when the caller has cut them already.
 */
export function fastestStrokeSpeed(values: readonly number[], stepMs: number, strokes: readonly StrokeSpan[] = mainStrokes(values)): number {
  return fastestOf(strokePeakSpeeds(values, stepMs, strokes));
}

/** The largest of strokePeakSpeeds' speeds (0 without a stroke). */
export function fastestOf(speeds: readonly number[]): number {
  let best = 0;
  for (const speed of speeds) best = Math.max(best, speed);
  return best;
}
