import { selectCurrentExercise, selectRepProgress, type SessionState } from '../../core/session';
import type { Direction } from '../../core/protocol/exercise-definition';
import type { ScriptExercise } from './coach-script';

/** The coach script's view of the session's current exercise (its counts so far included); null outside one. */
export function scriptExerciseOf(session: SessionState): { readonly exercise: ScriptExercise; readonly holdMs: number | null } | null {
  const planned = selectCurrentExercise(session);
  if (planned === null) return null;
  const progress = selectRepProgress(session);
  const counted: Partial<Record<Direction, number>> = {};
  const keys: readonly Direction[] = planned.perSide ? planned.directions : ['none'];
  keys.forEach((side, index) => {
    counted[side] = progress?.counted[index] ?? 0;
  });
  return { exercise: { perSide: planned.perSide, repsTarget: planned.repsTarget, counted }, holdMs: planned.holdMs };
}
