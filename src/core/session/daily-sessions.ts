/** The protocol: both series "3–4 times a day". */
export const SESSIONS_PER_DAY = { min: 3, max: 4 } as const;

export interface DatedSession {
  readonly startedAtIso: string;
  /** Completed reps and holds: sessions with none are not counted. */
  readonly countedReps: number;
}

export const DAILY_STATUSES = { below: 'below', within: 'within', above: 'above' } as const;
export type DailyStatus = (typeof DAILY_STATUSES)[keyof typeof DAILY_STATUSES];

export interface DailyCount {
  readonly day: string;
  readonly count: number;
  readonly min: number;
  readonly max: number;
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
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
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
  return { day, count, min: SESSIONS_PER_DAY.min, max: SESSIONS_PER_DAY.max, status };
}
