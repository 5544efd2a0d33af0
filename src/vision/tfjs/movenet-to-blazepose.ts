import type { Landmark } from '../../core/landmarks';
import { POSE, type PoseLandmarkName } from '../../core/pose-indices';

/** MoveNet's 17 COCO keypoints, in its output order ("left"/"right" are the subject's own, as in BlazePose). */
export const COCO_KEYPOINTS = [
  'nose',
  'leftEye',
  'rightEye',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
] as const satisfies readonly PoseLandmarkName[];

export const BLAZEPOSE_POINT_COUNT = 33;

/**
 * BlazePose points that COCO lacks take the position of the nearest COCO point (so that a drawing
 * or a bounding box stays sensible) but visibility 0, so that no estimator trusts them.
 */
const STAND_IN: Readonly<Partial<Record<PoseLandmarkName, (typeof COCO_KEYPOINTS)[number]>>> = {
  leftEyeInner: 'leftEye',
  leftEyeOuter: 'leftEye',
  rightEyeInner: 'rightEye',
  rightEyeOuter: 'rightEye',
  mouthLeft: 'nose',
  mouthRight: 'nose',
  leftPinky: 'leftWrist',
  rightPinky: 'rightWrist',
  leftIndex: 'leftWrist',
  rightIndex: 'rightWrist',
  leftThumb: 'leftWrist',
  rightThumb: 'rightWrist',
  leftHeel: 'leftAnkle',
  rightHeel: 'rightAnkle',
  leftFootIndex: 'leftAnkle',
  rightFootIndex: 'rightAnkle',
};

/** A MoveNet keypoint in normalised image coordinates (x right, y down, 0..1) with its score. */
export interface ScoredPoint {
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

/**
 * 17 COCO keypoints → the 33-point BlazePose layout. COCO points keep their score as visibility;
 * the others are stand-ins with visibility 0. z is 0 (MoveNet has no depth).
 */
export function movenetToBlazePose(keypoints: readonly ScoredPoint[]): Landmark[] {
  if (keypoints.length !== COCO_KEYPOINTS.length) {
    throw new RangeError(`MoveNet gives ${COCO_KEYPOINTS.length} keypoints, got ${keypoints.length}`);
  }
  const byName = new Map(COCO_KEYPOINTS.map((name, i) => [name, keypoints[i] as ScoredPoint]));
  const out: Landmark[] = new Array<Landmark>(BLAZEPOSE_POINT_COUNT);
  for (const [name, index] of Object.entries(POSE) as [PoseLandmarkName, number][]) {
    const own = byName.get(name as (typeof COCO_KEYPOINTS)[number]);
    if (own) {
      out[index] = { x: own.x, y: own.y, z: 0, visibility: own.score };
      continue;
    }
    const standIn = byName.get(STAND_IN[name] ?? 'nose') as ScoredPoint;
    out[index] = { x: standIn.x, y: standIn.y, z: 0, visibility: 0 };
  }
  return out;
}
