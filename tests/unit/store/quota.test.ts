import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionState } from '../../../src/core/session';
import { exportJson } from '../../../src/store/export-json';
import { importJson } from '../../../src/store/import-json';
import { openAtlasDb } from '../../../src/store/open-atlas-db';
import { resumeOpenSession } from '../../../src/store/session-log';
import { SessionRecorder } from '../../../src/store/session-recorder';
import { StorageQuotaError, StoreError, StoreVersionError, toStoreError } from '../../../src/store/store-errors';
import { listReps } from '../../../src/store/store-queries';
import { rep } from '../core/session/session-fixtures';
import { useFreshIndexedDb } from './fake-db';
import { seedTwoSessions, snapshot, STORE_PLAN } from './store-fixtures';

beforeEach(useFreshIndexedDb);
afterEach(() => {
  vi.restoreAllMocks();
});

const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes `put` on the named store throw like a full disk does (after the transaction's other puts). */
function fillDiskFor(storeName: string): void {
  const originalPut = FakeObjectStore.prototype.put;
  vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === storeName) throw quotaError();
    return originalPut.apply(this, args);
  });
}

describe('quota errors', () => {
  it('a rep that does not fit surfaces as StorageQuotaError, and nothing stored before is lost', async () => {
    const db = await openAtlasDb();
    const recorder = SessionRecorder.forNewSession(db, createSessionState('s1', STORE_PLAN));
    await recorder.dispatch({ type: 'start', tMs: 0, atIso: '2026-11-24T08:00:00.000Z' });
    await recorder.dispatch({ type: 'calibrated', tMs: 1000, neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    await recorder.dispatch({ type: 'rep-completed', tMs: 2000, rep: rep('left', 40) });
    const before = await snapshot(db);

    fillDiskFor('reps');
    await expect(recorder.dispatch({ type: 'rep-completed', tMs: 3000, rep: rep('left', 45) })).rejects.toBeInstanceOf(
      StorageQuotaError,
    );
    // The event put issued before the failing rep put was rolled back with it.
    expect(await snapshot(db)).toEqual(before);
    // The live session went on in memory; the UI shows the error, the user keeps exercising.
    expect(recorder.state.results[0]?.sides.left?.reps).toBe(2);

    vi.restoreAllMocks();
    await recorder.dispatch({ type: 'rep-completed', tMs: 4000, rep: rep('right', 41) });
    expect((await listReps(db)).map((r) => r.peakDeg)).toEqual([40, 41]);
    expect((await resumeOpenSession(db))?.state.results[0]?.sides.left?.reps).toBe(1);
    db.close();
  });

  it('an import that does not fit writes nothing', async () => {
    const source = await openAtlasDb({ name: 'source' });
    await seedTwoSessions(source);
    const text = await exportJson(source, '2026-11-24T10:00:00.000Z');
    const target = await openAtlasDb({ name: 'target' });
    const before = await snapshot(target);
    fillDiskFor('reps');
    await expect(importJson(target, text)).rejects.toBeInstanceOf(StorageQuotaError);
    vi.restoreAllMocks();
    expect(await snapshot(target)).toEqual(before);
    source.close();
    target.close();
  });

  it('maps browser errors to typed ones', () => {
    expect(toStoreError(quotaError())).toBeInstanceOf(StorageQuotaError);
    expect(toStoreError({ name: 'AbortError', cause: quotaError() })).toBeInstanceOf(StorageQuotaError);
    expect(toStoreError(new DOMException('newer', 'VersionError'))).toBeInstanceOf(StoreVersionError);
    const other = toStoreError(new DOMException('gone', 'InvalidStateError'));
    expect(other).toBeInstanceOf(StoreError);
    expect(other.message).toContain('gone');
  });
});
