import type { CameraView } from '../../core/protocol/exercise-definition';
import type { Position } from '../../core/protocol/positions';
import type { ExerciseCheckability } from '../../core/reps/exercise-checkability';

/** What the setup screen shows of a position's setup step (built from core's PositionStep). */
export interface PositionStepView {
  readonly position: Position;
  readonly view: CameraView;
  /** Nothing to check or calibrate: the camera cannot follow this position. */
  readonly guidedOnly: boolean;
  /** The person may do this position's exercises guided when the camera cannot be placed. */
  readonly guidedFallback: boolean;
  /** A change of position during the session (not the first setup). */
  readonly midSession: boolean;
  /** The exercises done in this position, in the UI's language, and whether the running models can check each. */
  readonly exercises: readonly { readonly id: string; readonly title: string; readonly check: ExerciseCheckability | null }[];
}
