import { EXERCISE_STATUSES } from './exercise-result';
import type { SessionState } from './session-state';

/** The index of the next exercise that will run after the current one (pending), or null. */
export function nextRunnableIndex(state: SessionState): number | null {
  for (let index = state.exerciseIndex + 1; index < state.results.length; index += 1) {
    if (state.results[index]?.status === EXERCISE_STATUSES.pending) return index;
  }
  return null;
}
