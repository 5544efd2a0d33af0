import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tanh } from '../../../../../src/core/head-pose/regression/tanh';

describe('tanh (the network activation)', () => {
  it('is within 4e-16 of Math.tanh', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThan(4e-16);
      }),
      { numRuns: 20000 },
    );
    for (let x = -25; x <= 25; x += 1 / 1024) expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThan(4e-16);
  });

  it('saturates, is odd, and passes NaN through', () => {
    expect(tanh(19)).toBe(1);
    expect(tanh(-1e300)).toBe(-1);
    expect(tanh(Number.POSITIVE_INFINITY)).toBe(1);
    expect(tanh(Number.NaN)).toBeNaN();
    expect(tanh(0)).toBe(0);
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => tanh(-x) === -tanh(x) || (x === 0 && tanh(x) === 0)));
  });
});
