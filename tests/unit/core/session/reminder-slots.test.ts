import { describe, expect, it } from 'vitest';
import { DAILY_SLOTS, dailySlotsIcs, nextSlot } from '../../../../src/core/session';

describe('the daily slots', () => {
  it('the next one is today’s next slot, or tomorrow’s first when the day is over or done', () => {
    expect(nextSlot({ hour: 7, minute: 59 }, 0)).toEqual({ slot: { hour: 8, minute: 0 }, tomorrow: false });
    expect(nextSlot({ hour: 8, minute: 0 }, 1)).toEqual({ slot: { hour: 12, minute: 0 }, tomorrow: false });
    expect(nextSlot({ hour: 15, minute: 30 }, 2)).toEqual({ slot: { hour: 16, minute: 0 }, tomorrow: false });
    expect(nextSlot({ hour: 21, minute: 0 }, 3)).toEqual({ slot: { hour: 8, minute: 0 }, tomorrow: true });
    expect(nextSlot({ hour: 10, minute: 0 }, 4)).toEqual({ slot: { hour: 8, minute: 0 }, tomorrow: true });
  });

  it('exports one daily repeating event per slot as iCalendar, CRLF lines, escaped text', () => {
    const ics = dailySlotsIcs(DAILY_SLOTS, { year: 2026, month: 12, day: 6 }, '20261206T012000Z', 'Atlas: neck exercises, session');
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(ics.includes('\n') && !/[^\r]\n/.test(ics)).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith('DTSTART:'))).toEqual(['DTSTART:20261206T080000', 'DTSTART:20261206T120000', 'DTSTART:20261206T160000', 'DTSTART:20261206T200000']);
    expect(lines.filter((line) => line === 'RRULE:FREQ=DAILY')).toHaveLength(4);
    expect(new Set(lines.filter((line) => line.startsWith('UID:'))).size).toBe(4);
    expect(lines).toContain('SUMMARY:Atlas: neck exercises\\, session');
  });
});
