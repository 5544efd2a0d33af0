import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { createSessionState, reduceSession, selectCanFinish, selectRepProgress, toSessionExercise, type SessionState } from '../../../../src/core/session';
import { CALIBRATED, CHIN_TO_CHEST, HEAD_TURNS, START, rep, run } from './session-fixtures';

const PLAN = { mode: 'remission' as const, restMs: 5000, exercises: [{ ...HEAD_TURNS, repsTarget: 2, repsMax: 4 }, CHIN_TO_CHEST] };

function exercising(): SessionState {
  return run(createSessionState('dose', PLAN), [START, CALIBRATED]);
}

const turns = (sides: readonly ('left' | 'right')[], fromMs = 2000): SessionState =>
  run(exercising(), sides.map((side, index) => ({ type: 'rep-completed' as const, tMs: fromMs + index * 1000, rep: rep(side, 45) })));

describe('the dose: from the target up to the maximum', () => {
  it('keeps counting past the target, and ends by itself at the maximum on every side', () => {
    const atTarget = turns(['left', 'left', 'right', 'right']);
    expect(atTarget.phase).toBe('exercise');
    expect(selectCanFinish(atTarget)).toBe(true);
    const past = turns(['left', 'left', 'right', 'right', 'left', 'left', 'right']);
    expect(past.phase).toBe('exercise');
    expect(selectRepProgress(past)?.counted).toEqual([4, 3]);
    const atMax = reduceSession(past, { type: 'rep-completed', tMs: 20_000, rep: rep('right', 45) });
    expect(atMax.phase).toBe('rest');
    expect(atMax.results[0]?.status).toBe('done');
  });

  it('"done" (the next action) ends the exercise as done once the target is reached, and not before', () => {
    const below = turns(['left', 'left', 'right']);
    expect(selectCanFinish(below)).toBe(false);
    expect(reduceSession(below, { type: 'next', tMs: 9000 })).toBe(below);
    const reached = turns(['left', 'left', 'right', 'right']);
    const finished = reduceSession(reached, { type: 'next', tMs: 9000 });
    expect(finished.phase).toBe('rest');
    expect(finished.results[0]?.status).toBe('done');
  });

  it('a plan stored without a maximum ends at its target, as before', () => {
    const { repsMax: _dropped, ...stored } = PLAN.exercises[0] ?? HEAD_TURNS;
    const old = run(createSessionState('old', { ...PLAN, exercises: [stored, CHIN_TO_CHEST] }), [START, CALIBRATED]);
    const ended = run(old, ['left', 'left', 'right', 'right'].map((side, index) => ({ type: 'rep-completed' as const, tMs: 2000 + index * 1000, rep: rep(side as 'left' | 'right', 45) })));
    expect(ended.phase).toBe('rest');
  });

  it('takes the protocol dose: 7 to 10 for head turns', () => {
    expect(toSessionExercise(getExercise('head-turns'))).toMatchObject({ repsTarget: 7, repsMax: 10 });
    expect(toSessionExercise(getExercise('head-turns'), 9)).toMatchObject({ repsTarget: 9, repsMax: 10 });
    expect(toSessionExercise(getExercise('head-turns'), 12)).toMatchObject({ repsTarget: 12, repsMax: 12 });
  });
});
