import type { SessionMode } from './session-mode';

/** One earlier session of an exercise, oldest first in a history. */
export interface PastExercise {
  /** Reps counted (per side: the weakest side's count). */
  readonly counted: number;
}

/** How many recent sessions the plan and the best look back on. */
export const RECENT_SESSIONS = 3;
export const BEST_RECENT_SESSIONS = 5;
/** Reps added to the recent median when all is well. */
export const REPS_STEP = 1;

export type PlanReason =
  | { readonly kind: 'first' }
  | { readonly kind: 'rising'; readonly recentMedian: number }
  | { readonly kind: 'at-max' }
  | { readonly kind: 'held-flare' }
  | { readonly kind: 'held-pain' };

export interface ExercisePlanTarget {
  readonly repsTarget: number;
  readonly reason: PlanReason;
}

export interface ProgressionInput {
  readonly dose: { readonly min: number; readonly max: number };
  readonly history: readonly PastExercise[];
  readonly mode: SessionMode;
  /** The last session ended for pain or dizziness. */
  readonly painStopped: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Today's target for one exercise: the median of the last RECENT_SESSIONS counts plus
 * REPS_STEP, within the protocol's dose. Held at the dose's minimum during a flare-up
 * (exacerbation mode) and after a session stopped for pain: a bad day never raises the bar.
 * The median makes one unusually long session move the target by at most one median step.
 */
export function planExercise(input: ProgressionInput): ExercisePlanTarget {
  const { min, max } = input.dose;
  if (input.painStopped) return { repsTarget: min, reason: { kind: 'held-pain' } };
  if (input.mode === 'exacerbation') return { repsTarget: min, reason: { kind: 'held-flare' } };
  const recent = input.history.slice(-RECENT_SESSIONS).map((past) => past.counted);
  if (recent.length === 0) return { repsTarget: min, reason: { kind: 'first' } };
  const recentMedian = median(recent);
  const raised = Math.floor(recentMedian) + REPS_STEP;
  if (raised >= max) return { repsTarget: max, reason: { kind: 'at-max' } };
  return { repsTarget: Math.max(min, raised), reason: { kind: 'rising', recentMedian } };
}

/** Per session, its best peaks are reduced to the TOP_K-th largest: one glitch rep cannot raise it. */
export const TOP_K = 3;

/**
 * A personal best that a single glitch cannot inflate: in each of the last BEST_RECENT_SESSIONS
 * sessions, the TOP_K-th largest peak (the smallest of its TOP_K best reps; the session's smallest
 * when it had fewer), then the median over those sessions. Old sessions drop out, so the best
 * (and the count threshold drawn from it) comes back down after a flare-up. null without data.
 */
export function robustBest(peaksBySession: readonly (readonly number[])[]): number | null {
  const perSession = peaksBySession
    .slice(-BEST_RECENT_SESSIONS)
    .filter((peaks) => peaks.length > 0)
    .map((peaks) => {
      const sorted = [...peaks].sort((a, b) => b - a);
      return sorted[Math.min(TOP_K, sorted.length) - 1] ?? 0;
    });
  return perSession.length === 0 ? null : median(perSession);
}
