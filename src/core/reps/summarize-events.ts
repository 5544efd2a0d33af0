import type { ExerciseEvent } from './exercise-events';

export interface EventSummary {
  /** Complete repetitions (and completed holds). */
  readonly reps: number;
  /** Complete repetitions per side/direction (keys: protocol directions). */
  readonly bySide: Readonly<Record<string, number>>;
  /** Reported repetitions that did not count. */
  readonly incomplete: number;
  /** Timed exercises: active time so far, ms, and whether the dose was reached. */
  readonly activeMs: number;
  readonly timedComplete: boolean;
}

export function summarizeEvents(events: readonly ExerciseEvent[]): EventSummary {
  let reps = 0;
  let incomplete = 0;
  let activeMs = 0;
  let timedComplete = false;
  const bySide: Record<string, number> = {};
  for (const event of events) {
    if (event.type === 'rep') {
      if (event.complete) {
        reps++;
        bySide[event.side] = (bySide[event.side] ?? 0) + 1;
      } else {
        incomplete++;
      }
    } else if (event.type === 'timer-paused' || event.type === 'timer-completed') {
      activeMs = Math.max(activeMs, event.activeMs);
      if (event.type === 'timer-completed') timedComplete = true;
    }
  }
  return { reps, bySide, incomplete, activeMs, timedComplete };
}
