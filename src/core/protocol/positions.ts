import { POSTURES, type CameraView, type ExerciseDefinition, type Posture } from './exercise-definition';
import { stringEnum, type EnumValue } from '../string-enum';
import type { CameraSide } from './camera-side';

/**
 * Where the body is, as far as the camera set-up goes: sitting and standing share one placement
 * (the camera in front at head height), each lying position needs its own.
 */
export const POSITIONS = stringEnum('upright', 'supine', 'prone', 'side-lying');
export type Position = EnumValue<typeof POSITIONS>;

export interface PositionSetup {
  readonly position: Position;
  /** How the camera must see the body for the exercises in this position. */
  readonly view: CameraView;
  /**
   * Whether a webcam or phone on the floor or a table can follow the neck here. Face down only one
   * side at a time: a camera at the side sees the turn toward it, not the turn away, so the
   * exercise runs in two halves with the camera moved between them (`sidedCamera`).
   */
  readonly trackable: boolean;
  /**
   * Face down: the camera goes on the floor at one side, then at the other; the frames reach the
   * landmarkers turned head-up (src/vision/head-up-source.ts) and the turns toward the camera are
   * counted (core/pipeline/toward-camera.ts). On rendered clips (docs/clipgen.md, face down) the
   * face is found only on head-up frames, and the body face down only at some placements.
   */
  readonly sidedCamera: boolean;
  /**
   * Whether its exercises may be done guided instead, when the person cannot place the camera
   * (on the floor, at the side): the lying positions. Upright, the camera in front is the product.
   */
  readonly guidedFallback: boolean;
}

export const POSITION_SETUPS: Readonly<Record<Position, PositionSetup>> = {
  upright: { position: 'upright', view: 'front', trackable: true, guidedFallback: false, sidedCamera: false },
  supine: { position: 'supine', view: 'side', trackable: true, guidedFallback: true, sidedCamera: false },
  prone: { position: 'prone', view: 'side', trackable: true, guidedFallback: true, sidedCamera: true },
  'side-lying': { position: 'side-lying', view: 'front', trackable: true, guidedFallback: true, sidedCamera: false },
};

const POSITION_OF_POSTURE: Readonly<Record<Posture, Position>> = {
  [POSTURES.sitOrStand]: POSITIONS.upright,
  [POSTURES.sit]: POSITIONS.upright,
  [POSTURES.stand]: POSITIONS.upright,
  [POSTURES.lyingSupine]: POSITIONS.supine,
  [POSTURES.lyingProne]: POSITIONS.prone,
  [POSTURES.lyingSide]: POSITIONS.sideLying,
};

export function positionOf(exercise: Pick<ExerciseDefinition, 'posture'>): Position {
  return POSITION_OF_POSTURE[exercise.posture];
}

/**
 * Which way the landmarkers' frames are turned for `exercise` with the camera on `side`: the side
 * (head-up, src/vision/head-up-source.ts) for a position with a sided camera, null (as they are)
 * otherwise. The live coach and `npm run analyze` both ask this.
 */
export function headUpSideFor(exercise: Pick<ExerciseDefinition, 'posture'> | null, side: CameraSide): CameraSide | null {
  return exercise !== null && POSITION_SETUPS[positionOf(exercise)].sidedCamera ? side : null;
}

/** Measured: the camera counts. Guided: a timer and spoken cues, the person confirms each rep. */
export const TRACKING_MODES = stringEnum('measured', 'guided');
export type TrackingMode = EnumValue<typeof TRACKING_MODES>;

/** Guided when the camera cannot follow the exercise's position; measured otherwise. */
export function trackingModeOf(exercise: Pick<ExerciseDefinition, 'posture'>): TrackingMode {
  return POSITION_SETUPS[positionOf(exercise)].trackable ? TRACKING_MODES.measured : TRACKING_MODES.guided;
}
