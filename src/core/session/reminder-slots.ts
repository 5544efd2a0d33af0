/** A time of day, local to the person (hours 0–23, minutes 0–59). */
export interface DailySlot {
  readonly hour: number;
  readonly minute: number;
}

/** The protocol asks for 3–4 sessions a day: four slots, spread over the waking day. */
export const DAILY_SLOTS: readonly DailySlot[] = [
  { hour: 8, minute: 0 },
  { hour: 12, minute: 0 },
  { hour: 16, minute: 0 },
  { hour: 20, minute: 0 },
];

/** A local date and time as plain fields (no clock, no time zone here: the caller reads its own). */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export interface NextSlot {
  readonly slot: DailySlot;
  /** True when it is tomorrow's first slot (today's are past, or today's sessions are done). */
  readonly tomorrow: boolean;
}

/**
 * The next slot after `now`: today's next one while fewer than `maxPerDay` sessions were done
 * today, else tomorrow's first.
 */
export function nextSlot(now: Pick<LocalDateTime, 'hour' | 'minute'>, sessionsToday: number, slots: readonly DailySlot[] = DAILY_SLOTS, maxPerDay = 4): NextSlot {
  const sorted = [...slots].sort((a, b) => a.hour * 60 + a.minute - (b.hour * 60 + b.minute));
  const first = sorted[0] ?? { hour: 8, minute: 0 };
  if (sessionsToday >= maxPerDay) return { slot: first, tomorrow: true };
  const minutes = now.hour * 60 + now.minute;
  const later = sorted.find((slot) => slot.hour * 60 + slot.minute > minutes);
  return later === undefined ? { slot: first, tomorrow: true } : { slot: later, tomorrow: false };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** iCalendar floating local time (no Z: the calendar keeps it at that hour wherever the person is). */
function icsLocal(date: Omit<LocalDateTime, 'hour' | 'minute'>, slot: DailySlot): string {
  return `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}T${pad(slot.hour)}${pad(slot.minute)}00`;
}

/**
 * An iCalendar file (RFC 5545) with one daily repeating 10-minute event per slot, starting on
 * `from`. `stampUtc` is DTSTAMP (yyyymmddThhmmssZ). Lines end in CRLF as the format requires.
 */
export function dailySlotsIcs(slots: readonly DailySlot[], from: Omit<LocalDateTime, 'hour' | 'minute'>, stampUtc: string, summary: string): string {
  const escaped = summary.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
  const events = slots.flatMap((slot) => [
    'BEGIN:VEVENT',
    `UID:atlas-daily-${pad(slot.hour)}${pad(slot.minute)}@atlas.local`,
    `DTSTAMP:${stampUtc}`,
    `DTSTART:${icsLocal(from, slot)}`,
    'DURATION:PT10M',
    'RRULE:FREQ=DAILY',
    `SUMMARY:${escaped}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escaped}`,
    'TRIGGER:PT0M',
    'END:VALARM',
    'END:VEVENT',
  ]);
  return [...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Atlas//neck exercise coach//EN', 'CALSCALE:GREGORIAN'], ...events, 'END:VCALENDAR', ''].join('\r\n');
}
