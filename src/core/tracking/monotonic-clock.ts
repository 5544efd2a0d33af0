/**
 * Keeps action times non-decreasing. Frames carry their capture time, buttons and ticks the
 * time they happen; the session reducer drops anything earlier than its last action, so a rep
 * whose frame was captured just before a tick would be lost. Clamping keeps it (a few ms late).
 */
export class MonotonicClock {
  private last = Number.NEGATIVE_INFINITY;

  at(tMs: number): number {
    this.last = Math.max(this.last, tMs);
    return this.last;
  }
}
