import {
  CAMERA_VIEWS,
  COUNTING_KINDS,
  DIRECTIONS,
  POSTURES,
  SET_IDS,
  SIGNAL_UNITS,
  SIGNALS,
  type Direction,
  type ExerciseDefinition,
  type ExerciseSet,
  type Protocol,
  type RepDose,
  type TargetRange,
} from './exercise-definition';
import type { NumericRange } from '../numeric-range';
import { ProtocolError } from './protocol-error';
import {
  readArray,
  type Fields,
  readBoolean,
  readEnum,
  readInteger,
  readNullable,
  readNumber,
  readObject,
  readString,
  readText,
  readTexts,
} from './validate-fields';

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Kinds whose repetitions are measured against a range per direction. */
const RANGED_KINDS: readonly string[] = [COUNTING_KINDS.excursion, COUNTING_KINDS.oscillation, COUNTING_KINDS.loop];

/** The object's `min` and `max`, each read by `read` as at least `least`, and max >= min. */
function readRange(
  f: Fields,
  path: string,
  read: (value: unknown, path: string, least: number) => number,
  least: number,
): NumericRange {
  const min = read(f['min'], `${path}.min`, least);
  const max = read(f['max'], `${path}.max`, least);
  if (max < min) throw new ProtocolError(`${path}.max`, `max (${max}) is below min (${min})`);
  return { min, max };
}

function readTarget(value: unknown, path: string): TargetRange {
  const f = readObject(value, path);
  const range = readRange(f, path, readNumber, 0);
  return { direction: readEnum(f['direction'], `${path}.direction`, DIRECTIONS), ...range };
}

function readDose(value: unknown, path: string): RepDose {
  const f = readObject(value, path);
  return { ...readRange(f, path, readInteger, 1), perSide: readBoolean(f['perSide'], `${path}.perSide`) };
}

function readDirections(value: unknown, path: string): readonly Direction[] {
  const directions = readArray(value, path, 1).map((d, i) => readEnum(d, `${path}[${i}]`, DIRECTIONS));
  if (new Set(directions).size !== directions.length) throw new ProtocolError(path, 'duplicate direction');
  return directions;
}

export function validateExercise(value: unknown, path: string): ExerciseDefinition {
  const f = readObject(value, path);
  const id = readString(f['id'], `${path}.id`);
  if (!ID_PATTERN.test(id)) throw new ProtocolError(`${path}.id`, `"${id}" is not a kebab-case id`);
  const counting = readEnum(f['counting'], `${path}.counting`, COUNTING_KINDS);
  const directions = readDirections(f['directions'], `${path}.directions`);
  const targets = readArray(f['targets'], `${path}.targets`).map((t, i) => readTarget(t, `${path}.targets[${i}]`));
  targets.forEach((target, i) => {
    if (!directions.includes(target.direction)) {
      throw new ProtocolError(`${path}.targets[${i}].direction`, `"${target.direction}" is not in directions`);
    }
  });
  if (RANGED_KINDS.includes(counting)) {
    const missing = directions.find((d) => !targets.some((t) => t.direction === d));
    if (missing !== undefined) throw new ProtocolError(`${path}.targets`, `no target for direction "${missing}"`);
  }
  const reps = readNullable(f['reps'], `${path}.reps`, readDose);
  const holdSeconds = readNullable(f['holdSeconds'], `${path}.holdSeconds`, (v, p) => readNumber(v, p, 0.5, 600));
  const durationSeconds = readNullable(f['durationSeconds'], `${path}.durationSeconds`, (v, p) => readNumber(v, p, 1, 3600));
  if (counting === COUNTING_KINDS.timed) {
    if (durationSeconds === null) throw new ProtocolError(`${path}.durationSeconds`, 'a timed exercise needs a duration');
  } else if (reps === null) {
    throw new ProtocolError(`${path}.reps`, `a ${counting} exercise needs a repetition dose`);
  }
  if (counting === COUNTING_KINDS.hold && holdSeconds === null) {
    throw new ProtocolError(`${path}.holdSeconds`, 'a hold exercise needs a hold time');
  }
  return {
    id,
    setId: readEnum(f['setId'], `${path}.setId`, SET_IDS),
    title: readText(f['title'], `${path}.title`),
    instructions: readTexts(f['instructions'], `${path}.instructions`, 1),
    posture: readEnum(f['posture'], `${path}.posture`, POSTURES),
    view: readEnum(f['view'], `${path}.view`, CAMERA_VIEWS),
    signal: readEnum(f['signal'], `${path}.signal`, SIGNALS),
    unit: readEnum(f['unit'], `${path}.unit`, SIGNAL_UNITS),
    counting,
    directions,
    targets,
    reps,
    holdSeconds,
    durationSeconds,
    maxSpeedPerS: readNumber(f['maxSpeedPerS'], `${path}.maxSpeedPerS`, 1),
    safety: readTexts(f['safety'], `${path}.safety`, 1),
    readings: readTexts(f['readings'], `${path}.readings`),
  };
}

export function validateSet(value: unknown, path: string): ExerciseSet {
  const f = readObject(value, path);
  return {
    id: readEnum(f['id'], `${path}.id`, SET_IDS),
    title: readText(f['title'], `${path}.title`),
    lockedInExacerbation: readBoolean(f['lockedInExacerbation'], `${path}.lockedInExacerbation`),
    lockQuote: readString(f['lockQuote'], `${path}.lockQuote`),
    lockReading: readNullable(f['lockReading'], `${path}.lockReading`, readText),
    exerciseIds: readArray(f['exerciseIds'], `${path}.exerciseIds`, 1).map((id, i) =>
      readString(id, `${path}.exerciseIds[${i}]`),
    ),
  };
}

/** Checks protocol data from any source; throws a ProtocolError naming the first bad field. */
export function validateProtocol(value: unknown): Protocol {
  const f = readObject(value, 'protocol');
  const exercises = readArray(f['exercises'], 'exercises', 1).map((e, i) => validateExercise(e, `exercises[${i}]`));
  const sets = readArray(f['sets'], 'sets', 1).map((s, i) => validateSet(s, `sets[${i}]`));
  const exerciseIndex = new Map<string, number>();
  exercises.forEach((exercise, i) => {
    if (exerciseIndex.has(exercise.id)) throw new ProtocolError(`exercises[${i}].id`, `duplicate id "${exercise.id}"`);
    exerciseIndex.set(exercise.id, i);
  });
  const setIds = new Set<string>();
  const listed = new Set<string>();
  sets.forEach((set, s) => {
    if (setIds.has(set.id)) throw new ProtocolError(`sets[${s}].id`, `duplicate set "${set.id}"`);
    setIds.add(set.id);
    set.exerciseIds.forEach((id, j) => {
      const i = exerciseIndex.get(id);
      const path = `sets[${s}].exerciseIds[${j}]`;
      if (i === undefined) throw new ProtocolError(path, `unknown exercise "${id}"`);
      if (listed.has(id)) throw new ProtocolError(path, `"${id}" is listed twice`);
      if (exercises[i]?.setId !== set.id) {
        throw new ProtocolError(`exercises[${i}].setId`, `"${id}" is listed in set "${set.id}"`);
      }
      listed.add(id);
    });
  });
  exercises.forEach((exercise, i) => {
    if (!listed.has(exercise.id)) throw new ProtocolError(`exercises[${i}].id`, `"${exercise.id}" is in no set`);
  });
  return { sets, exercises };
}
