import type { ExerciseResult } from './exercise-result';
import type { SessionExercise } from './session-exercise';

/** Counted reps toward the target: one per direction (in the exercise's order) when per side, else one total. */
export function countedReps(exercise: SessionExercise, result: ExerciseResult): readonly number[] {
  if (exercise.perSide) return exercise.directions.map((direction) => result.sides[direction]?.reps ?? 0);
  return [Object.values(result.sides).reduce((total, side) => total + (side?.reps ?? 0), 0)];
}

/** Time-dosed exercises are done by active time; the others when every side reached its target. */
export function isTargetReached(exercise: SessionExercise, result: ExerciseResult): boolean {
  if (exercise.durationMs !== null) return result.activeMs >= exercise.durationMs;
  return countedReps(exercise, result).every((count) => count >= exercise.repsTarget);
}

