import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_TIMESTAMP_STEP_MS, STREAM_GAP_MS, TimestampGuard } from '../../../src/vision/timestamp-guard';

/** Float slack when comparing shifted times, ms. */
const TIME_EPSILON_MS = 1e-9;

type Step = { readonly kind: 'frame'; readonly tMs: number } | { readonly kind: 'new-stream' };

const steps = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((tMs): Step => ({ kind: 'frame', tMs })) },
    { weight: 1, arbitrary: fc.constant<Step>({ kind: 'new-stream' }) },
  ),
  { maxLength: 200 },
);

describe('TimestampGuard', () => {
  it('passes increasing times through unchanged', () => {
    const guard = new TimestampGuard();
    expect([0, 33.3, 66.7, 100].map((t) => guard.accept(t))).toEqual([0, 33.3, 66.7, 100]);
  });

  it('refuses a repeated or older time, then goes on from the last accepted one', () => {
    const guard = new TimestampGuard();
    expect(guard.accept(100)).toBe(100);
    expect(guard.accept(100)).toBeNull();
    expect(guard.accept(50)).toBeNull();
    expect(guard.accept(100 + MIN_TIMESTAMP_STEP_MS / 2)).toBeNull();
    expect(guard.accept(133)).toBe(133);
    expect(guard.lastAccepted).toBe(133);
  });

  it('refuses non-finite times', () => {
    const guard = new TimestampGuard();
    expect(guard.accept(Number.NaN)).toBeNull();
    expect(guard.accept(Number.POSITIVE_INFINITY)).toBeNull();
    expect(guard.lastAccepted).toBeNull();
  });

  it('shifts a new stream that starts over so that it continues after the previous one', () => {
    const guard = new TimestampGuard();
    guard.accept(0);
    guard.accept(5000);
    guard.beginStream();
    expect(guard.accept(0)).toBe(5000 + STREAM_GAP_MS);
    expect(guard.accept(40)).toBe(5040 + STREAM_GAP_MS);
  });

  it('does not shift a new stream whose times are already later', () => {
    const guard = new TimestampGuard();
    guard.accept(100);
    guard.beginStream();
    expect(guard.accept(9000)).toBe(9000);
  });

  it('never hands out a time that is not strictly later than the previous one (by the minimum step)', () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const guard = new TimestampGuard();
        let previous = Number.NEGATIVE_INFINITY;
        for (const step of sequence) {
          if (step.kind === 'new-stream') {
            guard.beginStream();
            continue;
          }
          const out = guard.accept(step.tMs);
          if (out === null) continue;
          expect(out).toBeGreaterThanOrEqual(previous + MIN_TIMESTAMP_STEP_MS - TIME_EPSILON_MS);
          previous = out;
        }
      }),
    );
  });

  it('keeps the spacing of the frames it accepts within one stream', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 2, maxLength: 100 }), fc.double({ min: 0, max: 1e5, noNaN: true }), (times, earlier) => {
        const guard = new TimestampGuard();
        guard.accept(earlier);
        guard.beginStream();
        const accepted: { in: number; out: number }[] = [];
        for (const t of times) {
          const out = guard.accept(t);
          if (out !== null) accepted.push({ in: t, out });
        }
        const first = accepted[0];
        if (!first) return;
        for (const frame of accepted) expect(frame.out - first.out).toBeCloseTo(frame.in - first.in, 6);
      }),
    );
  });
});
