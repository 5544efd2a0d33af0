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

function referenceSpeed(trajectory: TrajectoryArrays): number[] {
  const p = referenceAverage(referenceResample(trajectory, METRICS_RATE_HZ));
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

function referenceStrokeSpeed(values: readonly number[], stepMs: number): number {
  if (values.length < 3) return 0;
  const iMin = values.indexOf(Math.min(...values));
  const iMax = values.indexOf(Math.max(...values));
  const range = (values[iMax] ?? 0) - (values[iMin] ?? 0);
  if (range <= 0) return 0;
  const cuts = [0, Math.min(iMin, iMax), Math.max(iMin, iMax), values.length - 1];
  const speeds = cuts.slice(1).map((to, k) => {
    const from = cuts[k] ?? 0;
    const v0 = values[from] ?? 0;
    const displacement = (values[to] ?? 0) - v0;
    if (Math.abs(displacement) < 0.5 * range || to - from < 1) return 0;
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
  return Math.max(0, ...speeds);
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

/** Per main stroke, its speed from one sample before its onset (above 10% of its peak) to one after its offset. */
function referenceStrokeSpeeds(resampled: readonly number[], speed: readonly number[]): number[][] {
  const iMin = resampled.indexOf(Math.min(...resampled));
  const iMax = resampled.indexOf(Math.max(...resampled));
  const range = (resampled[iMax] ?? 0) - (resampled[iMin] ?? 0);
  const cuts = [0, Math.min(iMin, iMax), Math.max(iMin, iMax), resampled.length - 1];
  if (resampled.length < 3 || range <= 0) return [];
  return cuts.slice(1).flatMap((to, k) => {
    const from = cuts[k] ?? 0;
    if (Math.abs((resampled[to] ?? 0) - (resampled[from] ?? 0)) < 0.5 * range) return [];
    const own = speed.slice(from, to + 1);
    const peak = Math.max(...own);
    if (!(peak > 0)) return [];
    const moving = own.flatMap((v, i) => (v > 0.1 * peak ? [i] : []));
    return [own.slice(Math.max(0, (moving[0] ?? 0) - 1), Math.min(own.length - 1, (moving[moving.length - 1] ?? 0) + 1) + 1)];
  });
}

function referenceStrokeSparc(resampled: readonly number[], speed: readonly number[], rateHz: number): number {
  const values = referenceStrokeSpeeds(resampled, speed).map((own) => referenceSparc(own, rateHz)).filter((v) => !Number.isNaN(v));
  return values.length > 0 ? Math.min(...values) : referenceSparc(speed, rateHz);
}

function referenceStrokePeaks(resampled: readonly number[], speed: readonly number[]): number {
  const strokes = referenceStrokeSpeeds(resampled, speed);
  return strokes.length > 0 ? strokes.reduce((sum, own) => sum + countSpeedPeaks(own), 0) : countSpeedPeaks(speed);
}

function expectClose(actual: number, expected: number): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE * Math.max(Math.abs(expected), 1e-300));
}

function expectReferenceMetrics(trajectory: TrajectoryArrays): void {
  const speed = referenceSpeed(trajectory);
  expect(speedProfile(trajectory)).toEqual(speed);
  const metrics = movementMetrics(trajectory);
  const tMs = trajectory.tMs;
  expect(metrics.durationMs).toBe((tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0));
  const resampled = referenceResample(trajectory, METRICS_RATE_HZ);
  const strokePeak = referenceStrokeSpeed(resampled, 1000 / METRICS_RATE_HZ);
  expectClose(fastestStrokeSpeed(resampled, 1000 / METRICS_RATE_HZ), strokePeak);
  expectClose(metrics.peakVelDegS, strokePeak);
  expectClose(metrics.sparc, referenceStrokeSparc(resampled, speed, METRICS_RATE_HZ));
  expectClose(metrics.ldj, referenceLdj(speed, METRICS_RATE_HZ));
  expect(metrics.velocityPeaks).toBe(referenceStrokePeaks(resampled, speed));
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
