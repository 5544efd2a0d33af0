import type { ExerciseDefinition } from '../protocol/exercise-definition';
import type { ExerciseEvent } from '../reps/exercise-events';

/** A hold exercise's current hold: how long it has been held of its target, ms. */
export interface HoldProgress {
  readonly heldMs: number;
  readonly targetMs: number;
  readonly broken: boolean;
  /** When the hold started (the engine's `hold-started`); null once it is over. */
  readonly startMs: number | null;
}

const DEFAULT_HOLD_SECONDS = 3;

export function holdTargetMs(exercise: ExerciseDefinition): number {
  return (exercise.holdSeconds ?? DEFAULT_HOLD_SECONDS) * 1000;
}

/** The hold after one engine event (null: no hold in progress or just shown). */
export function holdAfterEvent(hold: HoldProgress | null, event: ExerciseEvent, targetMs: number): HoldProgress | null {
  switch (event.type) {
    case 'hold-started':
      return { heldMs: 0, targetMs, broken: false, startMs: event.tMs };
    case 'hold-broken':
      return { heldMs: event.heldMs, targetMs, broken: true, startMs: null };
    case 'rep':
      return event.kind === 'hold' ? null : hold;
    default:
      return hold;
  }
}

/** The hold at frame time `tMs`: a running hold grows, a broken one stays as it broke. */
export function holdAt(hold: HoldProgress | null, tMs: number): HoldProgress | null {
  if (hold === null || hold.broken || hold.startMs === null) return hold;
  return { ...hold, heldMs: Math.max(0, tMs - hold.startMs) };
}
