import type { ExerciseGroup, SessionExercise } from './session-exercise';
import { isGroupLocked, type SessionMode } from './session-mode';

/** A plan: the exercises of one session, in order, and the mode it is done in. */
export interface SessionPlan {
  readonly mode: SessionMode;
  readonly exercises: readonly SessionExercise[];
  /** Rest between two exercises, ms. */
  readonly restMs: number;
}

/** Either one of the protocol's sets, or the user's own list of exercise ids (in that order). */
export type PlanSelection =
  | { readonly kind: 'set'; readonly group: ExerciseGroup }
  | { readonly kind: 'custom'; readonly exerciseIds: readonly string[] };

export interface PlanExclusion {
  readonly exerciseId: string;
  readonly reason: 'locked-in-exacerbation' | 'unknown-exercise' | 'duplicate';
}

export interface BuiltPlan {
  readonly plan: SessionPlan;
  /** What the selection asked for but the plan leaves out, and why (for the UI to explain). */
  readonly excluded: readonly PlanExclusion[];
}

export const DEFAULT_REST_MS = 20_000;

export function buildSessionPlan(
  catalog: readonly SessionExercise[],
  mode: SessionMode,
  selection: PlanSelection,
  restMs: number = DEFAULT_REST_MS,
): BuiltPlan {
  const requested =
    selection.kind === 'set'
      ? catalog.filter((exercise) => exercise.group === selection.group).map((e) => e.id)
      : selection.exerciseIds;
  const byId = new Map(catalog.map((exercise) => [exercise.id, exercise]));
  const exercises: SessionExercise[] = [];
  const excluded: PlanExclusion[] = [];
  const seen = new Set<string>();
  for (const exerciseId of requested) {
    const exercise = byId.get(exerciseId);
    if (exercise === undefined) {
      excluded.push({ exerciseId, reason: 'unknown-exercise' });
    } else if (seen.has(exerciseId)) {
      excluded.push({ exerciseId, reason: 'duplicate' });
    } else if (isGroupLocked(exercise.group, mode)) {
      excluded.push({ exerciseId, reason: 'locked-in-exacerbation' });
    } else {
      exercises.push(exercise);
    }
    seen.add(exerciseId);
  }
  return { plan: { mode, exercises, restMs }, excluded };
}
