import type { ExerciseEvent } from '../reps/exercise-events';
import { FEEDBACK_SEVERITIES, type SessionAction } from './session-actions';

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
/** Counts and durations must stay numbers (the log is JSON, where NaN would become null). */
const finiteOrZero = (value: number): number => (Number.isFinite(value) ? value : 0);

/**
 * What an exercise-engine event means to the session (null: nothing). The engine reports a
 * broken hold twice (a `hold-broken` event and an incomplete hold rep): only the event counts.
 * A timed exercise's completed timer counts as its one completed hold. The engine's own pause
 * and ready (settled after reappearing) drive the session's person-lost / person-back.
 */
export function sessionActionFromEngineEvent(event: ExerciseEvent): SessionAction | null {
  switch (event.type) {
    case 'rep':
      if (event.kind === 'hold') {
        return event.complete
          ? { type: 'hold-completed', tMs: event.tMs, side: event.side, heldMs: finiteOrZero(event.durationMs) }
          : null;
      }
      if (!event.complete) {
        return { type: 'rep-incomplete', tMs: event.tMs, side: event.side, peakDeg: finiteOrZero(Math.abs(event.peakDeg)) };
      }
      return {
        type: 'rep-completed',
        tMs: event.tMs,
        rep: {
          side: event.side,
          peakDeg: finiteOrZero(Math.abs(event.peakDeg)),
          durationMs: finiteOrZero(event.durationMs),
          peakVelDegS: finiteOrZero(event.peakVelDegS),
          sparc: finiteOrNull(event.sparc),
          ldj: finiteOrNull(event.ldj),
          velocityPeaks: finiteOrZero(event.velocityPeaks),
          complete: true,
        },
      };
    case 'hold-broken':
      return { type: 'hold-broken', tMs: event.tMs, side: event.side, heldMs: finiteOrZero(event.heldMs) };
    case 'timer-completed':
      return { type: 'hold-completed', tMs: event.tMs, side: 'none', heldMs: finiteOrZero(event.activeMs) };
    case 'feedback':
      return {
        type: 'feedback',
        tMs: event.tMs,
        code: event.kind,
        severity: event.kind === 'good' ? FEEDBACK_SEVERITIES.info : FEEDBACK_SEVERITIES.warning,
      };
    case 'paused':
      return { type: 'person-lost', tMs: event.tMs };
    case 'ready':
      return { type: 'person-back', tMs: event.tMs };
    default:
      return null;
  }
}
