import { describe, expect, it } from 'vitest';
import { movementMetrics, speedProfile } from '../../../../src/core/reps/rep-metrics';
import { fastestStrokeSpeed } from '../../../../src/core/reps/stroke-speed';

const RATE_HZ = 30;
const minimumJerk = (u: number): number => 10 * u ** 3 - 15 * u ** 4 + 6 * u ** 5;

/** Out to `peakDeg` and back, minimum-jerk, each stroke `strokeMs`, with 300 ms of rest around it. */
function outAndBack(peakDeg: number, strokeMs: number, noiseDeg = 0, seed = 7): { tMs: number[]; values: number[] } {
  let s = seed;
  const uniform = (): number => ((s = (s * 16807) % 2147483647) / 2147483647);
  const gauss = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const tMs: number[] = [];
  const values: number[] = [];
  const total = 600 + 2 * strokeMs;
  for (let t = 0; t <= total; t += 1000 / RATE_HZ) {
    const u = t < 300 ? 0 : t < 300 + strokeMs ? (t - 300) / strokeMs : t < 300 + 2 * strokeMs ? 1 - (t - 300 - strokeMs) / strokeMs : 0;
    const pos = minimumJerk(Math.min(1, Math.max(0, u)));
    tMs.push(t);
    values.push(peakDeg * pos + noiseDeg * gauss());
  }
  return { tMs, values };
}

/** A minimum-jerk stroke's true peak speed: 1.875 × amplitude / duration. */
const truePeak = (deg: number, ms: number): number => (1.875 * deg * 1000) / ms;

describe('stroke speed (peak speed from displacement over time, immune to smoothing lag)', () => {
  it('reads a minimum-jerk stroke at its true peak speed (within sampling error)', () => {
    for (const [deg, ms] of [[30, 250], [30, 1000], [12, 400]] as const) {
      const speed = fastestStrokeSpeed(outAndBack(deg, ms).values, 1000 / RATE_HZ);
      expect(Math.abs(speed - truePeak(deg, ms))).toBeLessThan(0.05 * truePeak(deg, ms));
    }
  });

  it('reads a constant-speed ramp at most 19% high (the model assumes a minimum-jerk shape)', () => {
    const ramp = [0, 0, ...Array.from({ length: 11 }, (_, i) => 3 * i), 30, 30];
    const speed = fastestStrokeSpeed(ramp, 1000 / RATE_HZ);
    expect(speed).toBeGreaterThan(90);
    expect(speed).toBeLessThan(1.2 * 90);
  });

  it('recovers most of a short fast peak that the smoothed profile loses (30° in 250 ms, 225°/s)', () => {
    const metrics = movementMetrics(outAndBack(30, 250));
    expect(metrics.peakVelDegS).toBeGreaterThan(0.95 * truePeak(30, 250));
    expect(metrics.peakVelDegS).toBeLessThan(1.05 * truePeak(30, 250));
    // Above a 150°/s limit (head turns), as the scripted movement is.
    expect(metrics.peakVelDegS).toBeGreaterThan(150);
  });

  it('never reads a normal-speed rep above its true peak, with or without noise', () => {
    for (const [deg, ms] of [[30, 1000], [45, 700], [20, 400]] as const) {
      expect(movementMetrics(outAndBack(deg, ms)).peakVelDegS).toBeLessThan(truePeak(deg, ms) * 1.05);
      for (const seed of [1, 2, 3, 4, 5]) {
        // 0.7° of frame noise: the fit over the stroke keeps the reading within 10% of the truth.
        expect(movementMetrics(outAndBack(deg, ms, 0.7, seed)).peakVelDegS).toBeLessThan(truePeak(deg, ms) * 1.1);
      }
    }
  });

  it('is 0 for a flat signal and ignores strokes shorter than two samples', () => {
    expect(fastestStrokeSpeed([3, 3, 3, 3], 33)).toBe(0);
    // A one-sample jump (a glitch) is not a measurable stroke.
    expect(fastestStrokeSpeed([0, 0, 0, 10, 10, 10], 33)).toBe(0);
  });

  it('judges the back stroke too (fast return after a slow out)', () => {
    const out = Array.from({ length: 31 }, (_, i) => 30 * minimumJerk(i / 30));
    const back = Array.from({ length: 9 }, (_, i) => 30 * (1 - minimumJerk((i + 1) / 9)));
    const speed = fastestStrokeSpeed([...out, ...back], 1000 / RATE_HZ);
    expect(speed).toBeGreaterThan(150);
  });

  it('is not fooled by a face mesh that lags and then snaps back (a run of misread samples)', () => {
    // Recorded: the return of the right tilt of the generated clip assisted-lateral-stretch-scan as
    // MediaPipe read it, neck roll resampled to 30 Hz; the truth is 25° back in 1 s, minimum jerk
    // (46.8°/s at its peak). The mesh stalls for 3 frames, then catches up and overshoots by 1.4°:
    // the smoothed speed profile peaks at 98°/s there, over the exercise's 60°/s limit.
    const recorded = [-25.5, -25.4, -25.3, -24.9, -24.6, -24.2, -23.9, -23.4, -23.0, -21.8, -20.7, -19.2, -17.7, -16.3, -14.8, -13.0, -11.2, -7.8, -4.5, -1.5, 1.4, 1.3, 1.3, 0.6, -0.1, -0.4, -0.8];
    const speed = fastestStrokeSpeed(recorded, 1000 / RATE_HZ);
    expect(speed).toBeGreaterThan(0.9 * 46.8);
    expect(speed).toBeLessThan(1.2 * 46.8);
    expect(Math.max(...speedProfile({ tMs: recorded.map((_, i) => (i * 1000) / RATE_HZ), values: recorded }))).toBeGreaterThan(60);
  });

  it('reads a minimum-jerk stroke with a run of a third of its samples misread by up to 4° within 15%', () => {
    for (const start of [8, 12, 16]) {
      const clean = Array.from({ length: 31 }, (_, i) => 30 * minimumJerk(i / 30));
      const misread = clean.map((v, i) => (i >= start && i < start + 4 ? v + 4 : v));
      expect(Math.abs(fastestStrokeSpeed(misread, 1000 / RATE_HZ) - truePeak(30, 1000))).toBeLessThan(0.15 * truePeak(30, 1000));
    }
  });
});
