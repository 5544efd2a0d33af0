import { EXERCISE_SETS } from '../protocol/exercise-sets';
import type { ExerciseGroup } from './session-exercise';
import { stringEnum, type EnumValue } from '../string-enum';

export const SESSION_MODES = stringEnum('remission', 'exacerbation');
export type SessionMode = EnumValue<typeof SESSION_MODES>;

/**
 * Whether a group may not be done in `mode`. The locks come from the protocol's sets: the
 * complicated first complex is remission-only, and the safe reading of the simple series'
 * ambiguous sentence locks the large-amplitude warm-up (simple series A) as well. A group the
 * protocol does not know is treated as locked during an exacerbation.
 */
export function isGroupLocked(group: ExerciseGroup, mode: SessionMode): boolean {
  if (mode !== SESSION_MODES.exacerbation) return false;
  return EXERCISE_SETS.find((set) => set.id === group)?.lockedInExacerbation ?? true;
}
