import { inFirstHalf, isHalfTargetReached } from './camera-halves';
import { meanLdj, meanSparc, type ExerciseResult } from './exercise-result';
import { countedReps, isTargetReached } from './exercise-target';
import { ALL_REP_SIDES, type RepSide } from './rep-side';
import { TRACKING_MODES, type TrackingMode } from '../protocol/positions';
import type { SessionExercise } from './session-exercise';
import { SESSION_PHASES, type SessionState } from './session-state';
import { nextRunnableIndex } from './next-runnable';
import { stringEnum, type EnumValue } from '../string-enum';

export const ACTIVITIES = stringEnum('active', 'paused');
export type Activity = EnumValue<typeof ACTIVITIES>;

export function selectCurrentExercise(state: SessionState): SessionExercise | null {
  return state.plan.exercises[state.exerciseIndex] ?? null;
}

export function selectCurrentResult(state: SessionState): ExerciseResult | null {
  return state.results[state.exerciseIndex] ?? null;
}

/** Only meaningful in the exercise phase: paused by the user or because nobody is in view. */
export function selectActivity(state: SessionState): Activity | null {
  if (state.phase !== SESSION_PHASES.exercise) return null;
  return state.userPaused || !state.personPresent ? ACTIVITIES.paused : ACTIVITIES.active;
}

export interface RepProgress {
  /** Counted reps: one per direction for per-side exercises, [total] otherwise. */
  readonly counted: readonly number[];
  readonly target: number;
}

export function selectRepProgress(state: SessionState): RepProgress | null {
  const exercise = selectCurrentExercise(state);
  const result = selectCurrentResult(state);
  if (exercise === null || result === null) return null;
  return { counted: countedReps(exercise, result), target: exercise.repsTarget };
}

/** True once the current exercise reached its target: the person may finish it ("done", the `next` action). */
export function selectCanFinish(state: SessionState): boolean {
  const exercise = selectCurrentExercise(state);
  const result = selectCurrentResult(state);
  if (state.phase !== SESSION_PHASES.exercise || exercise === null || result === null) return false;
  // Face down, the first half ends when its own side reached the target.
  return inFirstHalf(state) ? isHalfTargetReached(state, exercise) : isTargetReached(exercise, result);
}

/** Remaining rest in ms at `tMs` (0 when over), null outside the rest phase. */
export function selectRestRemainingMs(state: SessionState, tMs: number): number | null {
  if (state.phase !== SESSION_PHASES.rest || state.restStartedAtMs === null) return null;
  return Math.max(0, state.plan.restMs - (tMs - state.restStartedAtMs));
}

/** The next exercise that will run after the current one (for the rest screen). */
export function selectUpcomingExercise(state: SessionState): SessionExercise | null {
  const index = nextRunnableIndex(state);
  return index === null ? null : (state.plan.exercises[index] ?? null);
}

export interface SideSummary {
  readonly side: RepSide;
  readonly reps: number;
  readonly incomplete: number;
  readonly holdsCompleted: number;
  readonly holdsBroken: number;
  /** Of `reps`, those the person confirmed (guided, not measured); absent in records stored before: 0. */
  readonly confirmed?: number;
  readonly bestPeakDeg: number | null;
  readonly meanSparc: number | null;
  readonly meanLdj: number | null;
}

export interface ExerciseSummary {
  readonly exerciseId: string;
  readonly status: ExerciseResult['status'];
  readonly pain: boolean;
  readonly activeMs: number;
  /** Directions with any activity, in the protocol's DIRECTIONS order. */
  readonly sides: readonly SideSummary[];
  readonly warnings: Readonly<Record<string, number>>;
  /** Guided: its counts are the person's own, not measured. Absent in records stored before: measured. */
  readonly tracking?: TrackingMode;
}

export function summarizeResult(result: ExerciseResult, tracking: TrackingMode = TRACKING_MODES.measured): ExerciseSummary {
  const sides = ALL_REP_SIDES.flatMap((side): SideSummary[] => {
    const tally = result.sides[side];
    if (tally === undefined) return [];
    return [{
      side,
      reps: tally.reps,
      incomplete: tally.incomplete,
      holdsCompleted: tally.holdsCompleted,
      holdsBroken: tally.holdsBroken,
      confirmed: tally.confirmed,
      bestPeakDeg: tally.bestPeakDeg,
      meanSparc: meanSparc(tally),
      meanLdj: meanLdj(tally),
    }];
  });
  return {
    exerciseId: result.exerciseId,
    status: result.status,
    pain: result.pain,
    activeMs: result.activeMs,
    sides,
    warnings: result.warnings,
    tracking,
  };
}

export function selectSummary(state: SessionState): readonly ExerciseSummary[] {
  return state.results.map((result) => summarizeResult(result, result.tracking));
}

/** Completed reps and holds over the whole session (what makes a session count for the day). */
export function selectTotalCountedReps(state: SessionState): number {
  return state.results.reduce(
    (total, result) => total + Object.values(result.sides).reduce((sum, side) => sum + (side?.reps ?? 0), 0),
    0,
  );
}
