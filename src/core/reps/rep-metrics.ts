import { hypot2 } from '../geometry/hypot';
import { SpectrumWorkspace } from './fft';
import { countSpeedPeaks, logDimensionlessJerk, sparc } from './smoothness';
import { sampleNoise, smoothingPasses } from './signal-noise';
import { fastestOf, mainStrokes, strokePeakSpeeds, type StrokeSpan } from './stroke-speed';
import type { PlanePoints, TrajectoryArrays } from './trajectory';

/**
 * Rate the trajectory is resampled at before differentiating (webcams give 15–60 fps, unevenly).
 * 30 Hz keeps SPARC's 10 Hz cutoff below Nyquist and halves the FFT of a 60 Hz grid.
 */
export const METRICS_RATE_HZ = 30;
/** Centred moving-average window (samples at METRICS_RATE_HZ, applied twice ≈ a 100 ms Gaussian). */
const SPEED_SMOOTHING_SAMPLES = 3;

export interface MovementMetrics {
  readonly durationMs: number;
  /**
   * Peak speed, signal unit per second: the fastest main stroke's minimum-jerk-equivalent peak,
   * fitted to its displacement over time (stroke-speed.ts), not the speed profile's maximum,
   * which keeps every misread frame as a spike. Measured on the values before causal smoothing
   * (`TrajectoryArrays.unsmoothed`): a causal filter delays a stroke's start more than its end
   * wherever it smooths one part of the stroke more than another (the head tracker smooths a
   * reading from the body more than one from the face), which shortens the stroke. Two sweeps to 90°
   * and back at 112°/s, read from the body past 45°, read 154 and 162°/s on their return strokes
   * after the smoothing ("too fast", limit 150), 134 and 149°/s before it (`npm run eval:range -- --pose-model lite`).
   */
  readonly peakVelDegS: number;
  /**
   * Smoothness (on the same values as the speed): the least smooth main stroke's SPARC (out, back; each from its movement's onset to
   * its offset), so that a hold at the end position or a rep cut short at the return threshold
   * does not read as jerk. NaN when nothing moved.
   */
  readonly sparc: number;
  /** Log dimensionless jerk of the whole rep's speed profile (recorded, not judged). */
  readonly ldj: number;
  /** Speed peaks of the main strokes, each from its onset to its offset (a clean out-and-back: 2). */
  readonly velocityPeaks: number;
}

function resample(trajectory: TrajectoryArrays, rateHz: number): number[] {
  const { tMs, values } = trajectory;
  const t0 = tMs[0] ?? 0;
  const t1 = tMs[tMs.length - 1] ?? t0;
  const step = 1000 / rateHz;
  const count = Math.max(1, Math.floor((t1 - t0) / step) + 1);
  const out = new Array<number>(count);
  let j = 0;
  for (let i = 0; i < count; i++) {
    const t = t0 + i * step;
    while (j < tMs.length - 2 && (tMs[j + 1] ?? t) < t) j++;
    const ta = tMs[j] ?? t;
    const tb = tMs[j + 1] ?? ta;
    const va = values[j] ?? 0;
    const vb = values[j + 1] ?? va;
    out[i] = tb > ta ? va + ((vb - va) * Math.min(1, Math.max(0, (t - ta) / (tb - ta)))) : va;
  }
  return out;
}

/** Plain loops into preallocated arrays (not map closures): this runs on every rep. */
function movingAverage(signal: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  const last = signal.length - 1;
  const out = new Array<number>(signal.length);
  for (let i = 0; i <= last; i++) {
    let sum = 0;
    let n = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(last, i + half); k++) {
      sum += signal[k] ?? 0;
      n++;
    }
    out[i] = sum / n;
  }
  return out;
}

/** The positions after `passes` (at least 1) moving averages. */
function smoothedPosition(resampled: readonly number[], passes: number): number[] {
  let position = movingAverage(resampled, SPEED_SMOOTHING_SAMPLES);
  for (let pass = 1; pass < passes; pass++) position = movingAverage(position, SPEED_SMOOTHING_SAMPLES);
  return position;
}

/** Absolute central difference per second (one-sided at the ends) of smoothed positions, then lightly smoothed. */
function speedOfPosition(position: readonly number[], rateHz: number): number[] {
  const last = position.length - 1;
  const speed = new Array<number>(position.length);
  for (let i = 0; i <= last; i++) {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(last, i + 1);
    const span = hi - lo;
    speed[i] = span > 0 ? (Math.abs((position[hi] ?? 0) - (position[lo] ?? 0)) * rateHz) / span : 0;
  }
  return movingAverage(speed, SPEED_SMOOTHING_SAMPLES);
}

/** Speed profile (absolute rate of change) of a 1-D trajectory, resampled and lightly smoothed. */
export function speedProfile(trajectory: TrajectoryArrays, rateHz = METRICS_RATE_HZ): number[] {
  return speedOfPosition(smoothedPosition(resample(trajectory, rateHz), 1), rateHz);
}

/** Speed below this fraction of a stroke's own peak is rest before or after it (its onset and offset). */
const STROKE_ONSET_FRACTION = 0.1;

/** One stroke's speed, from one sample before its onset to one after its offset; null when it never moves. */
function strokeSpeed(speed: readonly number[], stroke: StrokeSpan): number[] | null {
  let peak = 0;
  for (let i = stroke.from; i <= stroke.to; i++) peak = Math.max(peak, speed[i] ?? 0);
  if (!(peak > 0)) return null;
  const floor = STROKE_ONSET_FRACTION * peak;
  let onset = stroke.from;
  while (onset < stroke.to && (speed[onset] ?? 0) <= floor) onset++;
  let offset = stroke.to;
  while (offset > onset && (speed[offset] ?? 0) <= floor) offset--;
  return speed.slice(Math.max(stroke.from, onset - 1), Math.min(stroke.to, offset + 1) + 1);
}

/**
 * A stroke whose displacement is under this many times its signal's noise is not judged for
 * smoothness: on simulated strokes (docs/rep-counting.md) no stop-and-go stroke was told from a
 * clean one below it, however much smoothing.
 */
const JUDGED_NOISE_MULTIPLE = 10;

function clearOfNoise(position: readonly number[], stroke: StrokeSpan, noise: number): boolean {
  return Math.abs((position[stroke.to] ?? 0) - (position[stroke.from] ?? 0)) >= JUDGED_NOISE_MULTIPLE * noise;
}

/**
 * Smoothness read stroke by stroke (out, back: stroke-speed.ts), each from its onset to its
 * offset: the least smooth stroke's SPARC, and the speed peaks of all strokes together (a clean
 * out-and-back has 2). A hold at the end position, the landmarks' ripple while held, and a rep
 * cut at the return threshold while the head still moves then count for nothing. A stroke that
 * does not stand clear of the noise is not judged (NaN when none does). Without a main stroke,
 * the whole profile's.
 */
function strokeSmoothness(
  strokes: readonly StrokeSpan[],
  position: readonly number[],
  speed: readonly number[],
  noise: number,
  spectrum: SpectrumWorkspace,
): { sparc: number; peaks: number } {
  let worst = Number.NaN;
  let peaks = 0;
  let seen = 0;
  let judged = 0;
  for (const stroke of strokes) {
    const own = strokeSpeed(speed, stroke);
    if (own === null) continue;
    seen++;
    peaks += countSpeedPeaks(own);
    if (!clearOfNoise(position, stroke, noise)) continue;
    judged++;
    const value = sparc(own, METRICS_RATE_HZ, spectrum);
    if (!Number.isNaN(value) && !(value >= worst)) worst = value;
  }
  if (seen === 0) return { sparc: sparc(speed, METRICS_RATE_HZ, spectrum), peaks: countSpeedPeaks(speed) };
  if (judged === 0) return { sparc: Number.NaN, peaks };
  return { sparc: Number.isNaN(worst) ? sparc(speed, METRICS_RATE_HZ, spectrum) : worst, peaks };
}

/**
 * The smoothing the rep's noise needs (signal-noise.ts): enough passes that the noise leaves at
 * most 5% of the slowest stroke's speed, of the strokes clear of the noise; 1 when none is; null
 * when no smoothing that leaves a stroke's shape would do.
 */
function passesForNoise(trajectory: TrajectoryArrays, resampled: readonly number[], strokes: readonly StrokeSpan[], speeds: readonly number[], noise: number): number | null {
  let slowest = Infinity;
  strokes.forEach((stroke, k) => {
    const speed = speeds[k] ?? 0;
    if (speed > 0 && clearOfNoise(resampled, stroke, noise)) slowest = Math.min(slowest, speed);
  });
  if (slowest === Infinity) return 1;
  const { tMs } = trajectory;
  const frameIntervalS = ((tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0)) / 1000 / Math.max(1, tMs.length - 1);
  return smoothingPasses(noise, frameIntervalS, slowest, METRICS_RATE_HZ);
}

/**
 * The least smoothing (moving-average passes, passesForNoise) of values that no causal filter
 * smoothed (`TrajectoryArrays.unsmoothed`): on one pass the generated assisted stretch's clean
 * stroke, read at 15 fps, scored −2.4 ("jerky"); two is the least that leaves every clean
 * generated clip unwarned (`npm run eval:clips`, the tuning set of SPARC_JERKY, rep-feedback.ts).
 */
const UNSMOOTHED_MIN_PASSES = 2;

/** Cumulative length of the 2-D path through (xs[i], ys[i]). */
function cumulativeLength(xs: readonly number[], ys: readonly number[]): number[] {
  const out = new Array<number>(xs.length);
  let length = 0;
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) length += hypot2((xs[i] ?? 0) - (xs[i - 1] ?? 0), (ys[i] ?? 0) - (ys[i - 1] ?? 0));
    out[i] = length;
  }
  return out;
}

/**
 * A loop's metrics from its points before causal smoothing (`TrajectoryArrays.plane`). Its
 * position is the length along its path, and a length adds every frame's jitter up instead of
 * letting it cancel (0.5° of jitter a frame on each axis reads as about 25°/s of movement on a
 * still head), so the points are smoothed per axis first, as much as their own noise needs (as a
 * scalar's are: at least UNSMOOTHED_MIN_PASSES), and the length is taken along the smoothed
 * points. The peak speed too: the jitter left on them still lengthens the slowest parts most.
 */
function planeMetrics(trajectory: TrajectoryArrays, plane: PlanePoints, spectrum: SpectrumWorkspace): MovementMetrics {
  const { tMs } = trajectory;
  const xs = resample({ tMs, values: plane.xs }, METRICS_RATE_HZ);
  const ys = resample({ tMs, values: plane.ys }, METRICS_RATE_HZ);
  const lengthAfter = (passes: number): number[] => cumulativeLength(smoothedPosition(xs, passes), smoothedPosition(ys, passes));
  const lightly = lengthAfter(UNSMOOTHED_MIN_PASSES);
  const strokes = mainStrokes(lightly);
  const speeds = strokePeakSpeeds(lightly, 1000 / METRICS_RATE_HZ, strokes);
  const noise = hypot2(sampleNoise({ tMs, values: plane.xs }), sampleNoise({ tMs, values: plane.ys }));
  const needed = passesForNoise(trajectory, lightly, strokes, speeds, noise);
  const smoothedMore = needed !== null && needed > UNSMOOTHED_MIN_PASSES;
  const position = smoothedMore ? lengthAfter(needed) : lightly;
  const cut = smoothedMore ? mainStrokes(position) : strokes;
  const speed = speedOfPosition(position, METRICS_RATE_HZ);
  const smoothness = strokeSmoothness(cut, position, speed, needed === null ? Infinity : noise, spectrum);
  return {
    durationMs: (tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0),
    peakVelDegS: fastestOf(smoothedMore ? strokePeakSpeeds(position, 1000 / METRICS_RATE_HZ, cut) : speeds),
    sparc: smoothness.sparc,
    ldj: logDimensionlessJerk(speed, METRICS_RATE_HZ),
    velocityPeaks: smoothness.peaks,
  };
}

export function movementMetrics(trajectory: TrajectoryArrays, spectrum = new SpectrumWorkspace()): MovementMetrics {
  if (trajectory.plane !== undefined) return planeMetrics(trajectory, trajectory.plane, spectrum);
  const first = trajectory.tMs[0] ?? 0;
  const last = trajectory.tMs[trajectory.tMs.length - 1] ?? first;
  // Measured on the values before any causal smoothing when the signal has them (see peakVelDegS).
  const measured: TrajectoryArrays = trajectory.unsmoothed === undefined ? trajectory : { tMs: trajectory.tMs, values: trajectory.unsmoothed };
  const minPasses = measured === trajectory ? 1 : UNSMOOTHED_MIN_PASSES;
  // One resampled copy serves the speed profile, the strokes and their timing.
  const resampled = resample(measured, METRICS_RATE_HZ);
  // The strokes are cut once and serve both the speed and, unless the noise needs more smoothing, the smoothness.
  const strokes = mainStrokes(resampled);
  const speeds = strokePeakSpeeds(resampled, 1000 / METRICS_RATE_HZ, strokes);
  const noise = sampleNoise(measured);
  const needed = passesForNoise(measured, resampled, strokes, speeds, noise);
  const passes = needed === null ? null : Math.max(minPasses, needed);
  const position = smoothedPosition(resampled, passes ?? 1);
  const speed = speedOfPosition(position, METRICS_RATE_HZ);
  // Noise moves a rep's extremes: smoothed more, the strokes are cut again where the smoothed
  // positions turn. Too noisy for any smoothing (null), no stroke stands clear of an infinite noise.
  const smoothness =
    passes !== null && passes > 1
      ? strokeSmoothness(mainStrokes(position), position, speed, noise, spectrum)
      : strokeSmoothness(strokes, resampled, speed, passes === null ? Infinity : noise, spectrum);
  return {
    durationMs: last - first,
    peakVelDegS: fastestOf(speeds),
    sparc: smoothness.sparc,
    ldj: logDimensionlessJerk(speed, METRICS_RATE_HZ),
    velocityPeaks: smoothness.peaks,
  };
}
