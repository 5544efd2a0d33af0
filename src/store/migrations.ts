import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { STORE_NAMES } from './atlas-db-schema';

/**
 * One step of the schema's history. A migration sees the database as the previous version left
 * it (so it is untyped) and may transform records through the upgrade transaction. Never edit a
 * released step: add a new one with the next version.
 */
export interface Migration {
  readonly toVersion: number;
  readonly description: string;
  migrate(db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void | Promise<void>;
}

const createInitialStores: Migration = {
  toVersion: 1,
  description: 'sessions, events, reps, personal bests and settings',
  migrate(db) {
    const sessions = db.createObjectStore(STORE_NAMES.sessions, { keyPath: 'id' });
    sessions.createIndex('byStatus', 'status');
    sessions.createIndex('byStartedAt', 'startedAtIso');
    db.createObjectStore(STORE_NAMES.events, { keyPath: ['sessionId', 'seq'] });
    const reps = db.createObjectStore(STORE_NAMES.reps, { keyPath: ['sessionId', 'seq'] });
    reps.createIndex('byExercise', 'exerciseId');
    reps.createIndex('bySession', 'sessionId');
    db.createObjectStore(STORE_NAMES.personalBests, { keyPath: ['exerciseId', 'side'] });
    db.createObjectStore(STORE_NAMES.settings);
  },
};

export const ATLAS_MIGRATIONS: readonly Migration[] = [createInitialStores];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((version, migration) => Math.max(version, migration.toVersion), 0);
}

export const ATLAS_DB_VERSION = latestVersion(ATLAS_MIGRATIONS);

/** The steps to run to go from `oldVersion` to `newVersion`, in order. */
export function pendingMigrations(
  migrations: readonly Migration[],
  oldVersion: number,
  newVersion: number,
): readonly Migration[] {
  return migrations
    .filter((migration) => migration.toVersion > oldVersion && migration.toVersion <= newVersion)
    .sort((a, b) => a.toVersion - b.toVersion);
}
