import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from '../../../../src/core/filters/one-euro-filter';

/** After this long a step must be mostly followed: the lag bound at rest (1 Hz cutoff). */
const STEP_SETTLE_MS = 500;
const STEP_RESIDUAL_SHARE = 0.1;

const frameMs = fc.integer({ min: 16, max: 67 });
const series = fc.array(fc.double({ min: -180, max: 180, noNaN: true }), { minLength: 1, maxLength: 200 });

describe('OneEuroFilter', () => {
  it('returns the first sample unchanged', () => {
    expect(new OneEuroFilter().apply(12.5, 1000)).toBe(12.5);
  });

  it('output stays within the hull of the inputs so far', () => {
    fc.assert(
      fc.property(series, frameMs, fc.double({ min: 0, max: 1, noNaN: true }), (values, dt, beta) => {
        const filter = new OneEuroFilter({ beta });
        let min = Infinity;
        let max = -Infinity;
        values.forEach((v, k) => {
          min = Math.min(min, v);
          max = Math.max(max, v);
          const out = filter.apply(v, k * dt);
          expect(out).toBeGreaterThanOrEqual(min - 1e-9);
          expect(out).toBeLessThanOrEqual(max + 1e-9);
        });
      }),
    );
  });

  it('follows a step within a bounded lag, without overshoot', () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }).filter((s) => Math.abs(s) > 1), frameMs, (step, dt) => {
        const filter = new OneEuroFilter();
        for (let t = 0; t <= 300; t += dt) filter.apply(0, t);
        const start = 300 + dt;
        let out = 0;
        for (let t = start; t <= start + STEP_SETTLE_MS; t += dt) {
          out = filter.apply(step, t);
          expect(Math.abs(out)).toBeLessThanOrEqual(Math.abs(step) + 1e-9);
        }
        expect(Math.abs(step - out)).toBeLessThan(STEP_RESIDUAL_SHARE * Math.abs(step));
      }),
    );
  });

  it('lags less on a fast ramp than a plain low-pass with the same resting cutoff', () => {
    const adaptive = new OneEuroFilter();
    const plain = new OneEuroFilter({ beta: 0 });
    let adaptiveOut = 0;
    let plainOut = 0;
    for (let t = 0; t <= 1000; t += 33) {
      const value = 0.06 * t; // 60°/s
      adaptiveOut = adaptive.apply(value, t);
      plainOut = plain.apply(value, t);
    }
    expect(0.06 * 990 - adaptiveOut).toBeLessThan((0.06 * 990 - plainOut) / 2);
  });

  it('ignores out-of-order and repeated timestamps', () => {
    fc.assert(
      fc.property(series, fc.array(fc.tuple(fc.nat(200), fc.double({ min: -180, max: 180, noNaN: true })), { maxLength: 50 }), (values, intruders) => {
        const clean = new OneEuroFilter();
        const disturbed = new OneEuroFilter();
        values.forEach((v, k) => {
          const t = 1000 + k * 33;
          const expected = clean.apply(v, t);
          expect(disturbed.apply(v, t)).toBe(expected);
          for (const [back, junk] of intruders.filter((_, j) => j % values.length === k)) {
            expect(disturbed.apply(junk, t - back)).toBe(expected);
          }
        });
      }),
    );
  });

  it('ignores NaN and infinite values', () => {
    const filter = new OneEuroFilter();
    filter.apply(10, 0);
    const kept = filter.apply(20, 33);
    expect(filter.apply(Number.NaN, 66)).toBe(kept);
    expect(filter.apply(Number.POSITIVE_INFINITY, 99)).toBe(kept);
    expect(new OneEuroFilter().apply(Number.NaN, 0)).toBeNaN();
  });

  it('reset() starts afresh', () => {
    const filter = new OneEuroFilter();
    filter.apply(10, 0);
    filter.apply(20, 33);
    filter.reset();
    expect(filter.apply(-5, 10)).toBe(-5);
  });
});
