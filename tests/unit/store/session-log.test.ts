import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionState, romProgressByDay, type SessionAction, type SessionPlan } from '../../../src/core/session';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { SessionRecorder } from '../../../src/store/session-recorder';
import { listPersonalBests, listReps, listSessions, toPeakSamples } from '../../../src/store/store-queries';
import { loadSessionEvents, resumeOpenSession } from '../../../src/store/session-log';
import { CHIN_TO_CHEST, HEAD_TURNS, rep } from '../core/session/session-fixtures';
import { useFreshIndexedDb } from './fake-db';

const PLAN: SessionPlan = { mode: 'remission', exercises: [HEAD_TURNS, CHIN_TO_CHEST], restMs: 5000 };
const START_ISO = '2026-11-24T08:00:00.000Z';

beforeEach(useFreshIndexedDb);

/** A new session 's1' recorded into a fresh database, `actions` dispatched one by one. */
async function recordSession(actions: readonly SessionAction[]): Promise<{ db: Awaited<ReturnType<typeof openAtlasDb>>; recorder: SessionRecorder }> {
  const db = await openAtlasDb();
  const recorder = SessionRecorder.forNewSession(db, createSessionState('s1', PLAN));
  for (const action of actions) await recorder.dispatch(action);
  return { db, recorder };
}

const start = (tMs: number): SessionAction => ({ type: 'start', tMs, atIso: START_ISO });
const calibrated = (tMs: number, yawDeg = 0): SessionAction => ({ type: 'calibrated', tMs, neutral: { yawDeg, pitchDeg: 0, rollDeg: 0 } });
const repCompleted = (tMs: number, side: 'left' | 'right', peakDeg: number): SessionAction => ({ type: 'rep-completed', tMs, rep: rep(side, peakDeg) });

describe('session log', () => {
  it('commits every completed rep as it completes, with its date and personal best', async () => {
    const { db, recorder } = await recordSession([
      start(100),
      calibrated(1100),
      repCompleted(3100, 'left', 40),
    ]);
    // Read through a second connection: the rep is committed, not buffered.
    const other = await openAtlasDb();
    const reps = await listReps(other);
    expect(reps).toHaveLength(1);
    expect(reps[0]).toMatchObject({
      sessionId: 's1',
      exerciseId: 'head-turns',
      side: 'left',
      peakDeg: 40,
      atIso: '2026-11-24T08:00:03.000Z',
      mode: 'remission',
    });
    await recorder.dispatch(repCompleted(4100, 'left', 35));
    await recorder.dispatch(repCompleted(5100, 'left', 47));
    const bests = await listPersonalBests(other);
    expect(bests).toEqual([{ exerciseId: 'head-turns', side: 'left', peakDeg: 47, atIso: '2026-11-24T08:00:05.000Z', sessionId: 's1' }]);
    const [session] = await listSessions(other);
    expect(session).toMatchObject({ id: 's1', status: 'open', countedReps: 3, summary: null });
    expect(romProgressByDay(toPeakSamples(await listReps(other, 'head-turns')), 0)[0]?.days[0]?.n).toBe(3);
    db.close();
    other.close();
  });

  it('does not log ignored actions nor ticks that only accrue time', async () => {
    const { db } = await recordSession([
      start(0),
      repCompleted(10, 'left', 40), // calibration phase: ignored
      calibrated(1000),
      { type: 'tick', tMs: 1500 },
      { type: 'pause', tMs: 2000 },
      repCompleted(2500, 'left', 40), // paused: ignored
    ]);
    const events = await loadSessionEvents(db, 's1');
    expect(events.map((event) => event.action.type)).toEqual(['start', 'calibrated', 'pause']);
    expect(events.map((event) => event.seq)).toEqual([0, 1, 2]);
    expect(await listReps(db)).toEqual([]);
    db.close();
  });

  it('after a simulated crash, resumes the open session with the same state, paused, on the old clock', async () => {
    const { db, recorder } = await recordSession([
      start(0),
      calibrated(1000, 2),
      repCompleted(2000, 'left', 40),
      repCompleted(3000, 'left', 44),
      repCompleted(4000, 'right', 39),
      { type: 'feedback', tMs: 4100, code: 'too-fast', severity: 'warning' },
      { type: 'tick', tMs: 4500 },
    ]);
    const before = recorder.state;
    db.close(); // the page dies here; the recorder object is gone

    const reopened = await openAtlasDb();
    const open = await resumeOpenSession(reopened);
    expect(open?.state.results).toEqual(
      // Replay accrues active time up to the last logged action (4100), not the unlogged tick.
      before.results.map((result, index) => (index === 0 ? { ...result, activeMs: 4100 - 1000 } : result)),
    );
    expect(open?.state.neutral).toEqual(before.neutral);
    expect(open?.nextSeq).toBe(6);

    const NEW_PAGE_T_MS = 50; // the new page's clock restarts near zero
    const resumed = await SessionRecorder.resume(reopened, NEW_PAGE_T_MS);
    expect(resumed?.state.phase).toBe('exercise');
    expect(resumed?.state.userPaused).toBe(true);
    expect(resumed?.toSessionTMs(NEW_PAGE_T_MS)).toBe(4100);
    await resumed?.dispatch({ type: 'resume', tMs: 100 });
    const finalState = await resumed?.dispatch(repCompleted(200, 'right', 41));
    expect(finalState?.phase).toBe('rest');
    expect(finalState?.results[0]?.activeMs).toBe(4100 - 1000 + 100);

    const again = await resumeOpenSession(reopened);
    expect(again?.state.results).toEqual(finalState?.results);
    expect((await listReps(reopened)).map((r) => r.peakDeg)).toEqual([40, 44, 39, 41]);
    reopened.close();
  });

  it('writes the summary when the session finishes, and then has nothing to resume', async () => {
    const { db } = await recordSession([
      start(0),
      calibrated(1000),
      repCompleted(2000, 'left', 40),
      { type: 'pain-reported', tMs: 2500 },
    ]);
    const [session] = await listSessions(db);
    expect(session).toMatchObject({
      status: 'finished',
      endReason: 'pain',
      endedAtIso: '2026-11-24T08:00:02.500Z',
      countedReps: 1,
    });
    expect(session?.summary?.[0]).toMatchObject({ exerciseId: 'head-turns', status: 'pain', pain: true });
    expect(await resumeOpenSession(db)).toBeNull();
    db.close();
  });
});
