import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AngleSmoother } from '../../../../src/core/filters/angle-smoother';

const VELOCITY_TOLERANCE_DEG_S = 3;

describe('AngleSmoother', () => {
  it('measures the angular velocity of a steady turn in deg/s, per axis with signs', () => {
    const smoother = new AngleSmoother();
    let last = null as ReturnType<AngleSmoother['apply']>;
    for (let t = 0; t <= 2000; t += 33) last = smoother.apply({ yawDeg: 0.045 * t, pitchDeg: -0.02 * t, rollDeg: 5 }, t);
    expect(Math.abs((last?.velocity.yawDeg ?? NaN) - 45)).toBeLessThan(VELOCITY_TOLERANCE_DEG_S);
    expect(Math.abs((last?.velocity.pitchDeg ?? NaN) + 20)).toBeLessThan(VELOCITY_TOLERANCE_DEG_S);
    expect(Math.abs(last?.velocity.rollDeg ?? NaN)).toBeLessThan(1e-9);
    expect(last?.angles.rollDeg).toBe(5);
  });

  it('keeps every axis within its input hull', () => {
    const axis = fc.double({ min: -90, max: 90, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.record({ yawDeg: axis, pitchDeg: axis, rollDeg: axis }), { minLength: 1, maxLength: 100 }), (samples) => {
        const smoother = new AngleSmoother();
        samples.forEach((s, k) => {
          const out = smoother.apply(s, k * 33);
          const seen = samples.slice(0, k + 1);
          for (const key of ['yawDeg', 'pitchDeg', 'rollDeg'] as const) {
            expect(out?.angles[key] ?? NaN).toBeGreaterThanOrEqual(Math.min(...seen.map((x) => x[key])) - 1e-9);
            expect(out?.angles[key] ?? NaN).toBeLessThanOrEqual(Math.max(...seen.map((x) => x[key])) + 1e-9);
          }
        });
      }),
    );
  });

  it('ignores samples with NaN and samples out of order', () => {
    const smoother = new AngleSmoother();
    expect(smoother.apply({ yawDeg: NaN, pitchDeg: 0, rollDeg: 0 }, 0)).toBeNull();
    const first = smoother.apply({ yawDeg: 1, pitchDeg: 2, rollDeg: 3 }, 100);
    expect(smoother.apply({ yawDeg: 50, pitchDeg: 2, rollDeg: NaN }, 133)).toEqual(first);
    expect(smoother.apply({ yawDeg: 50, pitchDeg: 2, rollDeg: 3 }, 100)).toEqual(first);
    expect(smoother.apply({ yawDeg: 50, pitchDeg: 2, rollDeg: 3 }, 50)).toEqual(first);
    smoother.reset();
    expect(smoother.apply({ yawDeg: 9, pitchDeg: 9, rollDeg: 9 }, 10)?.angles.yawDeg).toBe(9);
  });
});
