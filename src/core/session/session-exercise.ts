import { SET_IDS, type Direction, type ExerciseDefinition, type SetId } from '../protocol/exercise-definition';
import { POSITIONS, positionOf, trackingModeOf, type Position, type TrackingMode } from '../protocol/positions';

/** The protocol's sets, as the groups a session plan is chosen from. */
export const EXERCISE_GROUPS = SET_IDS;
export type ExerciseGroup = SetId;

/**
 * What the session needs to know about one exercise: a small copy of the protocol's
 * definition. A plan stores these copies, so a stored session can be rebuilt even after the
 * protocol data changes.
 */
export interface SessionExercise {
  readonly id: string;
  readonly group: ExerciseGroup;
  /** Directions counted separately (`['none']` when not sided). */
  readonly directions: readonly Direction[];
  /** True when every direction must reach `repsTarget`; otherwise all directions add up. */
  readonly perSide: boolean;
  /** Repetitions (or completed holds) to reach, per direction when `perSide`: from then on the person may finish ("done"). */
  readonly repsTarget: number;
  /**
   * Where counting stops, per direction when `perSide` (the protocol dose's upper bound, e.g. 20
   * of "7–20"); absent in sessions stored before it existed: `repsTarget`.
   */
  readonly repsMax?: number;
  /** How long one hold lasts in ms, null when the exercise has no hold. */
  readonly holdMs: number | null;
  /**
   * Exercises dosed by time (e.g. a 3-minute massage), for display: the engine's timer decides
   * when it is reached (its completion counts as the one hold of `repsTarget` 1). Null otherwise.
   */
  readonly durationMs: number | null;
  /** The body's position, for its setup step; absent in sessions stored before it existed: upright. */
  readonly position?: Position;
  /** Guided exercises count what the person confirms; absent in sessions stored before: measured. */
  readonly tracking?: TrackingMode;
}

export function sessionPositionOf(exercise: SessionExercise): Position {
  return exercise.position ?? POSITIONS.upright;
}

/**
 * The session's view of a protocol exercise; the target defaults to the dose's lower bound (1 for
 * timed), the maximum to its upper bound (never below the target).
 */
export function toSessionExercise(definition: ExerciseDefinition, repsTarget?: number): SessionExercise {
  const target = repsTarget ?? definition.reps?.min ?? 1;
  return {
    id: definition.id,
    group: definition.setId,
    directions: definition.directions,
    perSide: definition.reps?.perSide ?? false,
    repsTarget: target,
    repsMax: Math.max(target, definition.reps?.max ?? target),
    holdMs: definition.holdSeconds === null ? null : definition.holdSeconds * 1000,
    durationMs: definition.durationSeconds === null ? null : definition.durationSeconds * 1000,
    position: positionOf(definition),
    tracking: trackingModeOf(definition),
  };
}
