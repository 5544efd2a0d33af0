import type { ExerciseResult } from './exercise-result';
import type { SessionExercise } from './session-exercise';

/** Counted reps toward the target: one per direction (in the exercise's order) when per side, else one total. */
export function countedReps(exercise: SessionExercise, result: ExerciseResult): readonly number[] {
  if (exercise.perSide) return exercise.directions.map((direction) => result.sides[direction]?.reps ?? 0);
  return [Object.values(result.sides).reduce((total, side) => total + (side?.reps ?? 0), 0)];
}

/**
 * Done when every side reached its target. Timed exercises have a target of 1: the engine's
 * completed timer (which also checks the placement, e.g. hands at the neck) counts as one hold.
 */
export function isTargetReached(exercise: SessionExercise, result: ExerciseResult): boolean {
  return countedReps(exercise, result).every((count) => count >= exercise.repsTarget);
}

/** Where counting stops: every side at the dose's maximum (the target for exercises without one). */
export function isDoseMaxReached(exercise: SessionExercise, result: ExerciseResult): boolean {
  const max = Math.max(exercise.repsTarget, exercise.repsMax ?? exercise.repsTarget);
  return countedReps(exercise, result).every((count) => count >= max);
}

