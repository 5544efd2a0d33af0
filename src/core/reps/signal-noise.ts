import { median } from '../head-pose/robust-median';
import type { TrajectoryArrays } from './trajectory';

/** Median absolute deviation → standard deviation of Gaussian noise (1 / Φ⁻¹(3/4)). */
const MAD_TO_SIGMA = 1.4826;
/**
 * The white noise on a rep's samples (standard deviation, in the signal's unit), read from the
 * samples themselves where they move least: each sample's distance to the straight line through
 * its two neighbours (at the real frame times), scaled by that distance's spread for pure noise;
 * then the median absolute value over the half of the samples whose neighbours lie closest
 * together (the rep's rest, hold, pauses or slowest part). Where the signal moves, its curvature
 * reads as noise, and a stop-and-go's sub-movements at 15 fps (two frames each) would read as
 * nothing else; where it is still, only the landmarks' jitter is left. For white Gaussian noise
 * the choice is unbiased: with the sample midway, the neighbours' difference, which chooses, is
 * independent of their mean, which predicts. 0 with fewer than 3 samples.
 */
export function sampleNoise(trajectory: TrajectoryArrays): number {
  const { tMs, values } = trajectory;
  const samples: { readonly motion: number; readonly residual: number }[] = [];
  for (let i = 1; i + 1 < values.length; i++) {
    const before = values[i - 1] ?? 0;
    const after = values[i + 1] ?? 0;
    const span = (tMs[i + 1] ?? 0) - (tMs[i - 1] ?? 0);
    const towardAfter = span > 0 ? ((tMs[i] ?? 0) - (tMs[i - 1] ?? 0)) / span : 0.5;
    const predicted = before + towardAfter * (after - before);
    const gain = 1 + (1 - towardAfter) ** 2 + towardAfter ** 2;
    const residual = Math.abs((values[i] ?? 0) - predicted) / Math.sqrt(gain);
    const motion = Math.abs(after - before);
    if (Number.isFinite(residual) && Number.isFinite(motion)) samples.push({ motion, residual });
  }
  if (samples.length === 0) return 0;
  samples.sort((a, b) => a.motion - b.motion);
  const stillest = samples.slice(0, Math.ceil(samples.length / 2)).map((sample) => sample.residual);
  return MAD_TO_SIGMA * median(stillest);
}

/**
 * The noise left on the speed profile may be at most this fraction of a stroke's peak speed: the
 * amplitude below which SPARC itself treats a spectrum as noise (Balasubramanian et al. 2015).
 * On simulated strokes with white noise (docs/rep-counting.md) a minimum-jerk stroke then never
 * reads jerky, and a stop-and-go stroke does from 80 (30 fps) or 200 (15 fps) times its noise.
 */
const SPEED_NOISE_FRACTION = 0.05;
/** Wider than this (≈ 200 ms of Gaussian width at 30 Hz) no stroke's jerk would be left to judge. */
const MAX_PASSES = 64;

/**
 * How many 3-sample moving-average passes at `rateHz` a rep's positions need so that noise of
 * `noise` per frame (frames `frameIntervalS` apart) leaves at most SPEED_NOISE_FRACTION of
 * `strokeSpeed` on its speed: a Gaussian of width w seconds leaves white noise a derivative of
 * standard deviation noise·√(Δ / (4√π·w³)), and k passes are a Gaussian of variance 2k/3
 * samples². At least 1 (the light smoothing every speed profile gets); null when it would take
 * more than MAX_PASSES: too noisy to judge.
 */
export function smoothingPasses(noise: number, frameIntervalS: number, strokeSpeed: number, rateHz: number): number | null {
  if (!(noise > 0) || !(strokeSpeed > 0)) return 1;
  // Frames denser than the resampling rate are picked, not averaged, by the resampling.
  const interval = Math.max(frameIntervalS, 1 / rateHz);
  const allowed = SPEED_NOISE_FRACTION * strokeSpeed;
  const widthS = Math.cbrt((noise * noise * interval) / (4 * Math.sqrt(Math.PI) * allowed * allowed));
  const widthSamples = widthS * rateHz;
  const passes = Math.max(1, Math.ceil(1.5 * widthSamples * widthSamples));
  return passes <= MAX_PASSES ? passes : null;
}
