import { describe, expect, it } from 'vitest';
import { allowedSets, getExercise, getSet, PROTOCOL } from '../../../../src/core/protocol/protocol';
import { ProtocolError } from '../../../../src/core/protocol/protocol-error';

/** The ids of /work/shared/protocol/exercises.md, set by set. */
const IDS_BY_SET = {
  'simple-a': ['head-turns', 'chin-to-chest', 'head-back'],
  'simple-b': ['palm-forehead-press', 'palm-temple-press', 'shoulder-shrug-hold', 'arms-out-head-turns', 'neck-self-massage', 'yes-nods', 'no-shakes'],
  'complex-1': ['supine-breathing', 'supine-rise-neck-stretch', 'prone-ear-to-floor', 'seated-chin-press', 'head-circles'],
  'complex-2': ['shoulder-circles', 'arms-flex-extend', 'double-palm-forehead-press', 'hands-behind-head-press', 'shoulders-forward-back', 'supine-neck-raise-hold', 'assisted-lateral-stretch'],
} as const;

describe('protocol data', () => {
  it('has the 4 sets and 22 exercises of exercises.md, in order', () => {
    expect(PROTOCOL.sets.map((s) => s.id)).toEqual(Object.keys(IDS_BY_SET));
    for (const set of PROTOCOL.sets) expect(set.exerciseIds).toEqual(IDS_BY_SET[set.id]);
    expect(PROTOCOL.exercises.map((e) => e.id)).toEqual(Object.values(IDS_BY_SET).flat());
  });

  it('gives every text in English and Russian (Cyrillic), non-empty', () => {
    const CYRILLIC = /[а-яё]/i;
    for (const exercise of PROTOCOL.exercises) {
      for (const text of [exercise.title, ...exercise.instructions, ...exercise.safety, ...exercise.readings]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.ru).toMatch(CYRILLIC);
      }
    }
  });

  it('locks the complicated first complex and (safe reading) simple set A during exacerbation, with the quote', () => {
    expect(getSet('complex-1').lockedInExacerbation).toBe(true);
    expect(getSet('complex-1').lockQuote).toContain('only allowed during remission');
    expect(getSet('simple-a').lockedInExacerbation).toBe(true);
    expect(getSet('simple-a').lockQuote).toContain('first complex is prohibited during exacerbation');
    expect(getSet('simple-a').lockReading).not.toBeNull();
    expect(getSet('simple-b').lockedInExacerbation).toBe(false);
    expect(getSet('complex-2').lockedInExacerbation).toBe(false);
    expect(allowedSets(true).map((s) => s.id)).toEqual(['simple-b', 'complex-2']);
    expect(allowedSets(false)).toHaveLength(4);
  });

  it('doses follow the protocol text', () => {
    expect(getExercise('head-turns').reps).toEqual({ min: 7, max: 10, perSide: true });
    expect(getExercise('arms-out-head-turns').reps).toEqual({ min: 10, max: 10, perSide: true });
    expect(getExercise('shoulder-circles').reps).toEqual({ min: 10, max: 10, perSide: true });
    expect(getExercise('palm-temple-press').holdSeconds).toBe(3);
    expect(getExercise('supine-neck-raise-hold').holdSeconds).toBe(5);
    expect(getExercise('neck-self-massage').durationSeconds).toBe(180);
    expect(getExercise('head-turns').targets.map((t) => t.max)).toEqual([90, 90]);
  });

  it('uses side views only for the lying exercises seen from the side', () => {
    const side = PROTOCOL.exercises.filter((e) => e.view === 'side').map((e) => e.id);
    expect(side).toEqual(['supine-breathing', 'supine-rise-neck-stretch', 'prone-ear-to-floor', 'supine-neck-raise-hold']);
  });

  it('marks the ambiguous doses as readings', () => {
    for (const id of ['head-back', 'palm-forehead-press', 'supine-breathing', 'prone-ear-to-floor', 'head-circles', 'double-palm-forehead-press']) {
      expect(getExercise(id).readings.length).toBeGreaterThan(0);
    }
  });

  it('throws a ProtocolError for an unknown id', () => {
    expect(() => getExercise('no-such-exercise')).toThrow(ProtocolError);
  });
});
