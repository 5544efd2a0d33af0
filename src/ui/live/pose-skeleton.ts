import { POSE, type PoseLandmarkName } from '../../core/pose-indices';

type Bone = readonly [PoseLandmarkName, PoseLandmarkName];

/** The BlazePose skeleton drawn on the overlay (face outline, arms, trunk, legs). */
const BONES: readonly Bone[] = [
  ['leftEar', 'leftEyeOuter'], ['leftEyeOuter', 'leftEye'], ['leftEye', 'leftEyeInner'], ['leftEyeInner', 'nose'],
  ['nose', 'rightEyeInner'], ['rightEyeInner', 'rightEye'], ['rightEye', 'rightEyeOuter'], ['rightEyeOuter', 'rightEar'],
  ['mouthLeft', 'mouthRight'],
  ['leftShoulder', 'rightShoulder'], ['leftShoulder', 'leftHip'], ['rightShoulder', 'rightHip'], ['leftHip', 'rightHip'],
  ['leftShoulder', 'leftElbow'], ['leftElbow', 'leftWrist'], ['leftWrist', 'leftPinky'], ['leftWrist', 'leftIndex'], ['leftWrist', 'leftThumb'], ['leftPinky', 'leftIndex'],
  ['rightShoulder', 'rightElbow'], ['rightElbow', 'rightWrist'], ['rightWrist', 'rightPinky'], ['rightWrist', 'rightIndex'], ['rightWrist', 'rightThumb'], ['rightPinky', 'rightIndex'],
  ['leftHip', 'leftKnee'], ['leftKnee', 'leftAnkle'], ['leftAnkle', 'leftHeel'], ['leftHeel', 'leftFootIndex'], ['leftAnkle', 'leftFootIndex'],
  ['rightHip', 'rightKnee'], ['rightKnee', 'rightAnkle'], ['rightAnkle', 'rightHeel'], ['rightHeel', 'rightFootIndex'], ['rightAnkle', 'rightFootIndex'],
];

export const POSE_BONES: readonly (readonly [number, number])[] = BONES.map(([a, b]) => [POSE[a], POSE[b]] as const);

/** Subject's own left side (drawn in one colour, right in another, so a swapped side shows). */
export function isLeftSide(index: number): boolean {
  const name = (Object.keys(POSE) as PoseLandmarkName[]).find((key) => POSE[key] === index);
  return name !== undefined && name.startsWith('left');
}
