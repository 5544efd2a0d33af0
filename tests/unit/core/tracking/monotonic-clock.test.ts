import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonotonicClock } from '../../../../src/core/tracking/monotonic-clock';

describe('MonotonicClock', () => {
  it('never goes back, and passes later times through unchanged', () => {
    const clock = new MonotonicClock();
    expect([10, 5, 12, 12, 11, 20].map((t) => clock.at(t))).toEqual([10, 10, 12, 12, 12, 20]);
  });

  it('yields a non-decreasing sequence that is never below the input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true })), (times) => {
        const clock = new MonotonicClock();
        let previous = Number.NEGATIVE_INFINITY;
        for (const t of times) {
          const out = clock.at(t);
          expect(out).toBeGreaterThanOrEqual(previous);
          expect(out).toBeGreaterThanOrEqual(t);
          previous = out;
        }
      }),
    );
  });
});
