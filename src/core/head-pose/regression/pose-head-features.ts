import type { Landmark } from '../../landmarks';
import { POSE } from '../../pose-indices';

/**
 * BlazePose's head points, in this order. Each has a mirror twin (see MIRROR_OF): a horizontally
 * mirrored frame shows the same head with yaw and roll negated and its left and right swapped.
 */
export const HEAD_POINTS = [
  POSE.nose,
  POSE.leftEyeInner,
  POSE.leftEye,
  POSE.leftEyeOuter,
  POSE.rightEyeInner,
  POSE.rightEye,
  POSE.rightEyeOuter,
  POSE.leftEar,
  POSE.rightEar,
  POSE.mouthLeft,
  POSE.mouthRight,
] as const;

/** For each slot of HEAD_POINTS, the slot of its mirror twin. */
export const HEAD_POINT_MIRROR: readonly number[] = [0, 4, 5, 6, 1, 2, 3, 8, 7, 10, 9];

/** x, y, z and visibility of each head point, then the two shoulders' x, y and their depth difference. */
export const POSE_HEAD_FEATURE_COUNT = HEAD_POINTS.length * 4 + 5;

/** Below this RMS radius (pixels) the head is too small (or degenerate) to read. */
const MIN_HEAD_RADIUS_PX = 2;

/**
 * Scale- and position-free features of the head's BlazePose points, for the learned head-pose
 * regression (pose-head-regressor.ts). Pixels (x·W, y·H, z·W; y down, z smaller = closer) relative
 * to the head points' centroid, divided by their RMS radius; visibilities as given (1 when absent);
 * the shoulders relative to the same centroid and scale (0 when a shoulder is not given).
 * Writes into `out` and returns true, or false when the points are missing or degenerate.
 */
export function poseHeadFeatures(landmarks: readonly Landmark[], width: number, height: number, out: Float64Array): boolean {
  if (landmarks.length <= POSE.rightShoulder || !(width > 0) || !(height > 0)) return false;
  let cx = 0, cy = 0, cz = 0;
  for (const index of HEAD_POINTS) {
    const l = landmarks[index];
    if (!l || !Number.isFinite(l.x + l.y + l.z)) return false;
    cx += l.x * width;
    cy += l.y * height;
    cz += l.z * width;
  }
  const n = HEAD_POINTS.length;
  cx /= n;
  cy /= n;
  cz /= n;
  let sumSq = 0;
  for (const index of HEAD_POINTS) {
    const l = landmarks[index] as Landmark;
    const dx = l.x * width - cx, dy = l.y * height - cy;
    sumSq += dx * dx + dy * dy;
  }
  const radius = Math.sqrt(sumSq / n);
  if (!(radius >= MIN_HEAD_RADIUS_PX)) return false;
  let k = 0;
  for (const index of HEAD_POINTS) {
    const l = landmarks[index] as Landmark;
    out[k++] = (l.x * width - cx) / radius;
    out[k++] = (l.y * height - cy) / radius;
    out[k++] = (l.z * width - cz) / radius;
    out[k++] = clampVisibility(l.visibility);
  }
  const left = landmarks[POSE.leftShoulder] as Landmark;
  const right = landmarks[POSE.rightShoulder] as Landmark;
  const shouldersSeen = Number.isFinite(left.x + left.y + left.z + right.x + right.y + right.z);
  out[k++] = shouldersSeen ? (left.x * width - cx) / radius : 0;
  out[k++] = shouldersSeen ? (left.y * height - cy) / radius : 0;
  out[k++] = shouldersSeen ? (right.x * width - cx) / radius : 0;
  out[k++] = shouldersSeen ? (right.y * height - cy) / radius : 0;
  out[k++] = shouldersSeen ? ((left.z - right.z) * width) / radius : 0;
  return true;
}

function clampVisibility(v: number | undefined): number {
  if (v === undefined || !Number.isFinite(v)) return 1;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * The features of the horizontally mirrored frame, from the features of this one: x negated,
 * left and right swapped (points and shoulders). Its head angles are (−yaw, pitch, −roll).
 * Used to train on both sides of every rendered frame, and to test the regression's symmetry.
 */
export function mirrorPoseHeadFeatures(features: Float64Array, out: Float64Array): void {
  for (let slot = 0; slot < HEAD_POINTS.length; slot += 1) {
    const from = 4 * (HEAD_POINT_MIRROR[slot] as number);
    const to = 4 * slot;
    out[to] = -(features[from] as number);
    out[to + 1] = features[from + 1] as number;
    out[to + 2] = features[from + 2] as number;
    out[to + 3] = features[from + 3] as number;
  }
  const s = HEAD_POINTS.length * 4;
  out[s] = -(features[s + 2] as number);
  out[s + 1] = features[s + 3] as number;
  out[s + 2] = -(features[s] as number);
  out[s + 3] = features[s + 1] as number;
  out[s + 4] = -(features[s + 4] as number);
}
