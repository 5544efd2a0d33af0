import { SETTINGS_KEY, STORE_NAMES, type AtlasDb } from './atlas-db-schema';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type AtlasExport } from './atlas-export';
import { toStoreError } from './store-errors';

/** Every stored record, read in one transaction (a consistent snapshot). */
export async function collectExport(db: AtlasDb, exportedAtIso: string): Promise<AtlasExport> {
  try {
    const tx = db.transaction(Object.values(STORE_NAMES), 'readonly');
    const [settings, sessions, events, reps, personalBests] = await Promise.all([
      tx.objectStore(STORE_NAMES.settings).get(SETTINGS_KEY),
      tx.objectStore(STORE_NAMES.sessions).getAll(),
      tx.objectStore(STORE_NAMES.events).getAll(),
      tx.objectStore(STORE_NAMES.reps).getAll(),
      tx.objectStore(STORE_NAMES.personalBests).getAll(),
    ]);
    await tx.done;
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAtIso,
      settings: settings ?? null,
      sessions,
      events,
      reps,
      personalBests,
    };
  } catch (error) {
    throw toStoreError(error);
  }
}

/** The JSON export as text (what importJson reads back). */
export async function exportJson(db: AtlasDb, exportedAtIso: string): Promise<string> {
  return JSON.stringify(await collectExport(db, exportedAtIso));
}
