/**
 * What the session needs to know about one exercise. It is deliberately smaller than the
 * protocol's exercise definition: a plan stores these copies, so a stored session can be
 * rebuilt even after the protocol data changes.
 */
export const EXERCISE_GROUPS = {
  /** Simple series A, the large-amplitude warm-up turns. */
  simpleA: 'simple-a',
  /** Simple series B, prevention and treatment. */
  simpleB: 'simple-b',
  /** Complicated series, first complex: remission only. */
  complexFirst: 'complex-1',
  /** Complicated series, second complex: allowed during exacerbation. */
  complexSecond: 'complex-2',
} as const;
export type ExerciseGroup = (typeof EXERCISE_GROUPS)[keyof typeof EXERCISE_GROUPS];

export interface SessionExercise {
  readonly id: string;
  readonly group: ExerciseGroup;
  /** True when the dose is counted per side (left and right each reach `repsTarget`). */
  readonly sided: boolean;
  /** Repetitions (or completed holds) to reach, per side when `sided`. */
  readonly repsTarget: number;
  /** How long one hold lasts in ms, null when the exercise has no hold. */
  readonly holdMs: number | null;
  /** Exercises dosed by time (e.g. a 3-minute massage): active ms to reach; null otherwise. */
  readonly durationMs: number | null;
}
