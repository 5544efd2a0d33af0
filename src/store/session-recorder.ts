import { reduceSession, SESSION_PHASES, type SessionAction, type SessionState } from '../core/session';
import type { AtlasDb } from './atlas-db-schema';
import { sessionActionValidator } from './export-validators';
import { ImportValidationError } from './import-validation-error';
import { InvalidActionError } from './store-errors';
import { logTransition, resumeOpenSession, shouldPersist } from './session-log';

/**
 * The reducer plus its log: `dispatch` reduces at once (the UI never waits for the disk) and
 * logs the transition in its own transaction, in order. Each page has its own monotonic clock,
 * so a resumed session keeps its original clock: page times are shifted by `offsetMs` so that
 * the session continues from its last logged action (time while the page was gone is not
 * counted), and replaying the log stays exact.
 */
export class SessionRecorder {
  private current: SessionState;
  private nextSeq: number;
  private readonly offsetMs: number;
  private pending: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: AtlasDb,
    state: SessionState,
    nextSeq: number,
    offsetMs: number,
  ) {
    this.current = state;
    this.nextSeq = nextSeq;
    this.offsetMs = offsetMs;
  }

  /** Records a new session (in its setup phase); nothing is written until it starts. */
  static forNewSession(db: AtlasDb, state: SessionState): SessionRecorder {
    return new SessionRecorder(db, state, 0, 0);
  }

  /**
   * Picks up the latest unfinished session, or returns null. An exercise in progress comes back
   * paused, so the user restarts it on purpose.
   */
  static async resume(db: AtlasDb, nowPageTMs: number): Promise<SessionRecorder | null> {
    const open = await resumeOpenSession(db);
    if (open === null) return null;
    const lastTMs = Number.isFinite(open.state.lastTMs) ? open.state.lastTMs : open.record.startedAtTMs;
    const recorder = new SessionRecorder(db, open.state, open.nextSeq, lastTMs - nowPageTMs);
    if (open.state.phase === SESSION_PHASES.exercise) await recorder.dispatch({ type: 'pause', tMs: nowPageTMs });
    return recorder;
  }

  get state(): SessionState {
    return this.current;
  }

  /** The session clock for a page `tMs` (use it with selectors such as selectRestRemainingMs). */
  toSessionTMs(pageTMs: number): number {
    return pageTMs + this.offsetMs;
  }

  /**
   * Reduces `action` (with a page `tMs`) and logs it. Resolves once it is stored; rejects with a
   * StorageQuotaError/StoreError if it could not be, in which case the in-memory state has still
   * moved on and everything logged before is intact. An action that could not be exported and
   * imported back (NaN, out-of-range values, unknown keys) is refused whole: InvalidActionError,
   * state unchanged.
   */
  dispatch(action: SessionAction): Promise<SessionState> {
    let rebased: SessionAction;
    try {
      rebased = sessionActionValidator({ ...action, tMs: this.toSessionTMs(action.tMs) }, 'action');
    } catch (error) {
      const reason = error instanceof ImportValidationError ? `${error.path}: ${error.reason}` : 'unreadable';
      return Promise.reject(new InvalidActionError(`Refused a session action (${reason}).`));
    }
    const previous = this.current;
    const next = reduceSession(previous, rebased);
    this.current = next;
    if (!shouldPersist(previous, rebased, next)) return this.pending.then(() => next);
    const seq = this.nextSeq;
    this.nextSeq += 1;
    const write = this.pending.then(() => logTransition(this.db, { previous, action: rebased, next, seq }));
    this.pending = write.catch(() => undefined);
    return write.then(() => next);
  }
}
