import type { DBSchema, IDBPDatabase } from 'idb';
import type { EventRecord, PersonalBestRecord, RepRecord, SessionRecord, SettingsRecord } from './store-records';
import { stringEnum } from '../core/string-enum';

export const ATLAS_DB_NAME = 'atlas';
export const STORE_NAMES = stringEnum('sessions', 'events', 'reps', 'personalBests', 'settings');
export const ALL_STORE_NAMES = Object.values(STORE_NAMES);
export const SETTINGS_KEY = 'settings';

/** The current schema (version: ATLAS_DB_VERSION in migrations.ts). */
export interface AtlasDbSchema extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { byStatus: string; byStartedAt: string } };
  events: { key: [string, number]; value: EventRecord };
  reps: { key: [string, number]; value: RepRecord; indexes: { byExercise: string; bySession: string } };
  personalBests: { key: [string, string]; value: PersonalBestRecord };
  settings: { key: string; value: SettingsRecord };
}

export type AtlasDb = IDBPDatabase<AtlasDbSchema>;
