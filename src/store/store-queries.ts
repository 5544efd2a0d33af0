import type { PeakSample } from '../core/session';
import { SETTINGS_KEY, STORE_NAMES, type AtlasDb } from './atlas-db-schema';
import { toStoreError } from './store-errors';
import { DEFAULT_SETTINGS, type PersonalBestRecord, type RepRecord, type SessionRecord, type SettingsRecord } from './store-records';
import { writeTransaction } from './write-transaction';

async function read<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}

/** All sessions, oldest first. */
export function listSessions(db: AtlasDb): Promise<SessionRecord[]> {
  return read(() => db.getAllFromIndex(STORE_NAMES.sessions, 'byStartedAt'));
}

/** Completed reps, of one exercise or all, in key order (session, then seq). */
export function listReps(db: AtlasDb, exerciseId?: string): Promise<RepRecord[]> {
  return read(() =>
    exerciseId === undefined
      ? db.getAll(STORE_NAMES.reps)
      : db.getAllFromIndex(STORE_NAMES.reps, 'byExercise', exerciseId),
  );
}

/** Reps as the core's progress functions take them (romProgressByDay, compareWithLastSession). */
export function toPeakSamples(reps: readonly RepRecord[]): PeakSample[] {
  return reps.map(({ sessionId, exerciseId, side, peakDeg, atIso }) => ({ sessionId, exerciseId, side, peakDeg, atIso }));
}

export function listPersonalBests(db: AtlasDb): Promise<PersonalBestRecord[]> {
  return read(() => db.getAll(STORE_NAMES.personalBests));
}

export async function getSettings(db: AtlasDb): Promise<SettingsRecord> {
  return (await read(() => db.get(STORE_NAMES.settings, SETTINGS_KEY))) ?? DEFAULT_SETTINGS;
}

export async function saveSettings(db: AtlasDb, changes: Partial<SettingsRecord>): Promise<SettingsRecord> {
  return writeTransaction(db, [STORE_NAMES.settings], async (tx) => {
    const store = tx.objectStore(STORE_NAMES.settings);
    const current = (await store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
    let next: SettingsRecord = {
      language: changes.language ?? current.language,
      voiceOn: changes.voiceOn ?? current.voiceOn,
      mode: changes.mode ?? current.mode,
    };
    const chosenSet = changes.chosenSet ?? current.chosenSet;
    const targetsResetAtIso = changes.targetsResetAtIso ?? current.targetsResetAtIso;
    if (chosenSet !== undefined) next = { ...next, chosenSet };
    if (targetsResetAtIso !== undefined) next = { ...next, targetsResetAtIso };
    await store.put(next, SETTINGS_KEY);
    return next;
  });
}

/** Deletes every stored record (the database itself stays, at its current version). */
export async function deleteAllData(db: AtlasDb): Promise<void> {
  const stores = Object.values(STORE_NAMES);
  await writeTransaction(db, stores, async (tx) => {
    await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
  });
}
