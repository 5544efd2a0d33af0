import type { Point2, SquareCrop } from '../crop/square-crop';

/**
 * MediaPipe's pose region (pose_detection_to_roi, pose_landmarks_to_roi): centred on the hip
 * centre, side twice the distance to the scale point, enlarged 1.25×, turned so that the hip →
 * scale-point direction points up in the crop (AlignmentPointsRectsCalculator, target angle 90°).
 */
export const POSE_ROI_SCALE = 1.25;

/** Rotation (radians, clockwise on screen as SquareCrop's) that brings `from → to` to straight up. */
export function uprightRotation(from: Point2, to: Point2): number {
  const angle = Math.PI / 2 - Math.atan2(-(to.y - from.y), to.x - from.x);
  // Normalised to (-π, π] as MediaPipe's NormalizeRadians.
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}

/** Both points in image pixels. */
export function poseRoi(hipCenter: Point2, scalePoint: Point2): SquareCrop {
  const radius = Math.hypot(scalePoint.x - hipCenter.x, scalePoint.y - hipCenter.y);
  return { centerX: hipCenter.x, centerY: hipCenter.y, size: 2 * radius * POSE_ROI_SCALE, rotation: uprightRotation(hipCenter, scalePoint) };
}
