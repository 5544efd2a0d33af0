import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NO_OFFSET,
  isNextPresentedTime,
  presentationOffset,
  presentationTimeUs,
} from '../../../../src/vision/recorded/presentation-time';

/** WebCodecs timestamps are whole microseconds: rounding costs at most half of one. */
const ROUNDING_TOLERANCE_US = 0.5;

describe('presentationOffset', () => {
  it('a media edit starting at a composition offset (B-frame encoders) moves the first frame to 0', () => {
    // 30000/1001 fps in a 30000 timescale: 2 frames of reorder delay = 2002 ticks.
    const offset = presentationOffset([{ segment_duration: 9009, media_time: 2002 }], 1000);
    expect(offset).toEqual({ mediaStartTicks: 2002, delayUs: 0 });
    expect(presentationTimeUs(2002, 30000, offset)).toBe(0);
    expect(presentationTimeUs(3003, 30000, offset)).toBe(33367);
  });

  it('a leading empty edit delays the track by its duration', () => {
    const offset = presentationOffset(
      [
        { segment_duration: 500, media_time: -1 },
        { segment_duration: 9000, media_time: 0 },
      ],
      1000,
    );
    expect(offset.delayUs).toBe(500_000);
    expect(presentationTimeUs(0, 90000, offset)).toBe(500_000);
  });

  it('no edit list: composition times as they are', () => {
    expect(presentationOffset([], 1000)).toEqual(NO_OFFSET);
    expect(presentationTimeUs(512, 12800, NO_OFFSET)).toBe(40_000);
  });
});

describe('presentationTimeUs', () => {
  it('is the composition time in µs, shifted by the offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (cts, timescale, start) => {
          const exact = ((cts - start) / timescale) * 1e6;
          const got = presentationTimeUs(cts, timescale, { mediaStartTicks: start, delayUs: 0 });
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(ROUNDING_TOLERANCE_US);
        },
      ),
    );
  });

  it('keeps distinct frames distinct and ordered (any timescale up to 1 MHz)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1e9 }), (timescale, cts) => {
        expect(presentationTimeUs(cts + 1, timescale, NO_OFFSET)).toBeGreaterThan(presentationTimeUs(cts, timescale, NO_OFFSET));
      }),
    );
  });
});

describe('isNextPresentedTime', () => {
  it('drops frames before the edit start and repeated or older times', () => {
    expect(isNextPresentedTime(-33_367, null)).toBe(false);
    expect(isNextPresentedTime(0, null)).toBe(true);
    expect(isNextPresentedTime(33_367, 0)).toBe(true);
    expect(isNextPresentedTime(33_367, 33_367)).toBe(false);
    expect(isNextPresentedTime(10, 33_367)).toBe(false);
  });

  it('what it keeps is strictly increasing, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (times) => {
        let previous: number | null = null;
        const kept: number[] = [];
        for (const t of times) {
          if (isNextPresentedTime(t, previous)) {
            kept.push(t);
            previous = t;
          }
        }
        for (let i = 1; i < kept.length; i += 1) expect(kept[i]).toBeGreaterThan(kept[i - 1] ?? Infinity);
        expect(kept.every((t) => t >= 0)).toBe(true);
      }),
    );
  });
});
