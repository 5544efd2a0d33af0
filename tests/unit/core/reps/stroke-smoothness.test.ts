import { describe, expect, it } from 'vitest';
import { movementMetrics, speedProfile, METRICS_RATE_HZ } from '../../../../src/core/reps/rep-metrics';
import { sparc } from '../../../../src/core/reps/smoothness';

const minimumJerk = (u: number): number => 10 * u ** 3 - 15 * u ** 4 + 6 * u ** 5;
const FRAME_MS = 1000 / 15;

/** Stop-and-go: four minimum-jerk sub-movements, each followed by a pause (the clip generator's jerky profile). */
const stopAndGo = (u: number): number => {
  const slot = Math.min(3, Math.floor(u * 4));
  return (slot + minimumJerk(Math.min(1, (u * 4 - slot) / 0.35))) / 4;
};

/**
 * A rep as the excursion counter hands it over, at 15 fps: from the last sample under the rest
 * threshold (10% of the way), out in `strokeMs`, held `holdMs`, back, ending at the first sample
 * under the threshold again, so both ends are cut while the head still moves.
 */
function countedRep(peakDeg: number, strokeMs: number, holdMs: number, profile = minimumJerk, noiseDeg = 0, seed = 3): { tMs: number[]; values: number[] } {
  let s = seed;
  const uniform = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  const gauss = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const at = (t: number): number => {
    if (t <= strokeMs) return peakDeg * profile(t / strokeMs);
    if (t <= strokeMs + holdMs) return peakDeg;
    return peakDeg * (1 - profile(Math.min(1, (t - strokeMs - holdMs) / strokeMs)));
  };
  const tMs: number[] = [];
  const values: number[] = [];
  const rest = 0.1 * peakDeg;
  let t = 0;
  while (at(t + FRAME_MS) < rest) t += FRAME_MS;
  for (; t <= 2 * strokeMs + holdMs; t += FRAME_MS) {
    tMs.push(t);
    values.push(at(t) + noiseDeg * gauss());
    if (t > strokeMs + holdMs && at(t) < rest) break;
  }
  return { tMs, values };
}

describe('smoothness per stroke (the rep\'s least smooth stroke, from its onset to its offset)', () => {
  it('scores a clean rep like one minimum-jerk stroke, however long it is held and where it is cut', () => {
    for (const holdMs of [0, 500, 1000, 2000]) {
      const rep = countedRep(35, 1000, holdMs);
      const value = movementMetrics(rep).sparc;
      expect(value).toBeGreaterThan(-1.7);
      expect(value).toBeLessThan(-1.3);
      if (holdMs >= 1000) {
        // The whole rep's speed profile, read as one movement, scored it as jerky.
        expect(sparc(speedProfile(rep), METRICS_RATE_HZ)).toBeLessThan(-2.35);
      }
    }
  });

  it('still scores a stop-and-go rep as jerky (below −2.35)', () => {
    for (const holdMs of [0, 1000]) expect(movementMetrics(countedRep(30, 1650, holdMs, stopAndGo)).sparc).toBeLessThan(-2.35);
  });

  it('keeps a clean rep above −2.35 with 0.7° of landmark noise per frame', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(movementMetrics(countedRep(35, 1000, 1000, minimumJerk, 0.7, seed)).sparc).toBeGreaterThan(-2.35);
  });
});
