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

/** A CSV column: its header, and the cell a record gives. */
type Column<R> = readonly [header: string, cell: (record: R) => Cell];

function recordsToCsv<R>(columns: readonly Column<R>[], records: readonly R[]): string {
  return toCsv(
    columns.map(([header]) => header),
    records.map((record) => columns.map(([, cell]) => cell(record))),
  );
}

const REP_COLUMNS: readonly Column<RepRecord>[] = [
  ['session_id', (rep) => rep.sessionId],
  ['seq', (rep) => rep.seq],
  ['at_iso', (rep) => rep.atIso],
  ['t_ms', (rep) => rep.tMs],
  ['mode', (rep) => rep.mode],
  ['exercise_id', (rep) => rep.exerciseId],
  ['side', (rep) => rep.side],
  ['peak_deg', (rep) => rep.peakDeg],
  ['duration_ms', (rep) => rep.durationMs],
  ['peak_vel_deg_s', (rep) => rep.peakVelDegS],
  ['sparc', (rep) => rep.sparc],
  ['ldj', (rep) => rep.ldj],
  ['velocity_peaks', (rep) => rep.velocityPeaks],
  ['complete', (rep) => rep.complete],
];
export const REP_CSV_COLUMNS: readonly string[] = REP_COLUMNS.map(([header]) => header);

const SESSION_COLUMNS: readonly Column<SessionRecord>[] = [
  ['session_id', (session) => session.id],
  ['status', (session) => session.status],
  ['started_at_iso', (session) => session.startedAtIso],
  ['ended_at_iso', (session) => session.endedAtIso],
  ['end_reason', (session) => session.endReason],
  ['mode', (session) => session.plan.mode],
  ['counted_reps', (session) => session.countedReps],
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
