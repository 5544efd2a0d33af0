import { beforeEach, describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { ALL_STORE_NAMES } from '../../../src/store/atlas-db-schema';
import { ATLAS_DB_VERSION, ATLAS_MIGRATIONS, pendingMigrations, type Migration } from '../../../src/store/migrations';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { resumeOpenSession } from '../../../src/store/session-log';
import { StoreVersionError } from '../../../src/store/store-errors';
import { listReps } from '../../../src/store/store-queries';
import { CHIN_TO_CHEST } from '../core/session/session-fixtures';
import { useFreshIndexedDb } from './fake-db';

beforeEach(useFreshIndexedDb);

const DB_NAME = 'atlas-migration-test';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * A database as Atlas v1 leaves it, built with the raw IndexedDB API (not with the code under
 * test): the v1 layout written down in docs/data.md, one open session with one rep.
 */
async function createV1Fixture(): Promise<void> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('byStatus', 'status');
    sessions.createIndex('byStartedAt', 'startedAtIso');
    db.createObjectStore('events', { keyPath: ['sessionId', 'seq'] });
    const reps = db.createObjectStore('reps', { keyPath: ['sessionId', 'seq'] });
    reps.createIndex('byExercise', 'exerciseId');
    reps.createIndex('bySession', 'sessionId');
    db.createObjectStore('personalBests', { keyPath: ['exerciseId', 'side'] });
    db.createObjectStore('settings');
  };
  const db = await request(open);
  const tx = db.transaction(['sessions', 'events', 'reps'], 'readwrite');
  tx.objectStore('sessions').put({
    id: 'v1-session',
    status: 'open',
    startedAtIso: '2026-11-20T08:00:00.000Z',
    startedAtTMs: 0,
    plan: { mode: 'remission', exercises: [CHIN_TO_CHEST], restMs: 5000 },
    endedAtIso: null,
    endReason: null,
    countedReps: 1,
    summary: null,
  });
  const actions = [
    { type: 'start', tMs: 0, atIso: '2026-11-20T08:00:00.000Z' },
    { type: 'calibrated', tMs: 1000, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
    {
      type: 'rep-completed',
      tMs: 2000,
      rep: { side: 'down', peakDeg: 31, durationMs: 2000, peakVelDegS: 40, sparc: -1.7, ldj: -6, velocityPeaks: 1, complete: true },
    },
  ];
  actions.forEach((action, seq) => tx.objectStore('events').put({ sessionId: 'v1-session', seq, action }));
  tx.objectStore('reps').put({
    sessionId: 'v1-session',
    seq: 2,
    exerciseId: 'chin-to-chest',
    mode: 'remission',
    atIso: '2026-11-20T08:00:02.000Z',
    tMs: 2000,
    side: 'down',
    peakDeg: 31,
    durationMs: 2000,
    peakVelDegS: 40,
    sparc: -1.7,
    ldj: -6,
    velocityPeaks: 1,
    complete: true,
  });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** A hypothetical next version: reps get a `day` field (backfilled) and an index on it. */
const V2_ADD_REP_DAY: Migration = {
  toVersion: 2,
  description: 'test only: rep day index',
  async migrate(_db, tx) {
    const reps = tx.objectStore('reps');
    reps.createIndex('byDay', 'day');
    let cursor = await reps.openCursor();
    while (cursor !== null) {
      const value = cursor.value as { atIso: string };
      await cursor.update({ ...value, day: value.atIso.slice(0, 10) });
      cursor = await cursor.continue();
    }
  },
};

const V2_FAILING: Migration = {
  toVersion: 2,
  description: 'test only: fails half-way',
  async migrate(_db, tx) {
    await tx.objectStore('reps').clear();
    throw new Error('disk on fire');
  },
};

describe('schema migrations', () => {
  it('creates the current schema from nothing (v0 → current)', async () => {
    const db = await openAtlasDb({ name: DB_NAME });
    expect(db.version).toBe(ATLAS_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...ALL_STORE_NAMES].sort());
    const tx = db.transaction(['sessions', 'reps'], 'readonly');
    expect([...tx.objectStore('sessions').indexNames].sort()).toEqual(['byStartedAt', 'byStatus']);
    expect([...tx.objectStore('reps').indexNames].sort()).toEqual(['byExercise', 'bySession']);
    db.close();
  });

  it('opens a v1 fixture database with the current code and rebuilds its open session', async () => {
    await createV1Fixture();
    const db = await openAtlasDb({ name: DB_NAME });
    expect(db.version).toBe(ATLAS_DB_VERSION);
    const open = await resumeOpenSession(db);
    expect(open?.record.id).toBe('v1-session');
    expect(open?.state.phase).toBe('exercise');
    expect(open?.state.results[0]?.sides.down?.reps).toBe(1);
    expect(open?.nextSeq).toBe(3);
    expect((await listReps(db, 'chin-to-chest')).map((r) => r.peakDeg)).toEqual([31]);
    db.close();
  });

  it('migrates a v1 fixture to a next version, transforming the stored records', async () => {
    await createV1Fixture();
    const db = await openAtlasDb({ name: DB_NAME, migrations: [...ATLAS_MIGRATIONS, V2_ADD_REP_DAY] });
    expect(db.version).toBe(2);
    const untyped = db as unknown as IDBPDatabase;
    const byDay: unknown[] = await untyped.getAllFromIndex('reps', 'byDay', '2026-11-20');
    expect(byDay).toHaveLength(1);
    expect(byDay[0]).toMatchObject({ peakDeg: 31, day: '2026-11-20' });
    expect((await resumeOpenSession(db))?.record.id).toBe('v1-session');
    db.close();
    // Going back to the older code is refused rather than silently misread.
    await expect(openAtlasDb({ name: DB_NAME })).rejects.toBeInstanceOf(StoreVersionError);
  });

  it('a failing migration leaves the database at its old version with its data', async () => {
    await createV1Fixture();
    await expect(openAtlasDb({ name: DB_NAME, migrations: [...ATLAS_MIGRATIONS, V2_FAILING] })).rejects.toBeInstanceOf(
      StoreVersionError,
    );
    const db = await openAtlasDb({ name: DB_NAME });
    expect(db.version).toBe(1);
    expect(await listReps(db)).toHaveLength(1);
    db.close();
  });

  it('runs only the steps between the old and the new version, in order', () => {
    const steps = [V2_ADD_REP_DAY, ...ATLAS_MIGRATIONS, { ...V2_ADD_REP_DAY, toVersion: 3 }];
    expect(pendingMigrations(steps, 0, 3).map((step) => step.toVersion)).toEqual([1, 2, 3]);
    expect(pendingMigrations(steps, 1, 2).map((step) => step.toVersion)).toEqual([2]);
    expect(pendingMigrations(steps, 2, 2)).toEqual([]);
  });
});
