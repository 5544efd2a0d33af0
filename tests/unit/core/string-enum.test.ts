import { describe, expect, it } from 'vitest';
import { camelCase, stringEnum } from '../../../src/core/string-enum';
import { SET_IDS } from '../../../src/core/protocol/exercise-definition';
import { FEEDBACK_KINDS } from '../../../src/core/reps/exercise-events';

describe('stringEnum', () => {
  it.each([
    ['too-fast', 'tooFast'],
    ['both-hands-on-forehead', 'bothHandsOnForehead'],
    ['complex-1', 'complex1'],
    ['tooDark', 'tooDark'],
    ['good', 'good'],
  ])('names %s by its camelCase form %s', (value, key) => {
    expect(camelCase(value)).toBe(key);
  });

  it('maps each camelCase key to its value, in order, and cannot be changed', () => {
    const kinds = stringEnum('good', 'too-fast', 'not-far-enough');
    expect(kinds).toEqual({ good: 'good', tooFast: 'too-fast', notFarEnough: 'not-far-enough' });
    expect(Object.values(kinds)).toEqual(['good', 'too-fast', 'not-far-enough']);
    expect(Object.isFrozen(kinds)).toBe(true);
  });

  it('keeps the values that stored data and outputs use', () => {
    expect(Object.values(SET_IDS)).toEqual(['simple-a', 'simple-b', 'complex-1', 'complex-2']);
    expect(FEEDBACK_KINDS.tooFast).toBe('too-fast');
    expect(FEEDBACK_KINDS.trunkTurned).toBe('trunk-turned');
  });
});
