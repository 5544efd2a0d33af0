import { DEG_PER_RAD } from '../geometry/angle-units';
import { hypot2, hypot3 } from '../geometry/hypot';
import type { Landmark, PoseObservation } from '../landmarks';
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

function toCamera(l: Landmark, xyScale: ImageSize, zScale: number): { x: number; y: number; z: number } {
  return { x: l.x * xyScale.width, y: -l.y * xyScale.height, z: -l.z * zScale };
}

/**
 * The trunk's own yaw and roll from the shoulder line (left − right shoulder, camera space).
 * Uses MediaPipe's metric world landmarks when present (better depth), else the image landmarks
 * with BlazePose's relative z. In the convention R = Rz(−roll)·Ry(yaw)·Rx(−pitch) the subject's
 * left (+x) goes to (cos roll·cos yaw, −sin roll·cos yaw, −sin yaw), so yaw = atan2(−Δz, |Δxy|)
 * and roll = atan2(−Δy, Δx); the trunk's pitch (about the shoulder line) is not observable and
 * taken as 0, so anglesToMatrix({ yaw, 0, roll }) maps +x onto the shoulder line.
 */
export function estimateTrunk(pose: PoseObservation, size: ImageSize): TrunkEstimate | null {
  const left = pose.landmarks[POSE.leftShoulder];
  const right = pose.landmarks[POSE.rightShoulder];
  if (!left || !right) return null;
  const confidence = Math.min(left.visibility ?? 1, right.visibility ?? 1);
  if (confidence < MIN_SHOULDER_VISIBILITY) return null;
  const worldLeft = pose.worldLandmarks?.[POSE.leftShoulder];
  const worldRight = pose.worldLandmarks?.[POSE.rightShoulder];
  const useWorld = worldLeft && worldRight;
  const unit = { width: 1, height: 1 };
  const l = useWorld ? toCamera(worldLeft, unit, 1) : toCamera(left, size, size.width);
  const r = useWorld ? toCamera(worldRight, unit, 1) : toCamera(right, size, size.width);
  const dx = l.x - r.x;
  const dy = l.y - r.y;
  const dz = l.z - r.z;
  if (!Number.isFinite(dx + dy + dz) || hypot3(dx, dy, dz) === 0) return null;
  return {
    yawDeg: Math.atan2(-dz, hypot2(dx, dy)) * DEG_PER_RAD,
    rollDeg: Math.atan2(-dy, dx) * DEG_PER_RAD,
    confidence,
  };
}
