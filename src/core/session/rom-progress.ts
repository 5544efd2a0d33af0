import { localDay } from './daily-sessions';
import type { RepSide } from './rep-side';
import { compareRomSamples, peakStats, ROM_NOISE_RULE, type PeakStats, type RomChange } from './rom-noise-rule';

/** One recorded rep's peak, as the store keeps it. */
export interface PeakSample {
  readonly sessionId: string;
  readonly exerciseId: string;
  readonly side: RepSide;
  /** Magnitude of the peak excursion from neutral, degrees. */
  readonly peakDeg: number;
  readonly atIso: string;
}

export interface DayPeaks extends PeakStats {
  readonly day: string;
}

/** One exercise on one side: what a progress result is about. */
export interface ExerciseSide {
  readonly exerciseId: string;
  readonly side: RepSide;
}

export interface RomSeries extends ExerciseSide {
  /** One entry per local day with reps, oldest first. */
  readonly days: readonly DayPeaks[];
  /** First vs last day that have enough reps (see rom-noise-rule.ts). */
  readonly change: RomChange;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

const seriesKey = (sample: PeakSample): string => `${sample.exerciseId}\u0000${sample.side}`;

/** One result per exercise and side that has samples: its key and what `each` makes of them, unless null. */
function perSeries<T>(samples: readonly PeakSample[], each: (series: readonly PeakSample[]) => T | null): (ExerciseSide & T)[] {
  return [...groupBy(samples, seriesKey).values()].flatMap((series) => {
    const [first] = series;
    const result = each(series);
    return first === undefined || result === null ? [] : [{ exerciseId: first.exerciseId, side: first.side, ...result }];
  });
}

/** Range of motion per exercise and direction, day by day, with a noise-aware verdict. */
export function romProgressByDay(samples: readonly PeakSample[], utcOffsetMinutes: number): readonly RomSeries[] {
  return perSeries(samples, (group) => {
    const byDay = groupBy(group, (sample) => localDay(sample.atIso, utcOffsetMinutes) ?? '');
    byDay.delete('');
    const days = [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, daySamples]) => ({ day, peaks: daySamples.map((sample) => sample.peakDeg) }));
    const usable = days.filter((day) => day.peaks.length >= ROM_NOISE_RULE.minRepsPerGroup);
    const baseline = usable[0];
    const latest = usable.length > 1 ? usable[usable.length - 1] : undefined;
    return {
      days: days.flatMap(({ day, peaks }) => {
        const stats = peakStats(peaks);
        return stats === null ? [] : [{ day, ...stats }];
      }),
      change: compareRomSamples(baseline?.peaks ?? [], latest?.peaks ?? []),
    };
  });
}

export interface LastTimeComparison extends ExerciseSide {
  /** The earlier session compared with, null when this is the first time. */
  readonly previousSessionId: string | null;
  readonly change: RomChange;
}

/**
 * This session's peaks against the most recent earlier session that had the same exercise and
 * side ("earlier" = its first rep is before this session's first rep).
 */
export function compareWithLastSession(samples: readonly PeakSample[], currentSessionId: string): readonly LastTimeComparison[] {
  return perSeries(samples, (group) => {
    const current = group.filter((sample) => sample.sessionId === currentSessionId);
    if (current.length === 0) return null;
    const currentStart = Math.min(...current.map((sample) => Date.parse(sample.atIso)));
    const earlierBySession = groupBy(
      group.filter((sample) => sample.sessionId !== currentSessionId && Date.parse(sample.atIso) < currentStart),
      (sample) => sample.sessionId,
    );
    let previous: { id: string; startMs: number; peaks: number[] } | null = null;
    for (const [id, sessionSamples] of earlierBySession) {
      const startMs = Math.min(...sessionSamples.map((sample) => Date.parse(sample.atIso)));
      if (previous === null || startMs > previous.startMs) {
        previous = { id, startMs, peaks: sessionSamples.map((sample) => sample.peakDeg) };
      }
    }
    return {
      previousSessionId: previous?.id ?? null,
      change: compareRomSamples(previous?.peaks ?? [], current.map((sample) => sample.peakDeg)),
    };
  });
}
