import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import {
  buildSessionPlan,
  createSessionState,
  reduceSession,
  selectHeadUpSide,
  selectPositionStep,
  selectRestWaitsForReady,
  selectSummary,
  selectTotalCountedReps,
  toSessionExercise,
  type SessionAction,
  type SessionState,
} from '../../../../src/core/session';
import { CHIN_TO_CHEST, HEAD_TURNS, START, rep, run } from './session-fixtures';

const FIRST_COMPLEX = ['supine-breathing', 'supine-rise-neck-stretch', 'prone-ear-to-floor', 'seated-chin-press', 'head-circles'];
const REST_MS = 5000;
const NEUTRAL = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

function firstComplex(): SessionState {
  const catalog = FIRST_COMPLEX.map((id) => toSessionExercise(getExercise(id), 1));
  const { plan } = buildSessionPlan(catalog, 'remission', { kind: 'set', group: 'complex-1' }, REST_MS);
  return createSessionState('positions', plan);
}

const calibrated = (tMs: number): SessionAction => ({ type: 'calibrated', tMs, neutral: NEUTRAL });

describe('a setup step for each position', () => {
  it('sets up lying on the back first, from the side, before the first lying exercise', () => {
    const setup = firstComplex();
    expect(selectPositionStep(setup)?.setup).toMatchObject({ position: 'supine', view: 'side' });
    expect(selectPositionStep(setup)?.exercises.map((e) => e.id)).toEqual(['supine-breathing', 'supine-rise-neck-stretch']);
    const started = run(setup, [START]);
    expect(started.phase).toBe('calibration');
    expect(started.position).toBe('supine');
    expect(run(started, [calibrated(1000)]).phase).toBe('exercise');
  });

  it('rests on its own clock within one position, waits for "ready" when the next one is elsewhere', () => {
    let state = run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }]);
    // supine-breathing skipped: the rise is still on the back, no setup step in between.
    expect(state.phase).toBe('exercise');
    expect(state.exerciseIndex).toBe(1);
    state = run(state, [{ type: 'rep-completed', tMs: 3000, rep: rep('up', 30) }]);
    // Dose max is 10: the person ends it with "done".
    state = reduceSession(state, { type: 'next', tMs: 4000 });
    expect(state.phase).toBe('rest');
    expect(selectRestWaitsForReady(state)).toBe(true);
    const longAfter = reduceSession(state, { type: 'tick', tMs: 4000 + REST_MS * 10 });
    expect(longAfter.phase).toBe('rest');
    const step = reduceSession(longAfter, { type: 'next', tMs: 4000 + REST_MS * 11 });
    expect(step.phase).toBe('calibration');
    expect(step.position).toBe('prone');
    expect(selectPositionStep(step)).toMatchObject({ guidedOnly: false, cameraSide: 'left', secondHalf: false, setup: { position: 'prone', trackable: true, sidedCamera: true } });
  });

  it('needs no neutral face down ("ready" starts the measured exercise), and a new one back upright', () => {
    let state = run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }, { type: 'skip', tMs: 3000 }]);
    expect(state.phase).toBe('calibration');
    expect(state.position).toBe('prone');
    state = reduceSession(state, { type: 'next', tMs: 4000 });
    expect(state.phase).toBe('exercise');
    expect(state.plan.exercises[state.exerciseIndex]?.id).toBe('prone-ear-to-floor');
    expect(state.results[state.exerciseIndex]?.tracking).toBe('measured');
    // Skipping the left half moves the camera to the right; skipping that ends the exercise.
    state = run(state, [{ type: 'skip', tMs: 5000 }, { type: 'next', tMs: 5500 }, { type: 'skip', tMs: 5800 }]);
    expect(state.phase).toBe('calibration');
    expect(state.position).toBe('upright');
    // Upright is measured: "ready" alone does not start it, a neutral taken there does.
    expect(reduceSession(state, { type: 'next', tMs: 6000 })).toBe(state);
    const upright = reduceSession(state, { type: 'calibrated', tMs: 6000, neutral: { yawDeg: 3, pitchDeg: -4, rollDeg: 1 } });
    expect(upright.phase).toBe('exercise');
    expect(upright.neutral).toEqual({ yawDeg: 3, pitchDeg: -4, rollDeg: 1 });
  });

  it('does a position guided when the camera cannot be placed for it, and says so in the summary', () => {
    const started = run(firstComplex(), [START]);
    const guided = reduceSession(started, { type: 'position-guided', tMs: 500 });
    expect(guided.phase).toBe('exercise');
    expect(guided.results.slice(0, 2).map((result) => result.tracking)).toEqual(['guided', 'guided']);
    expect(guided.results[3]?.tracking).toBe('measured');
    // Guided from then on: the person confirms, nothing is measured.
    expect(reduceSession(guided, { type: 'rep-completed', tMs: 600, rep: rep('none', 10) }).results[0]?.sides).toEqual({});
    const confirmed = run(guided, [{ type: 'rep-confirmed', tMs: 700, side: 'none' }, { type: 'stop', tMs: 800 }]);
    expect(selectSummary(confirmed)[0]).toMatchObject({ tracking: 'guided', sides: [{ side: 'none', reps: 1, confirmed: 1 }] });
  });

  it('keeps sitting measured: no guided fallback upright', () => {
    const upright = run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }, { type: 'skip', tMs: 3000 }, { type: 'position-guided', tMs: 4000 }, { type: 'skip', tMs: 5000 }]);
    expect(upright.position).toBe('upright');
    expect(reduceSession(upright, { type: 'position-guided', tMs: 6000 })).toBe(upright);
  });

  it('keeps a plan without positions (stored before they existed) in one position, as before', () => {
    const plan = { mode: 'remission' as const, exercises: [HEAD_TURNS, CHIN_TO_CHEST], restMs: REST_MS };
    const state = run(createSessionState('old', plan), [START, calibrated(1000), { type: 'skip', tMs: 2000 }]);
    expect(state.phase).toBe('exercise');
    expect(state.exerciseIndex).toBe(1);
  });
});

describe('guided exercises: counts the person confirms', () => {
  /** Face down, done guided (the person could not place the camera on the floor). */
  function inProne(): SessionState {
    return run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }, { type: 'skip', tMs: 3000 }, { type: 'position-guided', tMs: 4000 }]);
  }

  it('counts confirmed reps per side, as confirmed, even with nobody in view', () => {
    let state = inProne();
    state = run(state, [
      { type: 'person-lost', tMs: 4500 },
      { type: 'rep-confirmed', tMs: 5000, side: 'left' },
      { type: 'rep-confirmed', tMs: 6000, side: 'right' },
      { type: 'rep-confirmed', tMs: 7000, side: 'left' },
    ]);
    const result = state.results[state.exerciseIndex];
    expect(result?.sides.left).toMatchObject({ reps: 2, confirmed: 2 });
    expect(result?.sides.right).toMatchObject({ reps: 1, confirmed: 1 });
    expect(result?.activeMs).toBe(3000);
    expect(selectTotalCountedReps(state)).toBe(3);
  });

  it('refuses confirmations for a side the exercise does not count, while paused, or in a measured exercise', () => {
    const prone = inProne();
    expect(reduceSession(prone, { type: 'rep-confirmed', tMs: 5000, side: 'up' })).toBe(prone);
    const paused = reduceSession(prone, { type: 'pause', tMs: 5000 });
    expect(reduceSession(paused, { type: 'rep-confirmed', tMs: 5100, side: 'left' })).toBe(paused);
    const measured = run(firstComplex(), [START, calibrated(1000)]);
    expect(reduceSession(measured, { type: 'rep-confirmed', tMs: 2000, side: 'none' })).toBe(measured);
  });

  it('reaches the target from confirmations and is summarised as guided, with its confirmed counts', () => {
    let state = inProne();
    state = run(state, [
      { type: 'rep-confirmed', tMs: 5000, side: 'left' },
      { type: 'rep-confirmed', tMs: 6000, side: 'right' },
      { type: 'next', tMs: 7000 },
      { type: 'stop', tMs: 8000 },
    ]);
    const summary = selectSummary(state).find((entry) => entry.exerciseId === 'prone-ear-to-floor');
    expect(summary?.status).toBe('done');
    expect(summary?.tracking).toBe('guided');
    expect(summary?.sides.map((side) => [side.side, side.reps, side.confirmed])).toEqual([
      ['left', 1, 1],
      ['right', 1, 1],
    ]);
    expect(selectSummary(state).find((entry) => entry.exerciseId === 'supine-breathing')?.tracking).toBe('measured');
  });
});

describe('face down, measured: the camera at the left, then at the right', () => {
  const leftRep = (tMs: number): SessionAction => ({ type: 'rep-completed', tMs, rep: rep('left', 64) });
  const rightRep = (tMs: number): SessionAction => ({ type: 'rep-completed', tMs, rep: rep('right', 63) });
  /** The prone step's "ready": the left half running. */
  function leftHalf(): SessionState {
    return run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }, { type: 'skip', tMs: 3000 }, { type: 'next', tMs: 4000 }]);
  }

  it('counts the left side, then sets the camera up at the right and counts that side in the same exercise', () => {
    let state = leftHalf();
    expect(state.cameraSide).toBe('left');
    // Target 1 per side here (firstComplex's plan): "done" is refused before the left side reaches it.
    expect(reduceSession(state, { type: 'next', tMs: 4500 })).toBe(state);
    state = run(state, [rightRep(4600)]);
    expect(reduceSession(state, { type: 'next', tMs: 4700 })).toBe(state);
    state = run(state, [leftRep(6100), { type: 'next', tMs: 6200 }]);
    expect(state.phase).toBe('calibration');
    expect(state.cameraSide).toBe('right');
    const step = selectPositionStep(state);
    expect(step).toMatchObject({ cameraSide: 'right', secondHalf: true, setup: { position: 'prone' } });
    expect(step?.exercises.map((e) => e.id)).toEqual(['prone-ear-to-floor']);
    // No guided fallback halfway through a measured exercise.
    expect(reduceSession(state, { type: 'position-guided', tMs: 6300 })).toBe(state);
    state = reduceSession(state, { type: 'next', tMs: 6400 });
    expect(state.phase).toBe('exercise');
    expect(state.plan.exercises[state.exerciseIndex]?.id).toBe('prone-ear-to-floor');
    state = run(state, [rightRep(7000), { type: 'next', tMs: 8000 }]);
    expect(state.phase).toBe('rest');
    expect(state.results.find((r) => r.exerciseId === 'prone-ear-to-floor')?.sides).toMatchObject({ left: { reps: 1 }, right: { reps: 2 } });
  });

  it('moves to the right by itself when the left side reaches the dose’s maximum', () => {
    const state = run(leftHalf(), Array.from({ length: 10 }, (_, i) => leftRep(5000 + i * 100)));
    expect(state).toMatchObject({ phase: 'calibration', cameraSide: 'right', position: 'prone' });
  });

  it('turns the landmarkers’ frames head-up face down only: its steps and its measured exercise', () => {
    const proneFirst = createSessionState('prone-first', { mode: 'remission', exercises: [toSessionExercise(getExercise('prone-ear-to-floor'), 1)], restMs: REST_MS });
    expect(selectHeadUpSide(proneFirst)).toBe('left');
    expect(selectHeadUpSide(firstComplex())).toBeNull();
    const left = leftHalf();
    expect(selectHeadUpSide(left)).toBe('left');
    expect(selectHeadUpSide(run(left, [{ type: 'skip', tMs: 5000 }]))).toBe('right');
    const guided = run(firstComplex(), [START, calibrated(1000), { type: 'skip', tMs: 2000 }, { type: 'skip', tMs: 3000 }, { type: 'position-guided', tMs: 4000 }]);
    expect(selectHeadUpSide(guided)).toBeNull();
  });

  it('forgets the camera side when the position changes again', () => {
    const state = run(leftHalf(), [{ type: 'skip', tMs: 5000 }, { type: 'next', tMs: 5100 }, { type: 'skip', tMs: 5200 }]);
    expect(state).toMatchObject({ phase: 'calibration', position: 'upright', cameraSide: null });
  });
});
