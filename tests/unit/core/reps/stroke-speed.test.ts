import { describe, expect, it } from 'vitest';
import { movementMetrics } from '../../../../src/core/reps/rep-metrics';
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
        // 0.7° of frame noise adds only the smoothed profile's own noise, far below the limit.
        expect(movementMetrics(outAndBack(deg, ms, 0.7, seed)).peakVelDegS).toBeLessThan(Math.max(truePeak(deg, ms) + 40, 100));
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
});
