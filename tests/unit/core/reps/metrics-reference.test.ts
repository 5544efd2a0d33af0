import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS_RATE_HZ, movementMetrics, speedProfile } from '../../../../src/core/reps/rep-metrics';
import { countSpeedPeaks, logDimensionlessJerk, sparc } from '../../../../src/core/reps/smoothness';
import { fastestStrokeSpeed } from '../../../../src/core/reps/stroke-speed';
import type { TrajectoryArrays } from '../../../../src/core/reps/trajectory';
import { parseSampleTrace } from '../../../support/traces/sample-trace';
import { gaussian, seededRandom } from '../../../../tools/synthetic/seeded-random';

/**
 * The rep metrics against a straightforward reference: the speed profile as plain maps, SPARC
 * (Balasubramanian et al. 2015) from a textbook DFT, LDJ as its formula, the stroke speed on
 * copied progress arrays. The fast path (twiddle tables, four bins per pass, one shared
 * resampling, progress read in place) must agree to 1e-9 relative.
 */
const RELATIVE = 1e-9;

function referenceResample({ tMs, values }: TrajectoryArrays, rateHz: number): number[] {
  const t0 = tMs[0] ?? 0;
  const t1 = tMs[tMs.length - 1] ?? t0;
  const count = Math.max(1, Math.floor((t1 - t0) / (1000 / rateHz)) + 1);
  let j = 0;
  return Array.from({ length: count }, (_, i) => {
    const t = t0 + i * (1000 / rateHz);
    while (j < tMs.length - 2 && (tMs[j + 1] ?? t) < t) j++;
    const ta = tMs[j] ?? t;
    const tb = tMs[j + 1] ?? ta;
    const va = values[j] ?? 0;
    const vb = values[j + 1] ?? va;
    return tb > ta ? va + (vb - va) * Math.min(1, Math.max(0, (t - ta) / (tb - ta))) : va;
  });
}

function referenceAverage(signal: readonly number[]): number[] {
  return signal.map((_, i) => {
    const window = signal.slice(Math.max(0, i - 1), Math.min(signal.length, i + 2));
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
}

function referencePosition(resampled: readonly number[], passes: number): number[] {
  let p = [...resampled];
  for (let k = 0; k < passes; k++) p = referenceAverage(p);
  return p;
}

/** The noise: residuals to the line through the two neighbours, the half with the closest neighbours, 1.4826 × their median. */
function referenceNoise({ tMs, values }: TrajectoryArrays): number {
  const rows = values.slice(1, -1).map((v, k) => {
    const i = k + 1;
    const a = ((tMs[i] ?? 0) - (tMs[i - 1] ?? 0)) / ((tMs[i + 1] ?? 0) - (tMs[i - 1] ?? 0));
    const line = (values[i - 1] ?? 0) * (1 - a) + (values[i + 1] ?? 0) * a;
    return { motion: Math.abs((values[i + 1] ?? 0) - (values[i - 1] ?? 0)), residual: Math.abs(v - line) / Math.sqrt(1 + a * a + (1 - a) * (1 - a)) };
  });
  if (rows.length === 0) return 0;
  const still = [...rows].sort((x, y) => x.motion - y.motion).slice(0, Math.ceil(rows.length / 2));
  return 1.4826 * median(still.map((row) => row.residual));
}

/** Moving-average passes for a Gaussian of width w = ∛(σ²Δ / (4√π (0.05 v)²)), 2k/3 samples² each, at least 1; null past 64. */
function referencePasses(noise: number, frameIntervalS: number, speed: number): number | null {
  if (!(noise > 0) || !(speed > 0)) return 1;
  const interval = Math.max(frameIntervalS, 1 / METRICS_RATE_HZ);
  const width = Math.cbrt((noise ** 2 * interval) / (4 * Math.sqrt(Math.PI) * (0.05 * speed) ** 2)) * METRICS_RATE_HZ;
  const passes = Math.max(1, Math.ceil(1.5 * width ** 2));
  return passes <= 64 ? passes : null;
}

/** The speed of the resampled positions after `passes` moving averages (the plain profile: 1). */
function referenceSpeed(resampled: readonly number[], passes = 1): number[] {
  const p = referencePosition(resampled, passes);
  const last = p.length - 1;
  const speed = p.map((_, i) => {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(last, i + 1);
    return hi > lo ? (Math.abs((p[hi] ?? 0) - (p[lo] ?? 0)) * METRICS_RATE_HZ) / (hi - lo) : 0;
  });
  return referenceAverage(speed);
}

/** Minimum-jerk-equivalent peak speed of the fastest main stroke (cut at the global extremes), on copied progress arrays. */
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[m] ?? 0) : ((sorted[m - 1] ?? 0) + (sorted[m] ?? 0)) / 2;
};

/** Normalised time at which 10τ³ − 15τ⁴ + 6τ⁵ reaches p, by 60 halvings. */
function minimumJerkInverse(p: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (10 * mid ** 3 - 15 * mid ** 4 + 6 * mid ** 5 < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The main strokes: cut at the global extremes, each covering at least half the range. */
function referenceStrokes(values: readonly number[]): { from: number; to: number }[] {
  if (values.length < 3) return [];
  const iMin = values.indexOf(Math.min(...values));
  const iMax = values.indexOf(Math.max(...values));
  const range = (values[iMax] ?? 0) - (values[iMin] ?? 0);
  if (range <= 0) return [];
  const cuts = [0, Math.min(iMin, iMax), Math.max(iMin, iMax), values.length - 1];
  return cuts.slice(1).flatMap((to, k) => {
    const from = cuts[k] ?? 0;
    return Math.abs((values[to] ?? 0) - (values[from] ?? 0)) >= 0.5 * range ? [{ from, to }] : [];
  });
}

function referenceStrokeSpeed(values: readonly number[], stepMs: number): number {
  return Math.max(0, ...referenceStrokePeakSpeeds(values, stepMs));
}

function referenceStrokePeakSpeeds(values: readonly number[], stepMs: number): number[] {
  return referenceStrokes(values).map(({ from, to }) => {
    const v0 = values[from] ?? 0;
    const displacement = (values[to] ?? 0) - v0;
    if (to - from < 1) return 0;
    const progress = values.slice(from, to + 1).map((v) => (v - v0) / displacement);
    const cross = (i: number, level: number): number => {
      const a = progress[i] ?? 0;
      const b = progress[i + 1] ?? a;
      return b !== a ? i + (level - a) / (b - a) : i;
    };
    const high = progress.findIndex((p) => p >= 0.9);
    if (high <= 0) return 0;
    let low = high - 1;
    while (low > 0 && (progress[low] ?? 0) > 0.1) low--;
    const lowAbove = (progress[low] ?? 0) > 0.1;
    const tLow = lowAbove ? low : cross(low, 0.1);
    const tHigh = cross(high - 1, 0.9);
    if (tHigh - tLow < 2) return 0;
    // The points (sample index, minimum-jerk time of its progress), then their repeated-median slope.
    const points: [number, number][] = [[tLow, minimumJerkInverse(lowAbove ? (progress[low] ?? 0) : 0.1)]];
    for (let i = low + 1; i < high; i++) {
      const p = progress[i] ?? 0;
      if (p > 0.1 && p < 0.9) points.push([i, minimumJerkInverse(p)]);
    }
    points.push([tHigh, minimumJerkInverse(0.9)]);
    const perPoint = points.flatMap(([ti, ui], i) => {
      const slopes = points.flatMap(([tj, uj], j) => (j !== i && uj !== ui ? [(tj - ti) / (uj - ui)] : []));
      return slopes.length > 0 ? [median(slopes)] : [];
    });
    const steps = perPoint.length > 0 ? median(perPoint) : 0;
    return steps > 0 ? (1.875 * Math.abs(displacement) * 1000) / (steps * stepMs) : 0;
  });
}

function dftMagnitude(signal: readonly number[], size: number, k: number): number {
  let re = 0;
  let im = 0;
  signal.forEach((x, i) => {
    const angle = (-2 * Math.PI * ((k * i) % size)) / size;
    re += x * Math.cos(angle);
    im += x * Math.sin(angle);
  });
  return Math.hypot(re, im);
}

/** SPARC: arc length of the normalised magnitude spectrum (zero-padded 16×, cut at 10 Hz, then at 5% of the peak). */
function referenceSparc(speed: readonly number[], rateHz: number): number {
  if (speed.length < 4) return Number.NaN;
  const size = 2 ** (Math.ceil(Math.log2(speed.length)) + 4);
  const df = rateHz / size;
  const lastBin = Math.min(Math.floor(10 / df), size / 2);
  const spectrum = Array.from({ length: lastBin + 1 }, (_, k) => dftMagnitude(speed, size, k));
  const peak = spectrum[0] ?? 0;
  if (!(peak > 0)) return Number.NaN;
  const above = spectrum.flatMap((v, k) => (v / peak >= 0.05 ? [k] : []));
  const first = above[0] ?? -1;
  const last = above[above.length - 1] ?? -1;
  if (last <= first) return Number.NaN;
  let arc = 0;
  for (let k = first + 1; k <= last; k++) {
    arc += Math.hypot(1 / (last - first), ((spectrum[k] ?? 0) - (spectrum[k - 1] ?? 0)) / peak);
  }
  return -arc;
}

function referenceLdj(speed: readonly number[], rateHz: number): number {
  if (speed.length < 4) return Number.NaN;
  const dt = 1 / rateHz;
  const peak = Math.max(...speed.map(Math.abs));
  if (!(peak > 0)) return Number.NaN;
  let integral = 0;
  for (let i = 1; i < speed.length - 1; i++) integral += (((speed[i + 1] ?? 0) - 2 * (speed[i] ?? 0) + (speed[i - 1] ?? 0)) / dt ** 2) ** 2 * dt;
  const dimensionless = ((speed.length * dt) ** 3 / peak ** 2) * integral;
  return dimensionless > 0 ? -Math.log(dimensionless) : Number.NaN;
}

/** Per main stroke, its speed from one sample before its onset (above 10% of its peak) to one after its offset, and whether it stands 10× clear of the noise. */
function referenceStrokeSpeeds(position: readonly number[], speed: readonly number[], noise: number): { own: number[]; clear: boolean }[] {
  return referenceStrokes(position).flatMap(({ from, to }) => {
    const own = speed.slice(from, to + 1);
    const peak = Math.max(...own);
    if (!(peak > 0)) return [];
    const moving = own.flatMap((v, i) => (v > 0.1 * peak ? [i] : []));
    const clear = Math.abs((position[to] ?? 0) - (position[from] ?? 0)) >= 10 * noise;
    return [{ own: own.slice(Math.max(0, (moving[0] ?? 0) - 1), Math.min(own.length - 1, (moving[moving.length - 1] ?? 0) + 1) + 1), clear }];
  });
}

function referenceStrokeSparc(position: readonly number[], speed: readonly number[], noise: number, rateHz: number): number {
  const strokes = referenceStrokeSpeeds(position, speed, noise);
  if (strokes.length === 0) return referenceSparc(speed, rateHz);
  const judged = strokes.filter((stroke) => stroke.clear);
  if (judged.length === 0) return Number.NaN;
  const values = judged.map(({ own }) => referenceSparc(own, rateHz)).filter((v) => !Number.isNaN(v));
  return values.length > 0 ? Math.min(...values) : referenceSparc(speed, rateHz);
}

function referenceStrokePeaks(position: readonly number[], speed: readonly number[], noise: number): number {
  const strokes = referenceStrokeSpeeds(position, speed, noise);
  return strokes.length > 0 ? strokes.reduce((sum, { own }) => sum + countSpeedPeaks(own), 0) : countSpeedPeaks(speed);
}

function expectClose(actual: number, expected: number): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(Math.abs(expected), 1e-300));
}

function expectReferenceMetrics(trajectory: TrajectoryArrays): void {
  const resampled = referenceResample(trajectory, METRICS_RATE_HZ);
  expect(speedProfile(trajectory)).toEqual(referenceSpeed(resampled));
  const metrics = movementMetrics(trajectory);
  const tMs = trajectory.tMs;
  expect(metrics.durationMs).toBe((tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0));
  const strokePeak = referenceStrokeSpeed(resampled, 1000 / METRICS_RATE_HZ);
  expectClose(fastestStrokeSpeed(resampled, 1000 / METRICS_RATE_HZ), strokePeak);
  expectClose(metrics.peakVelDegS, strokePeak);
  // The smoothing the noise needs, for the slowest stroke clear of it; the strokes cut again when smoothed more.
  const noise = referenceNoise(trajectory);
  const strokes = referenceStrokes(resampled);
  const speeds = referenceStrokePeakSpeeds(resampled, 1000 / METRICS_RATE_HZ);
  const clearSpeeds = strokes.flatMap(({ from, to }, k) => ((speeds[k] ?? 0) > 0 && Math.abs((resampled[to] ?? 0) - (resampled[from] ?? 0)) >= 10 * noise ? [speeds[k] ?? 0] : []));
  const frameIntervalS = ((tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0)) / 1000 / Math.max(1, tMs.length - 1);
  const passes = clearSpeeds.length > 0 ? referencePasses(noise, frameIntervalS, Math.min(...clearSpeeds)) : 1;
  // Past 64 passes nothing is judged: no stroke stands clear of an infinite noise.
  const judgedNoise = passes === null ? Infinity : noise;
  const speed = referenceSpeed(resampled, passes ?? 1);
  const cutOn = (passes ?? 1) > 1 ? referencePosition(resampled, passes ?? 1) : resampled;
  expectClose(metrics.sparc, referenceStrokeSparc(cutOn, speed, judgedNoise, METRICS_RATE_HZ));
  expectClose(metrics.ldj, referenceLdj(speed, METRICS_RATE_HZ));
  expect(metrics.velocityPeaks).toBe(referenceStrokePeaks(cutOn, speed, judgedNoise));
}

/** Samples about 30 fps apart with webcam jitter; `position` in degrees. */
function sampled(position: (tMs: number) => number, durationMs: number, random: () => number): TrajectoryArrays {
  const tMs: number[] = [];
  for (let t = 0; t <= durationMs; t += 33.3 + (random() - 0.5) * 12) tMs.push(t);
  return { tMs, values: tMs.map(position) };
}

const minimumJerk = (u: number): number => 10 * u ** 3 - 15 * u ** 4 + 6 * u ** 5;

describe('rep metrics equal the straightforward reference (1e-9 relative)', () => {
  it('on random walks of every length from 1 to 400 samples', () => {
    const random = seededRandom(3);
    for (let length = 1; length <= 400; length += length < 20 ? 1 : 37) {
      let x = 0;
      const values = Array.from({ length }, () => (x += gaussian(random) * 3));
      const tMs = values.map((_, i) => i * 33.3 + random() * 10);
      expectReferenceMetrics({ tMs, values });
    }
  });

  it('on realistic reps: minimum-jerk out-and-back with noise, stop-and-go, a long slow rep, a still rep', () => {
    const random = seededRandom(11);
    const outAndBack = (ms: number, deg: number) => (t: number): number => deg * minimumJerk(Math.min(1, t / ms)) * (t < ms ? 1 : 1 - minimumJerk(Math.min(1, (t - ms) / ms))) + 0.3 * gaussian(random);
    for (const [ms, deg] of [[250, 30], [750, 60], [1500, 70], [5000, 80]] as const) expectReferenceMetrics(sampled(outAndBack(ms, deg), 2 * ms, random));
    expectReferenceMetrics(sampled((t) => 15 * Math.floor(t / 300) + 5 * minimumJerk((t % 300) / 300), 2400, random));
    expectReferenceMetrics(sampled(() => 12, 1000, random));
  });

  const trace = path.resolve(import.meta.dirname, '../../../../fixtures/traces/head_turning.samples.jsonl');
  it.skipIf(!existsSync(trace))('on windows of a recorded clip (yaw, pitch and roll of head_turning)', () => {
    const samples = parseSampleTrace(readFileSync(trace, 'utf8')).samples.filter((s) => s.angles !== null);
    for (const axis of ['yawDeg', 'pitchDeg', 'rollDeg'] as const) {
      for (let start = 0; start + 10 < samples.length; start += 53) {
        const window = samples.slice(start, start + 10 + (start % 120));
        expectReferenceMetrics({ tMs: window.map((s) => s.tMs), values: window.map((s) => s.angles?.[axis] ?? 0) });
      }
    }
  });

  it('SPARC and LDJ on raw profiles at other rates', () => {
    const random = seededRandom(5);
    for (const rateHz of [15, 30, 60, 100]) {
      for (const length of [4, 5, 17, 45, 64, 65, 200]) {
        const speed = Array.from({ length }, () => random() * 100);
        expectClose(sparc(speed, rateHz), referenceSparc(speed, rateHz));
        expectClose(logDimensionlessJerk(speed, rateHz), referenceLdj(speed, rateHz));
      }
    }
  });
});
