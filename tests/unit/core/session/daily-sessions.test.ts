import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../../src/core/session/daily-sessions';

describe('localDay', () => {
  it('is the calendar day Date gives for the shifted instant (the core builds no Date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5e12, max: 8e12 }), fc.integer({ min: -840, max: 840 }), (epochMs, offset) => {
        const iso = new Date(epochMs).toISOString();
        expect(localDay(iso, offset)).toBe(new Date(epochMs + offset * 60_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('is null for an unparseable date', () => {
    expect(localDay('not a date', 0)).toBeNull();
  });
});
