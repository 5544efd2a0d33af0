import { getExercise } from '../protocol/protocol';
import type { EngineOptions } from './engine-options';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from './exercise-engine';
import type { ExerciseEvent } from './exercise-events';
import type { ExerciseSample } from './exercise-sample';

/** The engine of a protocol exercise by id (throws a ProtocolError for an unknown id). */
export function createEngineForExercise(id: string, options: EngineOptions = {}): ExerciseEngine {
  return createExerciseEngine(getExercise(id), options);
}

/** Feeds samples in order from `state`: the state after the last one and every event on the way. */
export function stepEngine(
  engine: ExerciseEngine,
  samples: Iterable<ExerciseSample>,
  state: EngineState = engine.initial,
): { state: EngineState; events: ExerciseEvent[] } {
  let current = state;
  const events: ExerciseEvent[] = [];
  for (const sample of samples) {
    const out = engine.step(current, sample);
    current = out.state;
    events.push(...out.events);
  }
  return { state: current, events };
}

/** Feeds a whole recording and closes it (a rep in progress at the end is incomplete). */
export function runEngine(engine: ExerciseEngine, samples: Iterable<ExerciseSample>): { state: EngineState; events: ExerciseEvent[] } {
  const { state, events } = stepEngine(engine, samples);
  // The last time the engine accepted, not the largest seen: a refused absurd stamp must not end it.
  const end = engine.finish(state, state.lastMs ?? 0);
  events.push(...end.events);
  return { state: end.state, events };
}
