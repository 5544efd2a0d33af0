import { getExercise } from '../protocol/protocol';
import type { EngineOptions } from './engine-options';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from './exercise-engine';
import type { ExerciseEvent, RepEvent } from './exercise-events';
import type { ExerciseSample } from './exercise-sample';
import type { EventSummary } from './summarize-events';

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

function rounded(value: number, decimals = 2): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** The analyzer's per-rep JSON line (NaN smoothness becomes null). */
export function repOutputLine(file: string, rep: RepEvent): Record<string, unknown> {
  return {
    type: 'rep',
    file,
    side: rep.side,
    peakDeg: rounded(rep.peakDeg),
    durationMs: rounded(rep.durationMs, 0),
    peakVelDegS: rounded(rep.peakVelDegS),
    sparc: rounded(rep.sparc, 3),
    complete: rep.complete,
  };
}

/** The analyzer's per-file summary JSON line. */
export function summaryOutputLine(file: string, exerciseId: string, summary: EventSummary): Record<string, unknown> {
  return { type: 'summary', file, exercise: exerciseId, reps: summary.reps, bySide: summary.bySide, incomplete: summary.incomplete };
}
