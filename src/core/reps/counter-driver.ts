import type { HeadAngles } from '../head-pose/head-angles';
import type { ExerciseDefinition } from '../protocol/exercise-definition';
import { countThreshold, excursionConfig, holdConfig, HOLD_RELEASE_FRACTION, loopConfig, oscillationConfig, timedConfig } from './counter-config';
import type { ResolvedEngineOptions } from './engine-options';
import { BREAK_REASONS, type BreakReason } from './exercise-events';
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
  | {
      readonly shape: 'scalar';
      /** What is counted (smoothed). */
      readonly value: number;
      /** `value` before causal smoothing: what the rep's path keeps for its speed and smoothness (rep-metrics.ts). */
      readonly unsmoothed: number;
      readonly head: HeadAngles | null;
    }
  | {
      readonly shape: 'path';
      /** What is wound (smoothed). */
      readonly point: PathPoint;
      /** `point` as read before causal smoothing (the loop's speed and smoothness are measured on it); null when the signal has no such reading. */
      readonly unsmoothed: PathPoint | null;
    }
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

type InputOf<Shape extends CounterInput['shape']> = Extract<CounterInput, { readonly shape: Shape }>;

/**
 * A driver for one counter: frames of another shape leave its state as it is, and a state of
 * another kind (the exercise changed) starts it again from `initial`.
 */
function driver<S extends CounterState, Shape extends CounterInput['shape']>(
  initial: S,
  shapes: readonly Shape[],
  step: (state: S, tMs: number, input: InputOf<Shape>) => CounterStep<S>,
  abort: (state: S, tMs: number, reason: AbortReason) => CounterStep<S>,
): CounterDriver {
  // Each state type has its own `kind`, so a matching kind is an S.
  const own = (state: CounterState): S => (state.kind === initial.kind ? (state as S) : initial);
  const reads = (input: CounterInput): input is InputOf<Shape> => (shapes as readonly string[]).includes(input.shape);
  return {
    initial,
    step: (state, tMs, input) => (reads(input) ? step(own(state), tMs, input) : IGNORED(state)),
    abort: (state, tMs, reason) => abort(own(state), tMs, reason),
  };
}

/** Builds the counter for an exercise's counting kind. */
export function createCounterDriver(exercise: ExerciseDefinition, options: ResolvedEngineOptions): CounterDriver {
  switch (exercise.counting) {
    case 'excursion': {
      const config = excursionConfig(exercise, options);
      return driver(
        EXCURSION_INITIAL,
        ['scalar'],
        (state, tMs, input) => stepExcursion(config, state, tMs, input.value, input.unsmoothed),
        (state, tMs, reason) => abortExcursion(config, state, tMs, reason),
      );
    }
    case 'oscillation': {
      const config = oscillationConfig(exercise);
      return driver(
        OSCILLATION_INITIAL,
        ['scalar'],
        (state, tMs, input) => stepOscillation(config, state, tMs, input.value, offAxes(exercise, input.head), input.unsmoothed),
        (state, tMs, reason) => abortOscillation(state, config, tMs, reason),
      );
    }
    case 'loop': {
      const config = loopConfig(exercise);
      const origin: PathPoint = { x: 0, y: 0 };
      return driver(
        LOOP_INITIAL,
        ['path'],
        (state, tMs, input) => stepLoop(config, state, tMs, input.point, origin, input.unsmoothed),
        (state, tMs, reason) => abortLoop(config, state, tMs, reason),
      );
    }
    case 'hold': {
      const config = holdConfig(exercise);
      const side = exercise.directions[0] ?? 'none';
      const holdAt = countThreshold(exercise, side, options);
      return driver(
        HOLD_INITIAL,
        ['placement', 'scalar'],
        (state, tMs, input) => {
          if (input.shape === 'placement') {
            return stepHold(config, state, tMs, { ok: input.placement.ok, reason: input.placement.reason, side: input.placement.side, value: 0, head: input.head });
          }
          // A held value: reach the threshold to start, keep above a lower one (hysteresis).
          const keepAt = state.phase === 'holding' ? HOLD_RELEASE_FRACTION * holdAt : holdAt;
          return stepHold(config, state, tMs, { ok: input.value >= keepAt, reason: BREAK_REASONS.released, side, value: input.value, head: null });
        },
        (state, tMs, reason) => abortHold(config, state, tMs, breakReason(reason)),
      );
    }
    case 'timed': {
      const config = timedConfig(exercise);
      return driver(
        TIMED_INITIAL,
        ['placement'],
        (state, tMs, input) => stepTimed(config, state, tMs, { ok: input.placement.ok, reason: input.placement.reason }),
        (state, tMs, reason) => abortTimed(state, tMs, breakReason(reason)),
      );
    }
  }
}
