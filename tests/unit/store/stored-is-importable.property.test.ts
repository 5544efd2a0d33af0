import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionState, type SessionAction, type SessionPlan } from '../../../src/core/session';
import { exportJson } from '../../../src/store/export-json';
import { importJson } from '../../../src/store/import-json';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { SessionRecorder } from '../../../src/store/session-recorder';
import { InvalidActionError } from '../../../src/store/store-errors';
import { CHIN_TO_CHEST, HEAD_TURNS, PALM_FOREHEAD, rep } from '../core/session/session-fixtures';
import { useFreshIndexedDb } from './fake-db';
import { snapshot } from './store-fixtures';

const PLAN: SessionPlan = { mode: 'remission', exercises: [HEAD_TURNS, PALM_FOREHEAD, CHIN_TO_CHEST], restMs: 1000 };

const actionAt = (tMs: number): fc.Arbitrary<SessionAction> =>
  fc.oneof(
    fc
      .record({
        side: fc.constantFrom('left' as const, 'right' as const, 'down' as const),
        peakDeg: fc.double({ min: 0, max: 180, noNaN: true }),
        sparc: fc.option(fc.double({ min: -20, max: 0, noNaN: true })),
        complete: fc.boolean(),
      })
      .map(({ side, peakDeg, sparc, complete }): SessionAction => ({ type: 'rep-completed', tMs, rep: rep(side, peakDeg, { sparc, complete }) })),
    fc.constant<SessionAction>({ type: 'hold-completed', tMs, side: 'none', heldMs: 3000 }),
    fc.constant<SessionAction>({ type: 'feedback', tMs, code: 'too-fast', severity: 'warning' }),
    fc.constantFrom('pause', 'resume', 'skip', 'tick', 'next', 'pain-reported' as const).map((type): SessionAction => ({ type, tMs })),
  );

const sessionArb = fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 25 }).chain((steps) => {
  let t = 10;
  return fc.tuple(...steps.map((dt) => actionAt((t += dt))));
});

beforeEach(useFreshIndexedDb);

describe('what Atlas stores can always be imported back (property)', () => {
  it('random sessions export to JSON that imports into an empty database unchanged', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(sessionArb, { minLength: 1, maxLength: 3 }), async (sessions) => {
        run += 1;
        const source = await openAtlasDb({ name: `source-${run}` });
        for (const [index, actions] of sessions.entries()) {
          const recorder = SessionRecorder.forNewSession(source, createSessionState(`s${index}`, PLAN));
          await recorder.dispatch({ type: 'start', tMs: 0, atIso: `2026-11-2${index}T08:00:00.000Z` });
          await recorder.dispatch({ type: 'calibrated', tMs: 10, neutral: { yawDeg: 1.5, pitchDeg: -3, rollDeg: 0 } });
          for (const action of actions) await recorder.dispatch(action);
        }
        const target = await openAtlasDb({ name: `target-${run}` });
        await importJson(target, await exportJson(source, '2026-11-24T10:00:00.000Z'));
        expect(await snapshot(target)).toEqual(await snapshot(source));
        source.close();
        target.close();
      }),
      { numRuns: 40 },
    );
  });

  it('the recorder refuses an action that could not be imported back, and changes nothing', async () => {
    const db = await openAtlasDb();
    const recorder = SessionRecorder.forNewSession(db, createSessionState('s', PLAN));
    await recorder.dispatch({ type: 'start', tMs: 0, atIso: '2026-11-24T08:00:00.000Z' });
    await recorder.dispatch({ type: 'calibrated', tMs: 10, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const before = recorder.state;
    const stored = await snapshot(db);
    await expect(
      recorder.dispatch({ type: 'rep-completed', tMs: 20, rep: rep('left', 40, { durationMs: Number.NaN }) }),
    ).rejects.toBeInstanceOf(InvalidActionError);
    await expect(recorder.dispatch({ type: 'start', tMs: 30, atIso: 'yesterday' })).rejects.toThrow(/atIso/);
    expect(recorder.state).toBe(before);
    expect(await snapshot(db)).toEqual(stored);
    db.close();
  });
});
