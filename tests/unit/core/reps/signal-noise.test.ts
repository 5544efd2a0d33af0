import { describe, expect, it } from 'vitest';
import { sampleNoise, smoothingPasses } from '../../../../src/core/reps/signal-noise';
import { gaussian, seededRandom } from '../../../../tools/synthetic/seeded-random';

const minimumJerk = (u: number): number => 10 * u ** 3 - 15 * u ** 4 + 6 * u ** 5;
/** Stop-and-go: four minimum-jerk sub-movements, each followed by a pause (the clip generator's jerky profile). */
const stopAndGo = (u: number): number => {
  const slot = Math.min(3, Math.floor(u * 4));
  return (slot + minimumJerk(Math.min(1, (u * 4 - slot) / 0.35))) / 4;
};

/** A 20° stroke of `strokeMs` held 400 ms and back, sampled at `fps`, with white noise of `noiseDeg`. */
function rep(profile: (u: number) => number, strokeMs: number, fps: number, noiseDeg: number, seed = 1): { tMs: number[]; values: number[] } {
  const random = seededRandom(seed);
  const at = (t: number): number => {
    if (t <= strokeMs) return 20 * profile(t / strokeMs);
    if (t <= strokeMs + 400) return 20;
    return 20 * (1 - profile(Math.min(1, (t - strokeMs - 400) / strokeMs)));
  };
  const tMs: number[] = [];
  for (let t = 0; t <= 2 * strokeMs + 400; t += 1000 / fps) tMs.push(t);
  return { tMs, values: tMs.map((t) => at(t) + noiseDeg * gaussian(random)) };
}

describe('sampleNoise (the white noise on a rep, read where it moves least)', () => {
  it('reads the noise added to a still signal within 30%, and never under-reads it on a moving rep (by more than 25%; the movement’s curvature adds, up to 2.5× here)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const random = seededRandom(seed);
      const still = Array.from({ length: 200 }, () => 5 + 1.5 * gaussian(random));
      expect(Math.abs(sampleNoise({ tMs: still.map((_, i) => i * 66.7), values: still }) / 1.5 - 1)).toBeLessThan(0.3);
      const ratio = sampleNoise(rep(minimumJerk, 800, 15, 0.5, seed)) / 0.5;
      expect(ratio).toBeGreaterThan(0.75);
      expect(ratio).toBeLessThan(2.5);
    }
  });

  it('reads next to no noise on noise-free reps, a stop-and-go at 15 fps included (its pauses are still)', () => {
    expect(sampleNoise(rep(minimumJerk, 800, 30, 0))).toBeLessThan(0.1);
    expect(sampleNoise(rep(stopAndGo, 1650, 15, 0))).toBeLessThan(0.1);
  });

  it('is 0 with too few samples', () => {
    expect(sampleNoise({ tMs: [0, 33], values: [1, 2] })).toBe(0);
  });
});

describe('smoothingPasses (enough smoothing that noise leaves 5% of the stroke speed)', () => {
  it('is the light smoothing alone without noise, grows with the noise, and gives up (null) past 64 passes', () => {
    expect(smoothingPasses(0, 1 / 15, 40, 30)).toBe(1);
    expect(smoothingPasses(0.05, 1 / 15, 40, 30)).toBe(1);
    const passes = [0.2, 0.5, 1, 2].map((noise) => smoothingPasses(noise, 1 / 15, 40, 30));
    for (let k = 1; k < passes.length; k++) expect(passes[k]).toBeGreaterThan(passes[k - 1] ?? 0);
    expect(smoothingPasses(100, 1 / 15, 1, 30)).toBeNull();
  });
});
