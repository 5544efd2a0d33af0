import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypot2, hypot3 } from '../../../../src/core/geometry/hypot';

/** Any double, with the values where hypot's special cases and scaling matter made likely. */
const value = fc.oneof(
  fc.double(),
  fc.double({ min: -1e3, max: 1e3 }),
  fc.constantFrom(0, -0, 1, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, Number.MAX_VALUE, 1e-300, 1e300),
);

describe('hypot2 / hypot3', () => {
  it('give exactly Math.hypot (same algorithm as V8)', () => {
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        expect(Object.is(hypot2(a, b), Math.hypot(a, b))).toBe(true);
        expect(Object.is(hypot3(a, b, c), Math.hypot(a, b, c))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('keep Math.hypot\'s special cases: Infinity over NaN, NaN over numbers, no overflow', () => {
    expect(hypot3(Number.NaN, Number.NEGATIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(hypot2(Number.NaN, 1)).toBeNaN();
    expect(hypot3(0, -0, 0)).toBe(0);
    expect(hypot2(1e300, 1e300)).toBeCloseTo(Math.SQRT2 * 1e300, -290);
    expect(hypot3(3, 4, 12)).toBe(13);
  });
});
