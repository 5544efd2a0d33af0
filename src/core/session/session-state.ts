import type { CameraSide } from '../protocol/camera-side';
import type { HeadAngles } from '../head-pose/head-angles';
import type { Position } from '../protocol/positions';
import { EXERCISE_STATUSES, emptyExerciseResult, type ExerciseResult } from './exercise-result';
import { isGroupLocked } from './session-mode';
import type { SessionPlan } from './session-plan';
import { stringEnum, type EnumValue } from '../string-enum';

export const SESSION_PHASES = stringEnum('setup', 'calibration', 'exercise', 'rest', 'summary');
export type SessionPhase = EnumValue<typeof SESSION_PHASES>;

export const END_REASONS = stringEnum(
  'completed', // Every runnable exercise was done or skipped.
  'stopped',
  'pain', // The user reported pain: the session ends at once.
);
export type EndReason = EnumValue<typeof END_REASONS>;

export interface SessionState {
  readonly id: string;
  readonly plan: SessionPlan;
  readonly phase: SessionPhase;
  /** Index into plan.exercises of the current (or, in rest, the just finished) exercise; -1 before. */
  readonly exerciseIndex: number;
  readonly results: readonly ExerciseResult[];
  /** Wall-clock start, from the `start` action. */
  readonly startedAtIso: string | null;
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
  readonly endReason: EndReason | null;
  readonly neutral: HeadAngles | null;
  /**
   * The position the person is set up in (camera placed, view checked, neutral taken); null before
   * the start. In the calibration phase: the position being set up.
   */
  readonly position: Position | null;
  /**
   * Face down (a position with a sided camera): the side of the person the floor camera is on, the
   * half being set up or done (session/camera-halves.ts); null in every other position.
   */
  readonly cameraSide: CameraSide | null;
  readonly userPaused: boolean;
  readonly personPresent: boolean;
  /** When the current active stretch began (to accumulate active time); null while paused. */
  readonly activeSinceMs: number | null;
  readonly restStartedAtMs: number | null;
  /** When pain was reported and during which exercise (null: before any exercise). */
  readonly pain: { readonly tMs: number; readonly exerciseId: string | null } | null;
  /** Time of the last accepted action: earlier actions are ignored. */
  readonly lastTMs: number;
}

export function createSessionState(id: string, plan: SessionPlan): SessionState {
  return {
    id,
    plan,
    phase: SESSION_PHASES.setup,
    exerciseIndex: -1,
    results: plan.exercises.map((exercise) =>
      emptyExerciseResult(
        exercise.id,
        isGroupLocked(exercise.group, plan.mode) ? EXERCISE_STATUSES.locked : EXERCISE_STATUSES.pending,
        exercise.tracking,
      ),
    ),
    startedAtIso: null,
    startedAtMs: null,
    endedAtMs: null,
    endReason: null,
    neutral: null,
    position: null,
    cameraSide: null,
    userPaused: false,
    personPresent: true,
    activeSinceMs: null,
    restStartedAtMs: null,
    pain: null,
    lastTMs: Number.NEGATIVE_INFINITY,
  };
}
