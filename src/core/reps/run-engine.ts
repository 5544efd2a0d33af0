import { getExercise } from '../protocol/protocol';
import type { EngineOptions } from './engine-options';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from './exercise-engine';
import type { ExerciseEvent } from './exercise-events';
import type { ExerciseSample } from './exercise-sample';

/** The engine of a protocol exercise by id (throws a ProtocolError for an unknown id). */
export function createEngineForExercise(id: string, options: EngineOptions = {}): ExerciseEngine {
  return createExerciseEngine(getExercise(id), options);
}

/** Feeds a whole recording and closes it (a rep in progress at the end is incomplete). */
export function runEngine(engine: ExerciseEngine, samples: Iterable<ExerciseSample>): { state: EngineState; events: ExerciseEvent[] } {
  let state = engine.initial;
  const events: ExerciseEvent[] = [];
  for (const sample of samples) {
    const out = engine.step(state, sample);
    state = out.state;
    events.push(...out.events);
  }
  // The last time the engine accepted, not the largest seen: a refused absurd stamp must not end it.
  const end = engine.finish(state, state.lastMs ?? 0);
  events.push(...end.events);
  return { state: end.state, events };
}
