import {
  createSessionState,
  reduceSession,
  selectSummary,
  selectTotalCountedReps,
  SESSION_PHASES,
  type SessionAction,
  type SessionState,
} from '../core/session';
import { STORE_NAMES, type AtlasDb } from './atlas-db-schema';
import { isoAtSessionTime } from './iso-time';
import {
  SESSION_STATUSES,
  type EventRecord,
  type PersonalBestRecord,
  type RepRecord,
  type SessionRecord,
} from './store-records';
import { toStoreError } from './store-errors';
import { WriteBatch, writeTransaction } from './write-transaction';

/**
 * Whether an action is worth logging: ignored actions are not, nor are ticks that only
 * accrued active time (the next logged action accrues the same time on replay).
 */
export function shouldPersist(previous: SessionState, action: SessionAction, next: SessionState): boolean {
  if (next === previous) return false;
  if (action.type !== 'tick') return true;
  return next.phase !== previous.phase || next.exerciseIndex !== previous.exerciseIndex;
}

export interface LoggedTransition {
  readonly previous: SessionState;
  readonly action: SessionAction;
  readonly next: SessionState;
  readonly seq: number;
}

function sessionRecordAfter(record: SessionRecord | undefined, next: SessionState): SessionRecord | null {
  if (next.startedAtIso === null || next.startedAtMs === null) return null;
  const finished = next.phase === SESSION_PHASES.summary;
  return {
    id: next.id,
    status: finished ? SESSION_STATUSES.finished : SESSION_STATUSES.open,
    startedAtIso: record?.startedAtIso ?? next.startedAtIso,
    startedAtTMs: record?.startedAtTMs ?? next.startedAtMs,
    plan: next.plan,
    endedAtIso:
      finished && next.endedAtMs !== null ? isoAtSessionTime(next.startedAtIso, next.startedAtMs, next.endedAtMs) : null,
    endReason: next.endReason,
    countedReps: selectTotalCountedReps(next),
    summary: finished ? selectSummary(next) : null,
  };
}

function repRecordOf(transition: LoggedTransition): RepRecord | null {
  const { previous, action, next, seq } = transition;
  if (action.type !== 'rep-completed' || next.startedAtIso === null || next.startedAtMs === null) return null;
  const exercise = previous.plan.exercises[previous.exerciseIndex];
  if (exercise === undefined) return null;
  return {
    sessionId: next.id,
    seq,
    exerciseId: exercise.id,
    mode: next.plan.mode,
    atIso: isoAtSessionTime(next.startedAtIso, next.startedAtMs, action.tMs),
    tMs: action.tMs,
    side: action.rep.side,
    peakDeg: Math.abs(action.rep.peakDeg),
    durationMs: action.rep.durationMs,
    peakVelDegS: action.rep.peakVelDegS,
    sparc: action.rep.sparc,
    ldj: action.rep.ldj,
    velocityPeaks: action.rep.velocityPeaks,
    complete: action.rep.complete,
  };
}

/**
 * Logs one transition in its own transaction: the event, the rep it completed (with the
 * personal best it may beat) and the session record's new totals land together or not at all.
 */
export async function logTransition(db: AtlasDb, transition: LoggedTransition): Promise<void> {
  const { action, next, seq } = transition;
  const event: EventRecord = { sessionId: next.id, seq, action };
  const rep = repRecordOf(transition);
  const stores = [STORE_NAMES.sessions, STORE_NAMES.events, STORE_NAMES.reps, STORE_NAMES.personalBests];
  await writeTransaction(db, stores, async (tx) => {
    const sessions = tx.objectStore(STORE_NAMES.sessions);
    const stored = await sessions.get(next.id);
    const record = sessionRecordAfter(stored, next);
    const writes = new WriteBatch();
    writes.add(tx.objectStore(STORE_NAMES.events).put(event));
    if (record !== null) writes.add(sessions.put(record));
    if (rep !== null) {
      writes.add(tx.objectStore(STORE_NAMES.reps).put(rep));
      const bests = tx.objectStore(STORE_NAMES.personalBests);
      const best = await bests.get([rep.exerciseId, rep.side]);
      if (best === undefined || rep.peakDeg > best.peakDeg) {
        const newBest: PersonalBestRecord = {
          exerciseId: rep.exerciseId,
          side: rep.side,
          peakDeg: rep.peakDeg,
          atIso: rep.atIso,
          sessionId: rep.sessionId,
        };
        writes.add(bests.put(newBest));
      }
    }
    await writes.settle();
  });
}

/** Replays a session's logged actions (in seq order) from its plan. */
export function rebuildSessionState(record: SessionRecord, events: readonly EventRecord[]): SessionState {
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .reduce((state, event) => reduceSession(state, event.action), createSessionState(record.id, record.plan));
}

export interface OpenSession {
  readonly record: SessionRecord;
  readonly state: SessionState;
  /** The seq the next logged action must use. */
  readonly nextSeq: number;
}

export async function loadSessionEvents(db: AtlasDb, sessionId: string): Promise<EventRecord[]> {
  try {
    return await db.getAll(STORE_NAMES.events, IDBKeyRange.bound([sessionId, 0], [sessionId, Number.POSITIVE_INFINITY]));
  } catch (error) {
    throw toStoreError(error);
  }
}

/** The most recently started unfinished session, rebuilt from its stored events; null if none. */
export async function resumeOpenSession(db: AtlasDb): Promise<OpenSession | null> {
  let open: SessionRecord[];
  try {
    open = await db.getAllFromIndex(STORE_NAMES.sessions, 'byStatus', SESSION_STATUSES.open);
  } catch (error) {
    throw toStoreError(error);
  }
  const latest = open.sort((a, b) => (a.startedAtIso < b.startedAtIso ? 1 : a.startedAtIso > b.startedAtIso ? -1 : 0))[0];
  if (latest === undefined) return null;
  const events = await loadSessionEvents(db, latest.id);
  const lastSeq = events.reduce((max, event) => Math.max(max, event.seq), -1);
  return { record: latest, state: rebuildSessionState(latest, events), nextSeq: lastSeq + 1 };
}

/** Closes an unfinished session the user does not want to resume; its reps stay. */
export async function discardOpenSession(db: AtlasDb, sessionId: string): Promise<void> {
  const events = await loadSessionEvents(db, sessionId);
  await writeTransaction(db, [STORE_NAMES.sessions], async (tx) => {
    const store = tx.objectStore(STORE_NAMES.sessions);
    const record = await store.get(sessionId);
    if (record === undefined || record.status !== SESSION_STATUSES.open) return;
    const state = rebuildSessionState(record, events);
    const lastEventTMs = Number.isFinite(state.lastTMs) ? state.lastTMs : record.startedAtTMs;
    await store.put({
      ...record,
      status: SESSION_STATUSES.finished,
      endedAtIso: isoAtSessionTime(record.startedAtIso, record.startedAtTMs, lastEventTMs),
      endReason: 'stopped',
      countedReps: selectTotalCountedReps(state),
      summary: selectSummary(state),
    });
  });
}
