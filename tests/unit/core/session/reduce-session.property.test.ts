import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSessionState,
  reduceSession,
  type SessionAction,
  type SessionPlan,
} from '../../../../src/core/session';
import { CHIN_TO_CHEST, HEAD_TURNS, MASSAGE, PALM_FOREHEAD, SUPINE_BREATHING, rep } from './session-fixtures';

const PLAN: SessionPlan = {
  mode: 'exacerbation',
  exercises: [HEAD_TURNS, PALM_FOREHEAD, SUPINE_BREATHING, MASSAGE, CHIN_TO_CHEST],
  restMs: 3000,
};

const sideArb = fc.constantFrom('left', 'right', 'down', 'none' as const);
const actionArb = (tMs: number): fc.Arbitrary<SessionAction> =>
  fc.oneof(
    fc.constant<SessionAction>({ type: 'start', tMs, atIso: '2026-11-24T08:00:00.000Z' }),
    fc.constant<SessionAction>({ type: 'calibrated', tMs, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } }),
    fc.tuple(sideArb, fc.double({ min: 0, max: 120, noNaN: true }), fc.boolean()).map(
      ([side, peak, complete]): SessionAction => ({ type: 'rep-completed', tMs, rep: rep(side, peak, { complete }) }),
    ),
    sideArb.map((side): SessionAction => ({ type: 'hold-completed', tMs, side, heldMs: 3000 })),
    sideArb.map((side): SessionAction => ({ type: 'hold-broken', tMs, side, heldMs: 1000 })),
    fc.constantFrom<SessionAction['type']>('pause', 'resume', 'skip', 'next', 'tick', 'person-lost', 'person-back').map(
      (type) => ({ type, tMs }) as SessionAction,
    ),
    fc.constantFrom<SessionAction['type']>('stop', 'pain-reported').map((type) => ({ type, tMs }) as SessionAction),
  );

const actionsArb = fc
  .array(fc.tuple(fc.integer({ min: -50, max: 2000 }), fc.nat()), { maxLength: 80 })
  .chain((steps) => {
    let t = 0;
    return fc.tuple(
      ...steps.map(([dt]) => {
        t += dt;
        return actionArb(t);
      }),
    );
  });

describe('reduceSession invariants (property)', () => {
  it('never runs a locked exercise, keeps at most one active, never counts negative time, freezes at summary', () => {
    fc.assert(
      fc.property(actionsArb, (actions) => {
        let state = createSessionState('p', PLAN);
        for (const action of actions) {
          const before = state;
          state = reduceSession(state, action);
          expect(state.results).toHaveLength(PLAN.exercises.length);
          expect(state.results[0]?.status).toBe('locked');
          expect(state.results[2]?.status).toBe('locked');
          const active = state.results.filter((result) => result.status === 'active');
          expect(active.length).toBe(state.phase === 'exercise' ? 1 : 0);
          for (const result of state.results) expect(result.activeMs).toBeGreaterThanOrEqual(0);
          if (before.phase === 'summary') expect(state).toBe(before);
          if (state.endReason === 'pain') expect(state.pain).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
