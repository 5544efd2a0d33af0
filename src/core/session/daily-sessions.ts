import type { NumericRange } from '../numeric-range';
import { stringEnum, type EnumValue } from '../string-enum';

/** The protocol: both series "3–4 times a day". */
export const SESSIONS_PER_DAY: NumericRange = { min: 3, max: 4 };

export interface DatedSession {
  readonly startedAtIso: string;
  /** Completed reps and holds: sessions with none are not counted. */
  readonly countedReps: number;
}

export const DAILY_STATUSES = stringEnum('below', 'within', 'above');
export type DailyStatus = EnumValue<typeof DAILY_STATUSES>;

/** A day's sessions against the protocol's range (SESSIONS_PER_DAY). */
export interface DailyCount extends NumericRange {
  readonly day: string;
  readonly count: number;
  readonly status: DailyStatus;
}

/**
 * The local calendar day (YYYY-MM-DD) of an ISO instant. `utcOffsetMinutes` is local minus UTC
 * (e.g. +120 in Kyiv in summer); note that JavaScript's getTimezoneOffset() has the opposite sign.
 * Returns null for an unparseable date.
 */
export function localDay(iso: string, utcOffsetMinutes: number): string | null {
  const epochMs = Date.parse(iso);
  if (!Number.isFinite(epochMs)) return null;
  return civilDay(Math.floor((epochMs + utcOffsetMinutes * 60_000) / DAY_MS));
}

const DAY_MS = 86_400_000;

/**
 * YYYY-MM-DD of a day counted from 1970-01-01 (proleptic Gregorian): H. Hinnant's
 * civil_from_days, so that the core builds no Date object.
 */
function civilDay(daysSinceEpoch: number): string {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** How many real sessions were done on `nowIso`'s local day, against the protocol's 3–4. */
export function countTodaysSessions(
  sessions: readonly DatedSession[],
  nowIso: string,
  utcOffsetMinutes: number,
): DailyCount {
  const day = localDay(nowIso, utcOffsetMinutes) ?? '';
  const count = sessions.filter(
    (session) => session.countedReps > 0 && localDay(session.startedAtIso, utcOffsetMinutes) === day,
  ).length;
  const status =
    count < SESSIONS_PER_DAY.min
      ? DAILY_STATUSES.below
      : count > SESSIONS_PER_DAY.max
        ? DAILY_STATUSES.above
        : DAILY_STATUSES.within;
  return { day, count, ...SESSIONS_PER_DAY, status };
}
