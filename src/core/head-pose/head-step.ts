import { wrapDeg } from '../geometry/unwrap';
import { CAMERA_VIEWS, type CameraView } from '../protocol/exercise-definition';
import type { HeadAngles } from './head-angles';

/**
 * Past this |yaw| pitch and roll stop coming from the face mesh alone: from 30° the estimator
 * hands them over to the body's coarse regression (the face's trust ramps down from 30° to 45°,
 * fusion.ts), and near ±90° only pitch ∓ roll is observable (gimbal lock). Their frame-to-frame
 * changes there say nothing about a tracking swap or a cut (a rendered ±80° turn was paused as
 * "jumpy" on every right turn by a 26° roll step at the hand-over); only yaw's do.
 */
export const TILT_COMPARED_BELOW_YAW_DEG = 30;

/**
 * How far the head moved between two readings, degrees: the largest change of the three angles
 * while both face the camera (|yaw| below TILT_COMPARED_BELOW_YAW_DEG), of yaw alone otherwise.
 */
export function headStepDeg(a: HeadAngles, b: HeadAngles): number {
  const yaw = Math.abs(wrapDeg(a.yawDeg - b.yawDeg));
  if (Math.abs(a.yawDeg) >= TILT_COMPARED_BELOW_YAW_DEG || Math.abs(b.yawDeg) >= TILT_COMPARED_BELOW_YAW_DEG) return yaw;
  return Math.max(yaw, Math.abs(wrapDeg(a.pitchDeg - b.pitchDeg)), Math.abs(wrapDeg(a.rollDeg - b.rollDeg)));
}

/**
 * Whether the head's steps say anything in this camera view. From the side of a person lying on
 * their back no face is seen and the body's head regression, trained on heads facing the camera,
 * is outside what it knows: on the rendered supine clips its reading flipped between two branches
 * 80–100° of yaw apart while the body lay still (TF.js and MediaPipe), which paused the rise as
 * "jumpy" for 0.7 s at a time and lost every rep on TF.js. There, jumps are read from the
 * landmarks only.
 */
export function headStepsMeaningful(view: CameraView): boolean {
  return view === CAMERA_VIEWS.front;
}
