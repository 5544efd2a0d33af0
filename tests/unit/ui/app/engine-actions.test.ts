import { describe, expect, it } from 'vitest';
import type { RepEvent } from '../../../../src/core/reps/exercise-events';
import { actionsForEngineEvent, MonotonicClock } from '../../../../src/ui/app/engine-actions';

const REP: RepEvent = {
  type: 'rep',
  tMs: 1_000,
  kind: 'movement',
  side: 'left',
  complete: true,
  incompleteReason: null,
  peakDeg: 41.5,
  targetDeg: 20,
  personalBestDeg: null,
  isPersonalBest: true,
  durationMs: 1_800,
  peakVelDegS: 60,
  sparc: -1.7,
  ldj: Number.NaN,
  velocityPeaks: 1,
};

describe('actionsForEngineEvent', () => {
  it('turns a complete movement into rep-completed with its metrics (NaN smoothness as null)', () => {
    const [action] = actionsForEngineEvent(REP);
    expect(action).toEqual({
      type: 'rep-completed',
      tMs: 1_000,
      rep: { side: 'left', peakDeg: 41.5, durationMs: 1_800, peakVelDegS: 60, sparc: -1.7, ldj: null, velocityPeaks: 1, complete: true },
    });
  });

  it('turns an incomplete movement into rep-incomplete and holds into hold actions', () => {
    expect(actionsForEngineEvent({ ...REP, complete: false, incompleteReason: 'not-far-enough' })).toEqual([
      { type: 'rep-incomplete', tMs: 1_000, side: 'left', peakDeg: 41.5 },
    ]);
    expect(actionsForEngineEvent({ ...REP, kind: 'hold', side: 'none', durationMs: 3_000 })).toEqual([
      { type: 'hold-completed', tMs: 1_000, side: 'none', heldMs: 3_000 },
    ]);
    expect(actionsForEngineEvent({ type: 'hold-broken', tMs: 5, side: 'none', heldMs: 1_200, reason: 'head-moved' })).toEqual([
      { type: 'hold-broken', tMs: 5, side: 'none', heldMs: 1_200 },
    ]);
  });

  it('logs warnings as warnings and praise as info, and presence changes', () => {
    expect(actionsForEngineEvent({ type: 'feedback', tMs: 2, kind: 'too-fast', side: 'left' })).toEqual([
      { type: 'feedback', tMs: 2, code: 'too-fast', severity: 'warning' },
    ]);
    expect(actionsForEngineEvent({ type: 'feedback', tMs: 2, kind: 'good', side: 'left' })[0]).toMatchObject({ severity: 'info' });
    expect(actionsForEngineEvent({ type: 'paused', tMs: 3, reason: 'left-frame' })).toEqual([{ type: 'person-lost', tMs: 3 }]);
    expect(actionsForEngineEvent({ type: 'ready', tMs: 4 })).toEqual([{ type: 'person-back', tMs: 4 }]);
    expect(actionsForEngineEvent({ type: 'rep-started', tMs: 4, side: 'left' })).toEqual([]);
  });
});

describe('MonotonicClock', () => {
  it('never goes back', () => {
    const clock = new MonotonicClock();
    expect([10, 5, 12, 12, 11].map((t) => clock.at(t))).toEqual([10, 10, 12, 12, 12]);
  });
});
