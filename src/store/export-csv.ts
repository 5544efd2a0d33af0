import { listReps, listSessions } from './store-queries';
import type { AtlasDb } from './atlas-db-schema';
import type { RepRecord, SessionRecord } from './store-records';

type Cell = string | number | boolean | null;

/** Spreadsheet apps run cells that start like a formula: text cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The fields of R that hold a cell as they are. */
type CellField<R> = { [K in keyof R]: R[K] extends Cell ? K : never }[keyof R];

/** A CSV column: its header, and the record's field it shows or how its cell is made. */
type Column<R> = readonly [header: string, cell: CellField<R> | ((record: R) => Cell)];

function recordsToCsv<R>(columns: readonly Column<R>[], records: readonly R[]): string {
  return toCsv(
    columns.map(([header]) => header),
    records.map((record) => columns.map(([, cell]) => (typeof cell === 'function' ? cell(record) : (record[cell] as Cell)))),
  );
}

const REP_COLUMNS: readonly Column<RepRecord>[] = [
  ['session_id', 'sessionId'],
  ['seq', 'seq'],
  ['at_iso', 'atIso'],
  ['t_ms', 'tMs'],
  ['mode', 'mode'],
  ['exercise_id', 'exerciseId'],
  ['side', 'side'],
  ['peak_deg', 'peakDeg'],
  ['duration_ms', 'durationMs'],
  ['peak_vel_deg_s', 'peakVelDegS'],
  ['sparc', 'sparc'],
  ['ldj', 'ldj'],
  ['velocity_peaks', 'velocityPeaks'],
  ['complete', 'complete'],
];
export const REP_CSV_COLUMNS: readonly string[] = REP_COLUMNS.map(([header]) => header);

const SESSION_COLUMNS: readonly Column<SessionRecord>[] = [
  ['session_id', 'id'],
  ['status', 'status'],
  ['started_at_iso', 'startedAtIso'],
  ['ended_at_iso', 'endedAtIso'],
  ['end_reason', 'endReason'],
  ['mode', (session) => session.plan.mode],
  ['counted_reps', 'countedReps'],
  ['exercise_ids', (session) => session.plan.exercises.map((exercise) => exercise.id).join(';')],
  ['pain_exercise_ids', (session) => (session.summary ?? []).filter((result) => result.pain).map((result) => result.exerciseId).join(';')],
  /** Of counted_reps, those the person confirmed in guided exercises (not measured). */
  [
    'confirmed_reps',
    (session) => (session.summary ?? []).reduce((sum, result) => sum + result.sides.reduce((total, side) => total + (side.confirmed ?? 0), 0), 0),
  ],
];

export function repsToCsv(reps: readonly RepRecord[]): string {
  return recordsToCsv(REP_COLUMNS, reps);
}

export function sessionsToCsv(sessions: readonly SessionRecord[]): string {
  return recordsToCsv(SESSION_COLUMNS, sessions);
}

/** Two CSV files: one row per completed rep, one row per session. */
export async function exportCsv(db: AtlasDb): Promise<{ readonly reps: string; readonly sessions: string }> {
  const [reps, sessions] = await Promise.all([listReps(db), listSessions(db)]);
  return { reps: repsToCsv(reps), sessions: sessionsToCsv(sessions) };
}
