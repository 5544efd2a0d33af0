import { createSessionState, type SessionAction, type SessionPlan } from '../../../src/core/session';
import type { AtlasDb } from '../../../src/store/atlas-db-schema';
import { collectExport } from '../../../src/store/export-json';
import { SessionRecorder } from '../../../src/store/session-recorder';
import { CHIN_TO_CHEST, HEAD_TURNS, rep } from '../core/session/session-fixtures';

export const STORE_PLAN: SessionPlan = { mode: 'remission', exercises: [HEAD_TURNS, CHIN_TO_CHEST], restMs: 5000 };

/** A finished session with five reps and a warning, then an open one with one rep. */
export async function seedTwoSessions(db: AtlasDb): Promise<void> {
  const first = SessionRecorder.forNewSession(db, createSessionState('first', STORE_PLAN));
  const firstActions: SessionAction[] = [
    { type: 'start', tMs: 0, atIso: '2026-11-23T08:00:00.000Z' },
    { type: 'calibrated', tMs: 1000, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
    { type: 'rep-completed', tMs: 2000, rep: rep('left', 40) },
    { type: 'rep-completed', tMs: 3000, rep: rep('left', 42, { sparc: null }) },
    { type: 'feedback', tMs: 3100, code: 'too-fast', severity: 'warning' },
    { type: 'rep-completed', tMs: 4000, rep: rep('right', 38) },
    { type: 'rep-completed', tMs: 5000, rep: rep('right', 36) },
    { type: 'next', tMs: 6000 },
    { type: 'rep-completed', tMs: 7000, rep: rep('down', 25) },
    { type: 'stop', tMs: 8000 },
  ];
  for (const action of firstActions) await first.dispatch(action);
  const second = SessionRecorder.forNewSession(db, createSessionState('second', STORE_PLAN));
  const secondActions: SessionAction[] = [
    { type: 'start', tMs: 0, atIso: '2026-11-24T08:00:00.000Z' },
    { type: 'calibrated', tMs: 1000, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
    { type: 'rep-completed', tMs: 2000, rep: rep('left', 50) },
  ];
  for (const action of secondActions) await second.dispatch(action);
}

/** Everything in the database, for before/after comparisons. */
export async function snapshot(db: AtlasDb): Promise<unknown> {
  const { exportedAtIso: _ignored, ...rest } = await collectExport(db, '2000-01-01T00:00:00.000Z');
  return rest;
}
