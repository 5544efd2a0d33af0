import type { HeadAngles } from '../head-pose/head-angles';
import type { ExerciseDefinition } from '../protocol/exercise-definition';
import { countThreshold, excursionConfig, holdConfig, HOLD_RELEASE_FRACTION, loopConfig, oscillationConfig, timedConfig } from './counter-config';
import type { ResolvedEngineOptions } from './engine-options';
import { BREAK_REASONS, type BreakReason, type IncompleteReason } from './exercise-events';
import { abortExcursion, EXCURSION_INITIAL, stepExcursion, type ExcursionState } from './excursion-counter';
import { abortHold, HOLD_INITIAL, stepHold, type HoldState } from './hold-counter';
import { abortLoop, LOOP_INITIAL, stepLoop, type LoopState, type PathPoint } from './loop-counter';
import { abortOscillation, OSCILLATION_INITIAL, stepOscillation, type OscillationState } from './oscillation-counter';
import type { Placement } from './placements';
import { NO_EVENTS, NO_REPS, type CounterStep } from './raw-rep';
import { abortTimed, stepTimed, TIMED_INITIAL, type TimedState } from './timed-counter';

export type CounterState = ExcursionState | OscillationState | LoopState | HoldState | TimedState;

/** One usable frame, already relative to the settle baseline where the signal needs one. */
export type CounterInput =
  | { readonly shape: 'scalar'; readonly value: number; readonly head: HeadAngles | null }
  | { readonly shape: 'path'; readonly point: PathPoint }
  | { readonly shape: 'placement'; readonly placement: Placement; readonly head: HeadAngles | null };

export type AbortReason = 'left-frame' | 'lost-signal' | 'jump' | 'ended';

export interface CounterDriver {
  readonly initial: CounterState;
  step(state: CounterState, tMs: number, input: CounterInput): CounterStep<CounterState>;
  abort(state: CounterState, tMs: number, reason: AbortReason): CounterStep<CounterState>;
}

const IGNORED = <S>(state: S): CounterStep<S> => ({ state, events: NO_EVENTS, reps: NO_REPS });

function breakReason(reason: AbortReason): BreakReason {
  return reason === 'jump' ? BREAK_REASONS.lostSignal : reason;
}

/** The two head axes other than the counted one (nods: yaw and roll; shakes: pitch and roll). */
function offAxes(exercise: ExerciseDefinition, head: HeadAngles | null): readonly [number, number] {
  if (head === null) return [0, 0];
  return exercise.signal === 'pitch' ? [head.yawDeg, head.rollDeg] : [head.pitchDeg, head.rollDeg];
}

/** Builds the counter for an exercise's counting kind; a state of another kind is reset. */
export function createCounterDriver(exercise: ExerciseDefinition, options: ResolvedEngineOptions): CounterDriver {
  switch (exercise.counting) {
    case 'excursion': {
      const config = excursionConfig(exercise, options);
      return {
        initial: EXCURSION_INITIAL,
        step: (state, tMs, input) =>
          input.shape === 'scalar' ? stepExcursion(config, state.kind === 'excursion' ? state : EXCURSION_INITIAL, tMs, input.value) : IGNORED(state),
        abort: (state, tMs, reason: IncompleteReason) => abortExcursion(config, state.kind === 'excursion' ? state : EXCURSION_INITIAL, tMs, reason),
      };
    }
    case 'oscillation': {
      const config = oscillationConfig(exercise);
      return {
        initial: OSCILLATION_INITIAL,
        step: (state, tMs, input) =>
          input.shape === 'scalar'
            ? stepOscillation(config, state.kind === 'oscillation' ? state : OSCILLATION_INITIAL, tMs, input.value, offAxes(exercise, input.head))
            : IGNORED(state),
        abort: (state, tMs, reason) => abortOscillation(state.kind === 'oscillation' ? state : OSCILLATION_INITIAL, config, tMs, reason),
      };
    }
    case 'loop': {
      const config = loopConfig(exercise);
      const origin: PathPoint = { x: 0, y: 0 };
      return {
        initial: LOOP_INITIAL,
        step: (state, tMs, input) =>
          input.shape === 'path' ? stepLoop(config, state.kind === 'loop' ? state : LOOP_INITIAL, tMs, input.point, origin) : IGNORED(state),
        abort: (state, tMs, reason) => abortLoop(config, state.kind === 'loop' ? state : LOOP_INITIAL, tMs, reason),
      };
    }
    case 'hold': {
      const config = holdConfig(exercise);
      const side = exercise.directions[0] ?? 'none';
      const holdAt = countThreshold(exercise, side, options);
      return {
        initial: HOLD_INITIAL,
        step: (state, tMs, input) => {
          const hold = state.kind === 'hold' ? state : HOLD_INITIAL;
          if (input.shape === 'placement') {
            return stepHold(config, hold, tMs, { ok: input.placement.ok, reason: input.placement.reason, side: input.placement.side, value: 0, head: input.head });
          }
          if (input.shape !== 'scalar') return IGNORED(state);
          // A held value: reach the threshold to start, keep above a lower one (hysteresis).
          const keepAt = hold.phase === 'holding' ? HOLD_RELEASE_FRACTION * holdAt : holdAt;
          return stepHold(config, hold, tMs, { ok: input.value >= keepAt, reason: BREAK_REASONS.released, side, value: input.value, head: null });
        },
        abort: (state, tMs, reason) => abortHold(config, state.kind === 'hold' ? state : HOLD_INITIAL, tMs, breakReason(reason)),
      };
    }
    case 'timed': {
      const config = timedConfig(exercise);
      return {
        initial: TIMED_INITIAL,
        step: (state, tMs, input) =>
          input.shape === 'placement'
            ? stepTimed(config, state.kind === 'timed' ? state : TIMED_INITIAL, tMs, { ok: input.placement.ok, reason: input.placement.reason })
            : IGNORED(state),
        abort: (state, tMs, reason) => abortTimed(state.kind === 'timed' ? state : TIMED_INITIAL, tMs, breakReason(reason)),
      };
    }
  }
}
