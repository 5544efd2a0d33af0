import type { FaceSeed } from '../face-seed';
import type { SquareCrop } from './square-crop';

/**
 * The crop the face detector looks at around a body's face points: their bounding box, squared on
 * its long side and enlarged 3× (MediaPipe Holistic's face_landmarks_from_pose_to_recrop_roi), so
 * that a face turned or tilted past the points still fits; upright (the detector reads a rolled face).
 * Image pixels; null when the points are degenerate (all in one spot).
 */
export const SEED_CROP_SCALE = 3;
/** Below this long side (pixels) the points say nothing of where the face is. */
const MIN_SEED_SPAN_PX = 2;

export function seedCrop(seed: FaceSeed, width: number, height: number): SquareCrop | null {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of seed.points) {
    minX = Math.min(minX, p.x * width);
    maxX = Math.max(maxX, p.x * width);
    minY = Math.min(minY, p.y * height);
    maxY = Math.max(maxY, p.y * height);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  if (!(span >= MIN_SEED_SPAN_PX)) return null;
  return { centerX: (minX + maxX) / 2, centerY: (minY + maxY) / 2, size: span * SEED_CROP_SCALE, rotation: 0 };
}
