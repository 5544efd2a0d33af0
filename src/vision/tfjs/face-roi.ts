import type { Point2, SquareCrop } from '../crop/square-crop';

/**
 * MediaPipe's face-mesh region: the face box enlarged 1.5× and made square, turned so the eyes are
 * level (face_detection_front_detection_to_roi / face_landmarks_to_roi in MediaPipe's graphs).
 */
export const FACE_ROI_SCALE = 1.5;

/** Angle of the line from the subject's right eye to their left eye (radians, y down). */
export function eyeLineRotation(rightEye: Point2, leftEye: Point2): number {
  return Math.atan2(leftEye.y - rightEye.y, leftEye.x - rightEye.x);
}

/** A detector box (image pixels, axis-aligned) and its eye keypoints → the mesh's crop. */
export function roiFromBox(box: { readonly centerX: number; readonly centerY: number; readonly width: number; readonly height: number }, rightEye: Point2, leftEye: Point2): SquareCrop {
  return { centerX: box.centerX, centerY: box.centerY, size: Math.max(box.width, box.height) * FACE_ROI_SCALE, rotation: eyeLineRotation(rightEye, leftEye) };
}

/**
 * The next frame's crop from this frame's mesh (ROI tracking, no detector): the box of the points
 * in the frame turned by the eye line, enlarged and squared.
 */
export function roiFromLandmarks(points: readonly Point2[], rightEye: Point2, leftEye: Point2): SquareCrop {
  const rotation = eyeLineRotation(rightEye, leftEye);
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const p of points) {
    const u = cos * p.x + sin * p.y;
    const v = -sin * p.x + cos * p.y;
    minU = Math.min(minU, u);
    maxU = Math.max(maxU, u);
    minV = Math.min(minV, v);
    maxV = Math.max(maxV, v);
  }
  const midU = (minU + maxU) / 2;
  const midV = (minV + maxV) / 2;
  return {
    centerX: cos * midU - sin * midV,
    centerY: sin * midU + cos * midV,
    size: Math.max(maxU - minU, maxV - minV) * FACE_ROI_SCALE,
    rotation,
  };
}
