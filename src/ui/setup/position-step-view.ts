import type { CameraSide } from '../../core/protocol/camera-side';
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
  /** Face down: the side of the person the floor camera goes on for this half; null elsewhere. */
  readonly cameraSide: CameraSide | null;
  /** Face down, the second half: the camera moves to the other side, the exercise goes on. */
  readonly secondHalf: boolean;
  /** The exercises done in this position, in the UI's language, and whether the running models can check each. */
  readonly exercises: readonly { readonly id: string; readonly title: string; readonly check: ExerciseCheckability | null }[];
}
