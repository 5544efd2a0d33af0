import { POSITION_SETUPS, type Position, type PositionSetup } from '../protocol/positions';
import type { CameraSide } from '../protocol/camera-side';
import { firstCameraSide, inSecondHalfSetup } from './camera-halves';
import { nextRunnableIndex } from './next-runnable';
import { EXERCISE_STATUSES, isGuidedResult } from './exercise-result';
import { sessionPositionOf, type SessionExercise } from './session-exercise';
import { SESSION_PHASES, type SessionState } from './session-state';

/**
 * Each change of position gets its own setup step (the calibration phase, once per position):
 * the camera placed for that position, the view checked, a neutral taken there. Face down there
 * is one step per camera side (camera-halves.ts), a face check and no neutral. Exercises done
 * guided (the camera could not be placed) have no check and no neutral.
 */
export interface PositionStep {
  readonly setup: PositionSetup;
  /** The exercises done in this position before it changes again, in order. */
  readonly exercises: readonly SessionExercise[];
  /** Their indices in the plan. */
  readonly indices: readonly number[];
  /** True when every one of them is guided: there is nothing for the camera to check or calibrate. */
  readonly guidedOnly: boolean;
  /** Face down: the side of the person the floor camera goes on for this half; null elsewhere. */
  readonly cameraSide: CameraSide | null;
  /** Face down, the second half: the exercise has started (its first side is done), the camera moves. */
  readonly secondHalf: boolean;
}

/** Whether the next exercise is in another position than the one the person is set up in. */
export function positionChangesNext(state: SessionState): boolean {
  const index = nextRunnableIndex(state);
  const next = index === null ? undefined : state.plan.exercises[index];
  return next !== undefined && sessionPositionOf(next) !== state.position;
}

/** The position of the next runnable exercise (null when none is left). */
export function nextPosition(state: SessionState): Position | null {
  const index = nextRunnableIndex(state);
  const next = index === null ? undefined : state.plan.exercises[index];
  return next === undefined ? null : sessionPositionOf(next);
}

/** The rest ends only on "ready" when the next exercise is in another position: getting there takes its own time. */
export function selectRestWaitsForReady(state: SessionState): boolean {
  return state.phase === SESSION_PHASES.rest && positionChangesNext(state);
}

/** The setup step being shown (setup and calibration phases), or null outside it. */
export function selectPositionStep(state: SessionState): PositionStep | null {
  if (state.phase !== SESSION_PHASES.setup && state.phase !== SESSION_PHASES.calibration) return null;
  const position = state.phase === SESSION_PHASES.calibration && state.position !== null ? state.position : nextPosition(state);
  if (position === null) return null;
  const exercises: SessionExercise[] = [];
  const indices: number[] = [];
  const secondHalf = inSecondHalfSetup(state);
  for (let index = state.exerciseIndex + (secondHalf ? 0 : 1); index < state.results.length; index += 1) {
    const exercise = state.plan.exercises[index];
    const runnable = state.results[index]?.status === EXERCISE_STATUSES.pending || (secondHalf && index === state.exerciseIndex);
    if (exercise === undefined || !runnable) continue;
    if (sessionPositionOf(exercise) !== position) break;
    exercises.push(exercise);
    indices.push(index);
  }
  const guidedOnly = indices.length > 0 && indices.every((index) => isGuidedResult(state.results[index]));
  const cameraSide = state.phase === SESSION_PHASES.calibration ? state.cameraSide : firstCameraSide(position);
  return { setup: POSITION_SETUPS[position], exercises, indices, guidedOnly, cameraSide, secondHalf };
}

/**
 * The floor camera's side the landmarkers' frames are turned for (head-up, src/vision/head-up-source.ts):
 * face down while its setup step or its measured exercise is showing; null otherwise (and for a
 * face-down exercise done guided).
 */
export function selectHeadUpSide(state: SessionState): CameraSide | null {
  if (state.phase === SESSION_PHASES.exercise) return isGuidedResult(state.results[state.exerciseIndex]) ? null : state.cameraSide;
  // The setup step (before the start too, when face down comes first): the side it places the camera on.
  const step = selectPositionStep(state);
  return step === null || step.guidedOnly ? null : step.cameraSide;
}
