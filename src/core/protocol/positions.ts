import { POSTURES, type CameraView, type ExerciseDefinition, type Posture } from './exercise-definition';
import { stringEnum, type EnumValue } from '../string-enum';

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
   * Whether a webcam or phone on the floor or a table can follow the neck here. Face down it
   * cannot: on rendered clips (docs/clipgen.md, face down) a camera at the side sees the turn toward
   * it, not the turn away; one side at a time, the camera moved between halves, TF.js still counts
   * turns that stop short and loses the body face down at one placement, MediaPipe at another.
   */
  readonly trackable: boolean;
  /**
   * Whether its exercises may be done guided instead, when the person cannot place the camera
   * (on the floor, at the side): the lying positions. Upright, the camera in front is the product.
   */
  readonly guidedFallback: boolean;
}

export const POSITION_SETUPS: Readonly<Record<Position, PositionSetup>> = {
  upright: { position: 'upright', view: 'front', trackable: true, guidedFallback: false },
  supine: { position: 'supine', view: 'side', trackable: true, guidedFallback: true },
  prone: { position: 'prone', view: 'front', trackable: false, guidedFallback: true },
  'side-lying': { position: 'side-lying', view: 'front', trackable: true, guidedFallback: true },
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

/** Measured: the camera counts. Guided: a timer and spoken cues, the person confirms each rep. */
export const TRACKING_MODES = stringEnum('measured', 'guided');
export type TrackingMode = EnumValue<typeof TRACKING_MODES>;

/** Guided when the camera cannot follow the exercise's position; measured otherwise. */
export function trackingModeOf(exercise: Pick<ExerciseDefinition, 'posture'>): TrackingMode {
  return POSITION_SETUPS[positionOf(exercise)].trackable ? TRACKING_MODES.measured : TRACKING_MODES.guided;
}
