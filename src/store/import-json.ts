import { SETTINGS_KEY, STORE_NAMES, type AtlasDb } from './atlas-db-schema';
import { parseAtlasExport } from './parse-atlas-export';
import { WriteBatch, writeTransaction } from './write-transaction';

export interface ImportReport {
  readonly sessions: number;
  readonly events: number;
  readonly reps: number;
  readonly personalBests: number;
  readonly settings: boolean;
}

/**
 * Imports an export (merging: records with the same key are replaced; a personal best is kept
 * if the stored one is higher). Everything is validated before the first write, and all writes
 * share one transaction: on any error (ImportValidationError, StorageQuotaError, StoreError)
 * nothing at all is written.
 */
export async function importJson(db: AtlasDb, text: unknown): Promise<ImportReport> {
  const data = parseAtlasExport(text);
  const stores = Object.values(STORE_NAMES);
  await writeTransaction(db, stores, async (tx) => {
    const writes = new WriteBatch();
    const sessions = tx.objectStore(STORE_NAMES.sessions);
    const events = tx.objectStore(STORE_NAMES.events);
    const reps = tx.objectStore(STORE_NAMES.reps);
    const bests = tx.objectStore(STORE_NAMES.personalBests);
    for (const session of data.sessions) writes.add(sessions.put(session));
    for (const event of data.events) writes.add(events.put(event));
    for (const rep of data.reps) writes.add(reps.put(rep));
    if (data.settings !== null) writes.add(tx.objectStore(STORE_NAMES.settings).put(data.settings, SETTINGS_KEY));
    for (const best of data.personalBests) {
      writes.add(
        bests.get([best.exerciseId, best.side]).then((stored) =>
          stored === undefined || best.peakDeg > stored.peakDeg ? bests.put(best) : undefined,
        ),
      );
    }
    await writes.settle();
  });
  return {
    sessions: data.sessions.length,
    events: data.events.length,
    reps: data.reps.length,
    personalBests: data.personalBests.length,
    settings: data.settings !== null,
  };
}
