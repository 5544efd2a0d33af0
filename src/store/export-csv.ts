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

export const REP_CSV_COLUMNS = [
  'session_id',
  'seq',
  'at_iso',
  't_ms',
  'mode',
  'exercise_id',
  'side',
  'peak_deg',
  'duration_ms',
  'peak_vel_deg_s',
  'sparc',
  'ldj',
  'velocity_peaks',
  'complete',
] as const;

export function repsToCsv(reps: readonly RepRecord[]): string {
  return toCsv(
    REP_CSV_COLUMNS,
    reps.map((rep) => [
      rep.sessionId,
      rep.seq,
      rep.atIso,
      rep.tMs,
      rep.mode,
      rep.exerciseId,
      rep.side,
      rep.peakDeg,
      rep.durationMs,
      rep.peakVelDegS,
      rep.sparc,
      rep.ldj,
      rep.velocityPeaks,
      rep.complete,
    ]),
  );
}

export const SESSION_CSV_COLUMNS = [
  'session_id',
  'status',
  'started_at_iso',
  'ended_at_iso',
  'end_reason',
  'mode',
  'counted_reps',
  'exercise_ids',
  'pain_exercise_ids',
  /** Of counted_reps, those the person confirmed in guided exercises (not measured). */
  'confirmed_reps',
] as const;

export function sessionsToCsv(sessions: readonly SessionRecord[]): string {
  return toCsv(
    SESSION_CSV_COLUMNS,
    sessions.map((session) => [
      session.id,
      session.status,
      session.startedAtIso,
      session.endedAtIso,
      session.endReason,
      session.plan.mode,
      session.countedReps,
      session.plan.exercises.map((exercise) => exercise.id).join(';'),
      (session.summary ?? []).filter((result) => result.pain).map((result) => result.exerciseId).join(';'),
      (session.summary ?? []).reduce((sum, result) => sum + result.sides.reduce((total, side) => total + (side.confirmed ?? 0), 0), 0),
    ]),
  );
}

/** Two CSV files: one row per completed rep, one row per session. */
export async function exportCsv(db: AtlasDb): Promise<{ readonly reps: string; readonly sessions: string }> {
  const [reps, sessions] = await Promise.all([listReps(db), listSessions(db)]);
  return { reps: repsToCsv(reps), sessions: sessionsToCsv(sessions) };
}
