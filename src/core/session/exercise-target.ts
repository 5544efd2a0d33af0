import type { ExerciseResult } from './exercise-result';
import type { SessionExercise } from './session-exercise';

/** Counted reps toward the target, per side for sided exercises (left, right), else one total. */
export function countedReps(exercise: SessionExercise, result: ExerciseResult): readonly number[] {
  const { left, right, none } = result.sides;
  return exercise.sided ? [left.reps, right.reps] : [left.reps + right.reps + none.reps];
}

/** Time-dosed exercises are done by active time; the others when every side reached its target. */
export function isTargetReached(exercise: SessionExercise, result: ExerciseResult): boolean {
  if (exercise.durationMs !== null) return result.activeMs >= exercise.durationMs;
  return countedReps(exercise, result).every((count) => count >= exercise.repsTarget);
}

