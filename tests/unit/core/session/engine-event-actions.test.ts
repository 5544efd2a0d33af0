import { describe, expect, it } from 'vitest';
import type { RepEvent } from '../../../../src/core/reps/exercise-events';
import { sessionActionFromEngineEvent } from '../../../../src/core/session';

const movement: RepEvent = {
  type: 'rep',
  tMs: 1234,
  kind: 'movement',
  side: 'right',
  complete: true,
  incompleteReason: null,
  peakDeg: 61.5,
  targetDeg: 40,
  personalBestDeg: null,
  isPersonalBest: true,
  durationMs: 2100,
  peakVelDegS: 72,
  sparc: -2.2,
  ldj: -7.1,
  velocityPeaks: 2,
};

describe('sessionActionFromEngineEvent', () => {
  it('turns a complete movement rep into rep-completed with its metrics', () => {
    expect(sessionActionFromEngineEvent(movement)).toEqual({
      type: 'rep-completed',
      tMs: 1234,
      rep: { side: 'right', peakDeg: 61.5, durationMs: 2100, peakVelDegS: 72, sparc: -2.2, ldj: -7.1, velocityPeaks: 2, complete: true },
    });
  });

  it('stores unmeasurable smoothness (NaN) as null', () => {
    const action = sessionActionFromEngineEvent({ ...movement, sparc: Number.NaN, ldj: Number.NaN });
    expect(action?.type === 'rep-completed' ? [action.rep.sparc, action.rep.ldj] : 'wrong type').toEqual([null, null]);
  });

  it('keeps counts and durations finite (the log is JSON)', () => {
    const action = sessionActionFromEngineEvent({ ...movement, durationMs: Number.NaN, peakVelDegS: Number.POSITIVE_INFINITY });
    expect(action?.type === 'rep-completed' ? [action.rep.durationMs, action.rep.peakVelDegS] : 'wrong type').toEqual([0, 0]);
  });

  it('turns an incomplete movement into rep-incomplete (not a stored rep)', () => {
    expect(sessionActionFromEngineEvent({ ...movement, complete: false, incompleteReason: 'not-far-enough', peakDeg: 12 })).toEqual({
      type: 'rep-incomplete',
      tMs: 1234,
      side: 'right',
      peakDeg: 12,
    });
  });

  it('counts a broken hold once: from hold-broken, not from the incomplete hold rep', () => {
    const holdRep: RepEvent = { ...movement, kind: 'hold', side: 'none', complete: false, incompleteReason: 'hold-broken', durationMs: 1500 };
    expect(sessionActionFromEngineEvent(holdRep)).toBeNull();
    expect(sessionActionFromEngineEvent({ type: 'hold-broken', tMs: 9, side: 'none', heldMs: 1500, reason: 'hand-away' })).toEqual({
      type: 'hold-broken',
      tMs: 9,
      side: 'none',
      heldMs: 1500,
    });
    expect(sessionActionFromEngineEvent({ ...holdRep, complete: true, incompleteReason: null, durationMs: 3000 })).toEqual({
      type: 'hold-completed',
      tMs: 1234,
      side: 'none',
      heldMs: 3000,
    });
  });

  it('maps the timer, feedback and the engine pause/ready', () => {
    expect(sessionActionFromEngineEvent({ type: 'timer-completed', tMs: 5, activeMs: 180_000 })).toEqual({
      type: 'hold-completed',
      tMs: 5,
      side: 'none',
      heldMs: 180_000,
    });
    expect(sessionActionFromEngineEvent({ type: 'feedback', tMs: 5, kind: 'too-fast', side: 'left' })).toEqual({
      type: 'feedback',
      tMs: 5,
      code: 'too-fast',
      severity: 'warning',
    });
    expect(sessionActionFromEngineEvent({ type: 'feedback', tMs: 5, kind: 'good', side: 'left' })).toMatchObject({ severity: 'info' });
    expect(sessionActionFromEngineEvent({ type: 'paused', tMs: 5, reason: 'left-frame' })).toEqual({ type: 'person-lost', tMs: 5 });
    expect(sessionActionFromEngineEvent({ type: 'ready', tMs: 6 })).toEqual({ type: 'person-back', tMs: 6 });
    expect(sessionActionFromEngineEvent({ type: 'rep-started', tMs: 7, side: 'left' })).toBeNull();
  });
});
