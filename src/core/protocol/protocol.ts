import type { ExerciseDefinition, ExerciseSet, Protocol, SetId } from './exercise-definition';
import { EXERCISE_SETS } from './exercise-sets';
import { COMPLEX_FIRST_EXERCISES } from './exercises-complex-first';
import { COMPLEX_SECOND_EXERCISES } from './exercises-complex-second';
import { SIMPLE_A_EXERCISES } from './exercises-simple-a';
import { SIMPLE_B_EXERCISES } from './exercises-simple-b';
import { ProtocolError } from './protocol-error';
import { validateProtocol } from './validate-protocol';

/** The protocol as data, validated once at load: a bad field fails the import loudly. */
export const PROTOCOL: Protocol = validateProtocol({
  sets: EXERCISE_SETS,
  exercises: [...SIMPLE_A_EXERCISES, ...SIMPLE_B_EXERCISES, ...COMPLEX_FIRST_EXERCISES, ...COMPLEX_SECOND_EXERCISES],
});

export function findExercise(id: string, protocol: Protocol = PROTOCOL): ExerciseDefinition | undefined {
  return protocol.exercises.find((exercise) => exercise.id === id);
}

export function getExercise(id: string, protocol: Protocol = PROTOCOL): ExerciseDefinition {
  const exercise = findExercise(id, protocol);
  if (exercise === undefined) throw new ProtocolError('id', `unknown exercise "${id}"`);
  return exercise;
}

export function getSet(id: SetId, protocol: Protocol = PROTOCOL): ExerciseSet {
  const set = protocol.sets.find((s) => s.id === id);
  if (set === undefined) throw new ProtocolError('id', `unknown set "${id}"`);
  return set;
}

/** Sets that may be done in the given state (exacerbation locks some). */
export function allowedSets(exacerbation: boolean, protocol: Protocol = PROTOCOL): readonly ExerciseSet[] {
  return protocol.sets.filter((set) => !exacerbation || !set.lockedInExacerbation);
}
