import type { Direction } from '../protocol/exercise-definition';
import type { ExerciseEvent, IncompleteReason, RepKind } from './exercise-events';
import type { TrajectoryNode } from './trajectory';

/** What a counter reports when a repetition ends; the engine adds metrics, bests and feedback. */
export interface RawRep {
  readonly tMs: number;
  readonly kind: RepKind;
  readonly side: Direction;
  readonly complete: boolean;
  readonly incompleteReason: IncompleteReason | null;
  readonly peak: number;
  readonly threshold: number;
  /**
   * The movement's samples (magnitude in the rep's direction, or path length for loops), each
   * also before causal smoothing where the signal has any (a head angle's `unsmoothedAngles`):
   * the rep's speed and smoothness are measured on those (rep-metrics.ts).
   */
  readonly path: TrajectoryNode | null;
  /** Only from this time on is the path part of the rep. */
  readonly startMs: number;
  /** Holds: time held; movements: null (taken from the path). */
  readonly heldMs: number | null;
}

export interface CounterStep<S> {
  readonly state: S;
  readonly events: readonly ExerciseEvent[];
  readonly reps: readonly RawRep[];
}

export const NO_EVENTS: readonly ExerciseEvent[] = [];
export const NO_REPS: readonly RawRep[] = [];
