import { CAMERA_SIDES, type CameraSide } from '../protocol/camera-side';
import { POSITION_SETUPS, type Position } from '../protocol/positions';
import { EXERCISE_STATUSES, isGuidedResult } from './exercise-result';
import type { SessionExercise } from './session-exercise';
import { SESSION_PHASES, type SessionState } from './session-state';

/**
 * Face down the floor camera sees the turn toward it only (POSITION_SETUPS.prone.sidedCamera), so a
 * measured exercise there runs in two halves: the camera at the person's left, its turns to the
 * left; then a setup step to move the camera to the right, and the turns to the right.
 */

/** The side a position's setup starts with: the left for a sided camera, null for any other position. */
export function firstCameraSide(position: Position | null): CameraSide | null {
  return position !== null && POSITION_SETUPS[position].sidedCamera ? CAMERA_SIDES.left : null;
}

/** The current exercise is measured and in its first half (the camera at the left). */
export function inFirstHalf(state: SessionState): boolean {
  const result = state.results[state.exerciseIndex];
  return state.cameraSide === CAMERA_SIDES.left && result !== undefined && result.status === EXERCISE_STATUSES.active && !isGuidedResult(result);
}

/** The setup step of the second half is showing: the exercise started, the camera goes to the right. */
export function inSecondHalfSetup(state: SessionState): boolean {
  const result = state.results[state.exerciseIndex];
  return state.phase === SESSION_PHASES.calibration && state.cameraSide === CAMERA_SIDES.right && result?.status === EXERCISE_STATUSES.active;
}

function halfReps(state: SessionState): number {
  const side = state.cameraSide;
  return side === null ? 0 : (state.results[state.exerciseIndex]?.sides[side]?.reps ?? 0);
}

/** The first half's side reached the exercise's target: the person may move on to the other side. */
export function isHalfTargetReached(state: SessionState, exercise: SessionExercise): boolean {
  return halfReps(state) >= exercise.repsTarget;
}

/** The first half's side reached the dose's maximum: counting there stops. */
export function isHalfDoseMaxReached(state: SessionState, exercise: SessionExercise): boolean {
  return halfReps(state) >= Math.max(exercise.repsTarget, exercise.repsMax ?? exercise.repsTarget);
}
