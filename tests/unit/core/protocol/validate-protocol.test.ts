import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import { ProtocolError } from '../../../../src/core/protocol/protocol-error';
import { validateProtocol } from '../../../../src/core/protocol/validate-protocol';

type Json = Record<string, unknown>;

/** A deep, mutable copy of the real protocol to break one field at a time. */
function copy(): { sets: Json[]; exercises: Json[] } {
  return JSON.parse(JSON.stringify(PROTOCOL)) as { sets: Json[]; exercises: Json[] };
}

function errorOf(data: unknown): ProtocolError {
  try {
    validateProtocol(data);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

function exercise(data: { exercises: Json[] }, i: number): Json {
  const e = data.exercises[i];
  if (e === undefined) throw new Error('no exercise');
  return e;
}

const CASES: readonly [string, (d: { sets: Json[]; exercises: Json[] }) => void, string][] = [
  ['a missing Russian title', (d) => { (exercise(d, 0)['title'] as Json)['ru'] = ''; }, 'exercises[0].title.ru'],
  ['a target max below its min', (d) => { ((exercise(d, 0)['targets'] as Json[])[1] as Json)['max'] = 5; }, 'exercises[0].targets[1].max'],
  ['a NaN target', (d) => { ((exercise(d, 1)['targets'] as Json[])[0] as Json)['min'] = Number.NaN; }, 'exercises[1].targets[0].min'],
  ['an unknown counting kind', (d) => { exercise(d, 2)['counting'] = 'dance'; }, 'exercises[2].counting'],
  ['an unknown camera view', (d) => { exercise(d, 2)['view'] = 'top'; }, 'exercises[2].view'],
  ['a hold without a hold time', (d) => { exercise(d, 3)['holdSeconds'] = null; }, 'exercises[3].holdSeconds'],
  ['a timed exercise without a duration', (d) => { exercise(d, 7)['durationSeconds'] = null; }, 'exercises[7].durationSeconds'],
  ['a fractional repetition count', (d) => { (exercise(d, 0)['reps'] as Json)['min'] = 7.5; }, 'exercises[0].reps.min'],
  ['reps max below min', (d) => { (exercise(d, 0)['reps'] as Json)['max'] = 3; }, 'exercises[0].reps.max'],
  ['a direction without a target', (d) => { exercise(d, 0)['targets'] = [((exercise(d, 0)['targets'] as Json[])[0])]; }, 'exercises[0].targets'],
  ['a target for a direction not counted', (d) => { ((exercise(d, 1)['targets'] as Json[])[0] as Json)['direction'] = 'left'; }, 'exercises[1].targets[0].direction'],
  ['a non-kebab id', (d) => { exercise(d, 0)['id'] = 'Head Turns'; }, 'exercises[0].id'],
  ['a duplicate exercise id', (d) => { exercise(d, 1)['id'] = 'head-turns'; }, 'exercises[1].id'],
  ['an exercise in no set', (d) => { (d.sets[0] as Json)['exerciseIds'] = ['head-turns', 'chin-to-chest']; }, 'exercises[2].id'],
  ['a set listing an unknown exercise', (d) => { ((d.sets[1] as Json)['exerciseIds'] as string[]).push('moonwalk'); }, 'sets[1].exerciseIds[7]'],
  ['an exercise listed in the wrong set', (d) => { exercise(d, 0)['setId'] = 'simple-b'; }, 'exercises[0].setId'],
  ['a lock that is not a boolean', (d) => { (d.sets[2] as Json)['lockedInExacerbation'] = 'yes'; }, 'sets[2].lockedInExacerbation'],
  ['an empty lock quote', (d) => { (d.sets[2] as Json)['lockQuote'] = ' '; }, 'sets[2].lockQuote'],
  ['no safety note', (d) => { exercise(d, 4)['safety'] = []; }, 'exercises[4].safety'],
  ['instructions that are not a list', (d) => { exercise(d, 5)['instructions'] = 'turn'; }, 'exercises[5].instructions'],
  ['a negative speed limit', (d) => { exercise(d, 6)['maxSpeedPerS'] = -1; }, 'exercises[6].maxSpeedPerS'],
];

describe('validateProtocol', () => {
  it('accepts the real protocol unchanged', () => {
    expect(validateProtocol(copy()).exercises).toHaveLength(22);
  });

  it.each(CASES)('rejects %s, naming the field', (_name, breakIt, field) => {
    const data = copy();
    breakIt(data);
    const error = errorOf(data);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it.each([null, 42, 'protocol', [], { sets: [], exercises: [] }])('rejects a non-protocol value %j', (value) => {
    expect(() => validateProtocol(value)).toThrow(ProtocolError);
  });
});
