import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import {
  GUIDED_CUE_REPEAT_MS,
  emptyExerciseResult,
  guidedNextSide,
  isGuidedCueDue,
  toSessionExercise,
  withConfirmedRep,
} from '../../../../src/core/session';

describe('guided cues', () => {
  const prone = toSessionExercise(getExercise('prone-ear-to-floor'));

  it('alternates the sides as the person confirms them, starting with the first', () => {
    let result = emptyExerciseResult(prone.id, 'active', 'guided');
    const said: string[] = [];
    for (let rep = 0; rep < 4; rep += 1) {
      const side = guidedNextSide(prone, result);
      said.push(side);
      result = withConfirmedRep(result, side);
    }
    expect(said).toEqual(['left', 'right', 'left', 'right']);
  });

  it('goes back to the side that is behind', () => {
    let result = emptyExerciseResult(prone.id, 'active', 'guided');
    result = withConfirmedRep(withConfirmedRep(result, 'right'), 'right');
    expect(guidedNextSide(prone, result)).toBe('left');
  });

  it('names the one direction of an exercise that is not sided', () => {
    const chin = toSessionExercise(getExercise('seated-chin-press'));
    expect(guidedNextSide(chin, emptyExerciseResult(chin.id, 'active'))).toBe('down');
  });

  it('repeats the cue only after a quiet while', () => {
    expect(isGuidedCueDue(null, 0)).toBe(true);
    expect(isGuidedCueDue(1000, 1000 + GUIDED_CUE_REPEAT_MS - 1)).toBe(false);
    expect(isGuidedCueDue(1000, 1000 + GUIDED_CUE_REPEAT_MS)).toBe(true);
  });
});
