import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JERKY_STEPS, jerky, minimumJerk, progress, SPEED_PROFILE_NAMES } from '../../../../tools/clipgen/core/speed-profiles';

const EPS = 1e-12;
const DERIVATIVE_STEP = 1e-5;

function velocity(f: (t: number) => number, t: number): number {
  return (f(t + DERIVATIVE_STEP) - f(t - DERIVATIVE_STEP)) / (2 * DERIVATIVE_STEP);
}

/** Local maxima of the velocity of a profile sampled on [0, 1]. */
function velocityPeaks(f: (t: number) => number, samples = 2000): number {
  const v = Array.from({ length: samples + 1 }, (_, i) => f((i + 1) / (samples + 2)) - f(i / (samples + 2)));
  let peaks = 0;
  for (let i = 1; i < v.length - 1; i++) {
    const prev = v[i - 1] ?? 0, cur = v[i] ?? 0, next = v[i + 1] ?? 0;
    if (cur > prev && cur >= next && cur > 1e-9) peaks++;
  }
  return peaks;
}

describe('speed profiles', () => {
  it('start at 0, end at 1 and never go back, for every profile', () => {
    for (const profile of SPEED_PROFILE_NAMES) {
      expect(progress(profile, 0)).toBeCloseTo(0, 12);
      expect(progress(profile, 1)).toBeCloseTo(1, 12);
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return progress(profile, lo) <= progress(profile, hi) + EPS;
        }),
      );
    }
  });

  it('minimum jerk: symmetric, zero velocity at both ends, peak velocity 1.875 at the middle', () => {
    expect(minimumJerk(0.5)).toBeCloseTo(0.5, 12);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => Math.abs(minimumJerk(t) + minimumJerk(1 - t) - 1) < 1e-12));
    expect(Math.abs(velocity(minimumJerk, DERIVATIVE_STEP))).toBeLessThan(1e-6);
    expect(velocity(minimumJerk, 0.5)).toBeCloseTo(1.875, 6);
    expect(velocityPeaks(minimumJerk)).toBe(1);
  });

  it('jerky: one velocity peak per sub-movement, and a higher peak speed than minimum jerk', () => {
    expect(velocityPeaks(jerky)).toBe(JERKY_STEPS);
    const peak = (f: (t: number) => number) => Math.max(...Array.from({ length: 999 }, (_, i) => velocity(f, (i + 1) / 1000)));
    expect(peak(jerky)).toBeGreaterThan(peak(minimumJerk));
  });
});
