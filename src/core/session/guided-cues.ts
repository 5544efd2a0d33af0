import type { ExerciseResult } from './exercise-result';
import type { RepSide } from './rep-side';
import type { SessionExercise } from './session-exercise';

/** Without a confirmation for this long, the cue is said again (the person may have missed it). */
export const GUIDED_CUE_REPEAT_MS = 10_000;

/**
 * The side to do next in a guided exercise: the one with the fewest reps so far, in the
 * exercise's order on a tie, so that the cues alternate (left, right, left, …). `none` when the
 * sides add up.
 */
export function guidedNextSide(exercise: SessionExercise, result: ExerciseResult): RepSide {
  if (!exercise.perSide) return exercise.directions[0] ?? 'none';
  let best: RepSide = exercise.directions[0] ?? 'none';
  let fewest = Number.POSITIVE_INFINITY;
  for (const side of exercise.directions) {
    const reps = result.sides[side]?.reps ?? 0;
    if (reps < fewest) {
      fewest = reps;
      best = side;
    }
  }
  return best;
}

/** Whether to say the cue again at `tMs`: nothing was said or confirmed since `lastCueMs` for a while. */
export function isGuidedCueDue(lastCueMs: number | null, tMs: number): boolean {
  return lastCueMs === null || tMs - lastCueMs >= GUIDED_CUE_REPEAT_MS;
}
