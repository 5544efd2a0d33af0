import {
  EXERCISE_STATUSES,
  isGuidedResult,
  withConfirmedRep,
  withHold,
  withIncompleteRep,
  withRep,
  withWarning,
  type ExerciseResult,
  type ExerciseStatus,
} from './exercise-result';
import { isDoseMaxReached, isTargetReached } from './exercise-target';
import type { SessionExercise } from './session-exercise';
import { CAMERA_SIDES } from '../protocol/camera-side';
import { TRACKING_MODES } from '../protocol/positions';
import { firstCameraSide, inFirstHalf, inSecondHalfSetup, isHalfDoseMaxReached, isHalfTargetReached } from './camera-halves';
import { nextRunnableIndex } from './next-runnable';
import { nextPosition, positionChangesNext, selectPositionStep } from './position-steps';
import { FEEDBACK_SEVERITIES, type SessionAction } from './session-actions';
import { END_REASONS, SESSION_PHASES, type EndReason, type SessionState } from './session-state';

/** Feedback codes are map keys and translation keys: anything else is ignored. */
const FEEDBACK_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The session as a pure transition. Unknown, out-of-phase or out-of-order actions (tMs earlier
 * than the last accepted one) return the same state object, so callers can compare by identity.
 * Engine events count only while the exercise is active (not paused, person present).
 * Reporting pain ends the exercise and the whole session at once. A change of position goes
 * through its own setup step (the calibration phase again); the rest before it waits for "ready".
 */
export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  if (!Number.isFinite(action.tMs) || action.tMs < state.lastTMs) return state;
  const next = reduceInPhase(state, action);
  return next === state ? state : { ...next, lastTMs: action.tMs };
}

function reduceInPhase(state: SessionState, action: SessionAction): SessionState {
  switch (state.phase) {
    case SESSION_PHASES.setup:
      return reduceSetup(state, action);
    case SESSION_PHASES.calibration:
      return reduceCalibration(state, action);
    case SESSION_PHASES.exercise:
      return reduceExercise(state, action);
    case SESSION_PHASES.rest:
      return reduceRest(state, action);
    case SESSION_PHASES.summary:
      return state;
  }
}

function reduceCommon(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'stop':
      return finish(state, action.tMs, END_REASONS.stopped);
    case 'pain-reported':
      return finish({ ...state, pain: { tMs: action.tMs, exerciseId: null } }, action.tMs, END_REASONS.pain);
    case 'person-lost':
      return state.personPresent ? { ...state, personPresent: false } : state;
    case 'person-back':
      return state.personPresent ? state : { ...state, personPresent: true };
    default:
      return state;
  }
}

function reduceSetup(state: SessionState, action: SessionAction): SessionState {
  if (action.type !== 'start') return reduceCommon(state, action);
  const started: SessionState = {
    ...state,
    startedAtIso: action.atIso,
    startedAtMs: action.tMs,
    phase: SESSION_PHASES.calibration,
    position: nextPosition(state),
    cameraSide: firstCameraSide(nextPosition(state)),
  };
  return nextRunnableIndex(started) === null ? finish(started, action.tMs, END_REASONS.completed) : started;
}

function reduceCalibration(state: SessionState, action: SessionAction): SessionState {
  if (action.type === 'calibrated') return advance({ ...state, neutral: action.neutral }, action.tMs);
  // Nothing to calibrate where the camera cannot follow, nor face down (no neutral: the face is
  // found only when turned toward the camera): "ready" is enough.
  const step = selectPositionStep(state);
  if (action.type === 'next' && step !== null && (step.guidedOnly || step.setup.sidedCamera)) {
    return inSecondHalfSetup(state) ? resumeExercise(state, action.tMs) : advance(state, action.tMs);
  }
  // The camera cannot be placed for this position: its exercises run guided, nothing is measured.
  if (action.type === 'position-guided' && step !== null && step.setup.guidedFallback && !inSecondHalfSetup(state)) {
    const results = state.results.map((result, index) => (step.indices.includes(index) ? { ...result, tracking: TRACKING_MODES.guided } : result));
    return advance({ ...state, results }, action.tMs);
  }
  return reduceCommon(state, action);
}

function reduceRest(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'next':
    case 'skip':
      return advance(state, action.tMs);
    case 'tick': {
      const restStarted = state.restStartedAtMs ?? action.tMs;
      if (positionChangesNext(state)) return state;
      return action.tMs - restStarted >= state.plan.restMs ? advance(state, action.tMs) : state;
    }
    case 'pain-reported': {
      const exerciseId = state.plan.exercises[state.exerciseIndex]?.id ?? null;
      const flagged = updateCurrent(state, (result) => ({ ...result, pain: true }));
      return finish({ ...flagged, pain: { tMs: action.tMs, exerciseId } }, action.tMs, END_REASONS.pain);
    }
    default:
      return reduceCommon(state, action);
  }
}

/** What the camera measured: a guided exercise takes none of it. */
const MEASURED_ACTIONS: ReadonlySet<SessionAction['type']> = new Set(['rep-completed', 'rep-incomplete', 'hold-completed', 'hold-broken', 'feedback']);

function reduceExercise(state: SessionState, action: SessionAction): SessionState {
  if (MEASURED_ACTIONS.has(action.type) && currentIsGuided(state)) return state;
  switch (action.type) {
    case 'rep-completed':
      return whenActive(state, action.tMs, (result) => withRep(result, action.rep));
    case 'rep-incomplete':
      return whenActive(state, action.tMs, (result) => withIncompleteRep(result, action.side));
    case 'hold-completed':
      return whenActive(state, action.tMs, (result) => withHold(result, action.side, true));
    case 'hold-broken':
      return whenActive(state, action.tMs, (result) => withHold(result, action.side, false));
    case 'rep-confirmed':
      if (!currentIsGuided(state) || !isCountedSide(state, action.side)) return state;
      return whenActive(state, action.tMs, (result) => withConfirmedRep(result, action.side));
    case 'feedback':
      if (action.severity !== FEEDBACK_SEVERITIES.warning || !FEEDBACK_CODE_PATTERN.test(action.code)) {
        return state;
      }
      return whenActive(state, action.tMs, (result) => withWarning(result, action.code));
    case 'tick':
      return isActive(state) ? endIfReached(accrueActive(state, action.tMs, true), action.tMs, DOSE_MAX) : state;
    case 'pause':
      return state.userPaused ? state : { ...accrueActive(state, action.tMs, false), userPaused: true };
    case 'resume':
      if (!state.userPaused) return state;
      return { ...state, userPaused: false, activeSinceMs: state.personPresent ? action.tMs : null };
    case 'person-lost':
      if (currentIsGuided(state)) return state;
      return state.personPresent ? { ...accrueActive(state, action.tMs, false), personPresent: false } : state;
    case 'person-back':
      if (state.personPresent || currentIsGuided(state)) return state;
      return { ...state, personPresent: true, activeSinceMs: state.userPaused ? null : action.tMs };
    case 'skip':
      // Face down, skipping the first half goes on to the other side.
      if (inFirstHalf(state)) return toSecondHalf(state, action.tMs);
      return advance(endCurrent(state, action.tMs, EXERCISE_STATUSES.skipped), action.tMs);
    case 'next':
      // "Done": past the target, the person ends the exercise when they choose (below it, skip).
      return endIfReached(state, action.tMs, TARGET);
    case 'stop':
      return finish(endCurrent(state, action.tMs, EXERCISE_STATUSES.stopped), action.tMs, END_REASONS.stopped);
    case 'pain-reported': {
      const exerciseId = state.plan.exercises[state.exerciseIndex]?.id ?? null;
      const ended = endCurrent(state, action.tMs, EXERCISE_STATUSES.pain);
      const flagged = updateCurrent(ended, (result) => ({ ...result, pain: true }));
      return finish({ ...flagged, pain: { tMs: action.tMs, exerciseId } }, action.tMs, END_REASONS.pain);
    }
    default:
      return state;
  }
}

/** Guided exercises happen where the camera cannot see: whether it sees someone does not matter. */
function currentIsGuided(state: SessionState): boolean {
  return isGuidedResult(state.results[state.exerciseIndex]);
}

function isCountedSide(state: SessionState, side: string): boolean {
  const exercise = state.plan.exercises[state.exerciseIndex];
  if (exercise === undefined) return false;
  return exercise.perSide ? exercise.directions.some((direction) => direction === side) : side === (exercise.directions[0] ?? 'none');
}

function isActive(state: SessionState): boolean {
  return state.phase === SESSION_PHASES.exercise && !state.userPaused && (state.personPresent || currentIsGuided(state));
}

function whenActive(
  state: SessionState,
  tMs: number,
  update: (result: ExerciseResult) => ExerciseResult,
): SessionState {
  if (!isActive(state)) return state;
  return endIfReached(updateCurrent(accrueActive(state, tMs, true), update), tMs, DOSE_MAX);
}

function updateCurrent(state: SessionState, update: (result: ExerciseResult) => ExerciseResult): SessionState {
  const current = state.results[state.exerciseIndex];
  if (current === undefined) return state;
  const results = state.results.slice();
  results[state.exerciseIndex] = update(current);
  return { ...state, results };
}

/** Adds the active time since `activeSinceMs` to the current exercise; keeps counting if `stillActive`. */
function accrueActive(state: SessionState, tMs: number, stillActive: boolean): SessionState {
  const since = state.activeSinceMs;
  const accrued =
    since === null ? state : updateCurrent(state, (result) => ({ ...result, activeMs: result.activeMs + (tMs - since) }));
  return { ...accrued, activeSinceMs: stillActive && since !== null ? tMs : null };
}

/** When the current exercise (or, with two camera halves, its first half) has reached an end. */
interface EndRule {
  readonly halfReached: (state: SessionState, exercise: SessionExercise) => boolean;
  readonly reached: (exercise: SessionExercise, result: ExerciseResult) => boolean;
}

/** Counting goes on past the target, up to the dose's maximum: there the exercise ends by itself. */
const DOSE_MAX: EndRule = { halfReached: isHalfDoseMaxReached, reached: isDoseMaxReached };
/** The target reached: the exercise ends when the person says "done". */
const TARGET: EndRule = { halfReached: isHalfTargetReached, reached: isTargetReached };

/** Moves on to the second half, or finishes the exercise, once `rule` says its end is reached. */
function endIfReached(state: SessionState, tMs: number, rule: EndRule): SessionState {
  const exercise = state.plan.exercises[state.exerciseIndex];
  const result = state.results[state.exerciseIndex];
  if (exercise !== undefined && inFirstHalf(state)) return rule.halfReached(state, exercise) ? toSecondHalf(state, tMs) : state;
  if (exercise === undefined || result === undefined || !rule.reached(exercise, result)) return state;
  return finishCurrent(state, tMs);
}

function finishCurrent(state: SessionState, tMs: number): SessionState {
  const ended = endCurrent(state, tMs, EXERCISE_STATUSES.done);
  return nextRunnableIndex(ended) === null
    ? finish(ended, tMs, END_REASONS.completed)
    : { ...ended, phase: SESSION_PHASES.rest, restStartedAtMs: tMs };
}

function endCurrent(state: SessionState, tMs: number, status: ExerciseStatus): SessionState {
  const accrued = accrueActive(state, tMs, false);
  return updateCurrent(accrued, (result) => ({ ...result, status, endedAtMs: tMs }));
}

/** The first half is over: the setup step that moves the camera to the person's right. */
function toSecondHalf(state: SessionState, tMs: number): SessionState {
  return { ...accrueActive(state, tMs, false), phase: SESSION_PHASES.calibration, cameraSide: CAMERA_SIDES.right, userPaused: false };
}

/** The camera is at the right: the same exercise goes on, counting that side. */
function resumeExercise(state: SessionState, tMs: number): SessionState {
  return { ...state, phase: SESSION_PHASES.exercise, userPaused: false, activeSinceMs: tMs };
}

function advance(state: SessionState, tMs: number): SessionState {
  const index = nextRunnableIndex(state);
  if (index === null) return finish(state, tMs, END_REASONS.completed);
  if (positionChangesNext(state)) {
    const position = nextPosition(state);
    return { ...state, phase: SESSION_PHASES.calibration, position, cameraSide: firstCameraSide(position), userPaused: false, restStartedAtMs: null, activeSinceMs: null };
  }
  const guided = isGuidedResult(state.results[index]);
  const moved: SessionState = {
    ...state,
    phase: SESSION_PHASES.exercise,
    exerciseIndex: index,
    userPaused: false,
    restStartedAtMs: null,
    activeSinceMs: state.personPresent || guided ? tMs : null,
  };
  return updateCurrent(moved, (result) => ({ ...result, status: EXERCISE_STATUSES.active, startedAtMs: tMs }));
}

function finish(state: SessionState, tMs: number, reason: EndReason): SessionState {
  return {
    ...state,
    phase: SESSION_PHASES.summary,
    endReason: reason,
    endedAtMs: tMs,
    activeSinceMs: null,
    restStartedAtMs: null,
  };
}
