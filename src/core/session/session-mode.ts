import { EXERCISE_GROUPS, type ExerciseGroup } from './session-exercise';

export const SESSION_MODES = { remission: 'remission', exacerbation: 'exacerbation' } as const;
export type SessionMode = (typeof SESSION_MODES)[keyof typeof SESSION_MODES];

/**
 * Groups that may not be done during an exacerbation. The complicated first complex is
 * remission-only in the protocol. The simple series text also says "the first complex is
 * prohibited during exacerbation", which is ambiguous: the safe reading (chosen here) also
 * locks the large-amplitude warm-up turns of simple series A.
 */
const LOCKED_IN_EXACERBATION: readonly ExerciseGroup[] = [
  EXERCISE_GROUPS.complexFirst,
  EXERCISE_GROUPS.simpleA,
];

export function isGroupLocked(group: ExerciseGroup, mode: SessionMode): boolean {
  return mode === SESSION_MODES.exacerbation && LOCKED_IN_EXACERBATION.includes(group);
}
