import type { EventRecord, PersonalBestRecord, RepRecord, SessionRecord, SettingsRecord } from './store-records';

export const EXPORT_FORMAT = 'atlas-export';
/** Version of the JSON export format (independent of the database schema version). */
export const EXPORT_FORMAT_VERSION = 1;

/** The JSON export: every stored record, as stored. Import accepts exactly this shape. */
export interface AtlasExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_FORMAT_VERSION;
  readonly exportedAtIso: string;
  readonly settings: SettingsRecord | null;
  readonly sessions: readonly SessionRecord[];
  readonly events: readonly EventRecord[];
  readonly reps: readonly RepRecord[];
  readonly personalBests: readonly PersonalBestRecord[];
}

/** Size limits for an import: generous for years of daily use, small enough to stay responsive. */
export const IMPORT_LIMITS = {
  /** Characters of JSON text (about 50 MB). */
  maxChars: 50 * 1024 * 1024,
  maxSessions: 20_000,
  maxEvents: 1_000_000,
  maxReps: 500_000,
  maxPersonalBests: 2_000,
  maxExercisesPerPlan: 64,
  maxWarningCodes: 64,
} as const;
