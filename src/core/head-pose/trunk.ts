import { DEG_PER_RAD } from '../geometry/angle-units';
import { hypot2, hypot3 } from '../geometry/hypot';
import type { PoseObservation } from '../landmarks';
import { POSE } from '../pose-indices';
import type { ImageSize } from './camera-space';

export interface TrunkEstimate {
  /** Rotation of the shoulder line about the vertical, same sign as head yaw (> 0: turned to the subject's left). */
  readonly yawDeg: number;
  /** Tilt of the shoulder line, same sign as head roll (> 0: left shoulder lower, leaning to the subject's left). */
  readonly rollDeg: number;
  readonly confidence: number;
}

/** Shoulders below this visibility are not used. */
const MIN_SHOULDER_VISIBILITY = 0.3;
/** An elbow below this visibility is not taken as raised. */
const MIN_ELBOW_VISIBILITY = 0.5;
/**
 * An elbow this far above its shoulder (in shoulder widths, image) is a raised arm: arms held out
 * level stay below it. Raising an arm over about 90° lifts its shoulder (the shoulder blade turns
 * up): on the rendered scan a hand over the head lifted that shoulder landmark by 7 px at a
 * 140 px shoulder width, and its world landmarks tilted the shoulder line by 16°.
 */
const RAISED_ELBOW_SHOULDER_WIDTHS = 0.25;

/** Whether an elbow is well above its shoulder (image y points down; pixels). */
function armRaised(pose: PoseObservation, size: ImageSize, shoulderIndex: number, elbowIndex: number, shoulderWidthPx: number): boolean {
  const shoulder = pose.landmarks[shoulderIndex];
  const elbow = pose.landmarks[elbowIndex];
  if (!shoulder || !elbow || (elbow.visibility ?? 1) < MIN_ELBOW_VISIBILITY) return false;
  return (shoulder.y - elbow.y) * size.height > RAISED_ELBOW_SHOULDER_WIDTHS * shoulderWidthPx;
}

/**
 * The trunk's own yaw and roll from the shoulder line (left − right shoulder, camera space).
 * Uses MediaPipe's metric world landmarks when present (better depth), else the image landmarks
 * with BlazePose's relative z. In the convention R = Rz(−roll)·Ry(yaw)·Rx(−pitch) the subject's
 * left (+x) goes to (cos roll·cos yaw, −sin roll·cos yaw, −sin yaw), so yaw = atan2(−Δz, |Δxy|)
 * and roll = atan2(−Δy, Δx); the trunk's pitch (about the shoulder line) is not observable and
 * taken as 0, so anglesToMatrix({ yaw, 0, roll }) maps +x onto the shoulder line.
 * Null while an arm is raised above the shoulder: the shoulder line is then not the trunk's.
 */
export function estimateTrunk(pose: PoseObservation, size: ImageSize): TrunkEstimate | null {
  const left = pose.landmarks[POSE.leftShoulder];
  const right = pose.landmarks[POSE.rightShoulder];
  if (!left || !right) return null;
  const confidence = Math.min(left.visibility ?? 1, right.visibility ?? 1);
  if (confidence < MIN_SHOULDER_VISIBILITY) return null;
  const shoulderWidthPx = hypot2((left.x - right.x) * size.width, (left.y - right.y) * size.height);
  if (armRaised(pose, size, POSE.leftShoulder, POSE.leftElbow, shoulderWidthPx) || armRaised(pose, size, POSE.rightShoulder, POSE.rightElbow, shoulderWidthPx)) return null;
  const worldLeft = pose.worldLandmarks?.[POSE.leftShoulder];
  const worldRight = pose.worldLandmarks?.[POSE.rightShoulder];
  const useWorld = worldLeft !== undefined && worldRight !== undefined;
  // left − right in camera space (x right, y up, z toward the viewer): metres, or pixels with z on x's scale.
  const a = useWorld ? worldLeft : left, b = useWorld ? worldRight : right;
  const sx = useWorld ? 1 : size.width, sy = useWorld ? 1 : size.height, sz = useWorld ? 1 : size.width;
  const dx = a.x * sx - b.x * sx;
  const dy = -a.y * sy - -b.y * sy;
  const dz = -a.z * sz - -b.z * sz;
  if (!Number.isFinite(dx + dy + dz) || hypot3(dx, dy, dz) === 0) return null;
  return {
    yawDeg: Math.atan2(-dz, hypot2(dx, dy)) * DEG_PER_RAD,
    rollDeg: Math.atan2(-dy, dx) * DEG_PER_RAD,
    confidence,
  };
}
