import type { Vec3 } from '../../src/core/geometry/vec3';
import { POSE, type PoseLandmarkName } from '../../src/core/pose-indices';

/**
 * Where BlazePose's head points sit on an average adult head, in the canonical face's frame
 * (cm; x to the subject's left, y up, z toward the viewer, pitch/yaw/roll 0 = upright, facing
 * the camera), so body and face readings share one neutral. Eyes and mouth corners come from
 * MediaPipe's canonical face (eye centres 0.5 cm in front of the corners, for the eyeball);
 * the ears are anthropometric: bitragion breadth ≈ 14.6 cm, tragion ≈ 12 cm behind the nose tip
 * and near the eyes' height (Frankfort plane), rounded.
 */
export const BODY_HEAD_MODEL: readonly { readonly name: PoseLandmarkName; readonly index: number; readonly point: Vec3 }[] = [
  { name: 'nose', index: POSE.nose, point: { x: 0, y: -0.8, z: 7.5 } },
  { name: 'leftEyeInner', index: POSE.leftEyeInner, point: { x: 1.86, y: 2.59, z: 3.76 } },
  { name: 'leftEye', index: POSE.leftEye, point: { x: 3.15, y: 2.7, z: 4.0 } },
  { name: 'leftEyeOuter', index: POSE.leftEyeOuter, point: { x: 4.45, y: 2.66, z: 3.17 } },
  { name: 'rightEyeInner', index: POSE.rightEyeInner, point: { x: -1.86, y: 2.59, z: 3.76 } },
  { name: 'rightEye', index: POSE.rightEye, point: { x: -3.15, y: 2.7, z: 4.0 } },
  { name: 'rightEyeOuter', index: POSE.rightEyeOuter, point: { x: -4.45, y: 2.66, z: 3.17 } },
  { name: 'leftEar', index: POSE.leftEar, point: { x: 7.3, y: 1.5, z: -4.5 } },
  { name: 'rightEar', index: POSE.rightEar, point: { x: -7.3, y: 1.5, z: -4.5 } },
  { name: 'mouthLeft', index: POSE.mouthLeft, point: { x: 2.46, y: -4.34, z: 4.28 } },
  { name: 'mouthRight', index: POSE.mouthRight, point: { x: -2.46, y: -4.34, z: 4.28 } },
];
