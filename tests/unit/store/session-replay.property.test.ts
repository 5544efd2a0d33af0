import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSessionState, reduceSession, type SessionAction, type SessionPlan } from '../../../src/core/session';
import type { EventRecord, SessionRecord } from '../../../src/store/store-records';
import { rebuildSessionState, shouldPersist } from '../../../src/store/session-log';
import { CHIN_TO_CHEST, HEAD_TURNS, MASSAGE, PALM_FOREHEAD, rep } from '../core/session/session-fixtures';

const PLAN: SessionPlan = { mode: 'remission', exercises: [HEAD_TURNS, PALM_FOREHEAD, MASSAGE, CHIN_TO_CHEST], restMs: 1000 };

const actionAt = (tMs: number): fc.Arbitrary<SessionAction> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<SessionAction>({ type: 'start', tMs, atIso: '2026-11-24T08:00:00.000Z' }) },
    { weight: 1, arbitrary: fc.constant<SessionAction>({ type: 'calibrated', tMs, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom('left' as const, 'right' as const, 'down' as const), fc.integer({ min: 0, max: 90 }))
        .map(([side, peak]): SessionAction => ({ type: 'rep-completed', tMs, rep: rep(side, peak) })),
    },
    { weight: 1, arbitrary: fc.constant<SessionAction>({ type: 'hold-completed', tMs, side: 'none', heldMs: 3000 }) },
    { weight: 4, arbitrary: fc.constant<SessionAction>({ type: 'tick', tMs }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('pause', 'resume', 'skip', 'next', 'person-lost', 'person-back', 'feedback-warning' as const)
        .map((type): SessionAction => (type === 'feedback-warning' ? { type: 'feedback', tMs, code: 'jerky', severity: 'warning' } : { type, tMs })),
    },
  );

const STARTED: readonly SessionAction[] = [
  { type: 'start', tMs: 0, atIso: '2026-11-24T08:00:00.000Z' },
  { type: 'calibrated', tMs: 10, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
];

/** Mostly started sessions (so rests, timers and pauses are reached), sometimes from setup. */
const sequenceArb = fc
  .tuple(fc.boolean(), fc.array(fc.integer({ min: -100, max: 1500 }), { maxLength: 60 }))
  .chain(([started, steps]) => {
    let t = 10;
    return fc.tuple(...steps.map((dt) => actionAt((t += dt)))).map((tail) => (started ? [...STARTED, ...tail] : tail));
  });

describe('replaying the logged actions (property)', () => {
  it('rebuilds the live session: same results once both are brought to the same time', () => {
    fc.assert(
      fc.property(sequenceArb, (actions) => {
        let live = createSessionState('replay', PLAN);
        const log: EventRecord[] = [];
        for (const action of actions) {
          const next = reduceSession(live, action);
          if (shouldPersist(live, action, next)) log.push({ sessionId: 'replay', seq: log.length, action });
          live = next;
        }
        const record: SessionRecord = {
          id: 'replay',
          status: 'open',
          startedAtIso: '2026-11-24T08:00:00.000Z',
          startedAtTMs: 0,
          plan: PLAN,
          endedAtIso: null,
          endReason: null,
          countedReps: 0,
          summary: null,
        };
        const rebuilt = rebuildSessionState(record, [...log].reverse());
        // Unlogged ticks only split active time; stopping both at the same instant accrues it all.
        const end = Math.max(0, live.lastTMs) + 1;
        const stop: SessionAction = { type: 'stop', tMs: end };
        const a = reduceSession(live, stop);
        const b = reduceSession(rebuilt, stop);
        expect(b.results).toEqual(a.results);
        expect(b.phase).toBe(a.phase);
        expect(b.endReason).toBe(a.endReason);
        expect(b.exerciseIndex).toBe(a.exerciseIndex);
      }),
      { numRuns: 400 },
    );
  });
});
