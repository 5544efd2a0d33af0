import { describe, expect, it } from 'vitest';
import { movementMetrics } from '../../../../src/core/reps/rep-metrics';
import { gaussian, seededRandom } from '../../../../tools/synthetic/seeded-random';

const SPARC_JERKY = -2.35;
const minimumJerk = (u: number): number => 10 * u ** 3 - 15 * u ** 4 + 6 * u ** 5;
/** Stop-and-go: four minimum-jerk sub-movements, each followed by a pause (the clip generator's jerky profile). */
const stopAndGo = (u: number): number => {
  const slot = Math.min(3, Math.floor(u * 4));
  return (slot + minimumJerk(Math.min(1, (u * 4 - slot) / 0.35))) / 4;
};

/** A 20-unit stroke of `strokeMs`, held 400 ms, and back, at `fps`, with white jitter of 20 / `snr`. */
function noisyRep(profile: (u: number) => number, strokeMs: number, fps: number, snr: number, seed: number): { tMs: number[]; values: number[] } {
  const random = seededRandom(seed);
  const at = (t: number): number => {
    if (t < 0) return 0;
    if (t <= strokeMs) return 20 * profile(t / strokeMs);
    if (t <= strokeMs + 400) return 20;
    return 20 * (1 - profile(Math.min(1, (t - strokeMs - 400) / strokeMs)));
  };
  const tMs: number[] = [];
  for (let t = -100; t <= 2 * strokeMs + 500; t += 1000 / fps) tMs.push(t);
  return { tMs, values: tMs.map((t) => at(t) + (20 / snr) * gaussian(random)) };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const jerky = (value: number): boolean => value < SPARC_JERKY;

describe('smoothness of a noisy signal (jitter like TF.js\'s shoulders: a tenth to a twentieth of the movement)', () => {
  it('tells no clean, slow minimum-jerk rep it is jerky, however noisy (read plainly: 8 of 8 at a tenth, 3 of 8 at a twentieth)', () => {
    for (const snr of [10, 20]) {
      for (const seed of SEEDS) expect(jerky(movementMetrics(noisyRep(minimumJerk, 1500, 15, snr, seed)).sparc)).toBe(false);
    }
  });

  it('does not judge a stroke buried in its noise (under ten times it): NaN, no warning', () => {
    for (const seed of SEEDS) expect(movementMetrics(noisyRep(minimumJerk, 700, 15, 4, seed)).sparc).toBeNaN();
  });

  it('still tells a stop-and-go rep it is jerky with jitter of 1/200 of it at 15 fps and 1/80 at 30 fps', () => {
    for (const seed of SEEDS) {
      expect(jerky(movementMetrics(noisyRep(stopAndGo, 1650, 15, 200, seed)).sparc)).toBe(true);
      expect(jerky(movementMetrics(noisyRep(stopAndGo, 1650, 30, 80, seed)).sparc)).toBe(true);
    }
  });
});
