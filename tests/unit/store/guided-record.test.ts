import { beforeEach, describe, expect, it } from 'vitest';
import { getExercise } from '../../../src/core/protocol/protocol';
import { createSessionState, toSessionExercise, type SessionAction, type SessionPlan } from '../../../src/core/session';
import { sessionsToCsv } from '../../../src/store/export-csv';
import { sessionRecordValidator } from '../../../src/store/export-validators';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { SessionRecorder } from '../../../src/store/session-recorder';
import { listReps, listSessions } from '../../../src/store/store-queries';
import { resumeOpenSession } from '../../../src/store/session-log';
import { useFreshIndexedDb } from './fake-db';

/** Face down planned guided (as plans made before it was measured, or a person without a floor camera). */
const PLAN: SessionPlan = {
  mode: 'remission',
  exercises: [{ ...toSessionExercise(getExercise('prone-ear-to-floor'), 1), tracking: 'guided' }, toSessionExercise(getExercise('seated-chin-press'), 1)],
  restMs: 5000,
};
const START_ISO = '2026-11-24T08:00:00.000Z';

beforeEach(useFreshIndexedDb);

describe('a guided exercise in the stored session', () => {
  it('keeps confirmed counts apart from measured ones: summary marked guided, no rep record, no best', async () => {
    const db = await openAtlasDb();
    const recorder = SessionRecorder.forNewSession(db, createSessionState('g1', PLAN));
    const actions: SessionAction[] = [
      { type: 'start', tMs: 0, atIso: START_ISO },
      { type: 'next', tMs: 500 },
      { type: 'rep-confirmed', tMs: 1000, side: 'left' },
      { type: 'rep-confirmed', tMs: 2000, side: 'right' },
      { type: 'stop', tMs: 3000 },
    ];
    for (const action of actions) await recorder.dispatch(action);
    const [session] = await listSessions(db);
    expect(session?.countedReps).toBe(2);
    expect(session?.plan.exercises[0]).toMatchObject({ position: 'prone', tracking: 'guided' });
    const prone = session?.summary?.find((entry) => entry.exerciseId === 'prone-ear-to-floor');
    expect(prone?.tracking).toBe('guided');
    expect(prone?.sides.map((side) => side.confirmed)).toEqual([1, 1]);
    expect(await listReps(db)).toEqual([]);
    const csv = sessionsToCsv(await listSessions(db)).trim().split('\r\n');
    expect(csv[0]?.split(',').at(-1)).toBe('confirmed_reps');
    expect(csv[1]?.split(',').at(-1)).toBe('2');
    // What is stored can be exported and imported back.
    expect(() => sessionRecordValidator(session, 'session')).not.toThrow();
    db.close();
  });

  it('rebuilds an open guided session from its log after a reload', async () => {
    const db = await openAtlasDb();
    const recorder = SessionRecorder.forNewSession(db, createSessionState('g2', PLAN));
    for (const action of [
      { type: 'start', tMs: 0, atIso: START_ISO },
      { type: 'next', tMs: 500 },
      { type: 'rep-confirmed', tMs: 1000, side: 'left' },
    ] satisfies SessionAction[]) {
      await recorder.dispatch(action);
    }
    const open = await resumeOpenSession(db);
    expect(open?.state.results[0]?.sides.left).toMatchObject({ reps: 1, confirmed: 1 });
    db.close();
  });

  it('still reads records stored before: no tracking, no confirmed count', () => {
    const old = {
      id: 'old',
      status: 'finished',
      startedAtIso: START_ISO,
      startedAtTMs: 0,
      plan: { mode: 'remission', exercises: [{ id: 'head-turns', group: 'simple-a', directions: ['left', 'right'], perSide: true, repsTarget: 7, holdMs: null, durationMs: null }], restMs: 20000 },
      endedAtIso: START_ISO,
      endReason: 'completed',
      countedReps: 1,
      summary: [
        {
          exerciseId: 'head-turns',
          status: 'done',
          pain: false,
          activeMs: 1000,
          sides: [{ side: 'left', reps: 1, incomplete: 0, holdsCompleted: 0, holdsBroken: 0, bestPeakDeg: 50, meanSparc: null, meanLdj: null }],
          warnings: {},
        },
      ],
    };
    const read = sessionRecordValidator(old, 'session');
    expect(read.summary?.[0]?.tracking).toBeUndefined();
    expect(read.summary?.[0]?.sides[0]?.confirmed).toBeUndefined();
  });
});
