import type { ExerciseEvent } from '../../core/reps/exercise-events';
import { FEEDBACK_SEVERITIES, type SessionAction } from '../../core/session';

/** NaN/∞ smoothness (holds, very short moves) is stored as "not computed". */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * What the session reducer must hear of an exercise-engine event. Progress events (rep
 * started, range reached, hold started, timer) only drive the screen and are not logged.
 */
export function actionsForEngineEvent(event: ExerciseEvent): readonly SessionAction[] {
  switch (event.type) {
    case 'rep':
      if (event.kind === 'hold') {
        return event.complete
          ? [{ type: 'hold-completed', tMs: event.tMs, side: event.side, heldMs: event.durationMs }]
          : [{ type: 'hold-broken', tMs: event.tMs, side: event.side, heldMs: event.durationMs }];
      }
      if (!event.complete) return [{ type: 'rep-incomplete', tMs: event.tMs, side: event.side, peakDeg: event.peakDeg }];
      return [
        {
          type: 'rep-completed',
          tMs: event.tMs,
          rep: {
            side: event.side,
            peakDeg: Math.abs(event.peakDeg),
            durationMs: event.durationMs,
            peakVelDegS: event.peakVelDegS,
            sparc: finiteOrNull(event.sparc),
            ldj: finiteOrNull(event.ldj),
            velocityPeaks: event.velocityPeaks,
            complete: true,
          },
        },
      ];
    case 'hold-broken':
      return [{ type: 'hold-broken', tMs: event.tMs, side: event.side, heldMs: event.heldMs }];
    case 'feedback':
      return [
        {
          type: 'feedback',
          tMs: event.tMs,
          code: event.kind,
          severity: event.kind === 'good' ? FEEDBACK_SEVERITIES.info : FEEDBACK_SEVERITIES.warning,
        },
      ];
    case 'paused':
      return [{ type: 'person-lost', tMs: event.tMs }];
    case 'ready':
      return [{ type: 'person-back', tMs: event.tMs }];
    default:
      return [];
  }
}

/**
 * Keeps action times non-decreasing. Frames carry their capture time, buttons and ticks the
 * time they happen; the reducer drops anything earlier than its last action, so a rep whose
 * frame was captured just before a tick would be lost. Clamping keeps it (a few ms late).
 */
export class MonotonicClock {
  private last = Number.NEGATIVE_INFINITY;

  at(tMs: number): number {
    this.last = Math.max(this.last, tMs);
    return this.last;
  }
}
