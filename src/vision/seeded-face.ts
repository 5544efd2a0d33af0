import type { FaceLandmarker } from '@mediapipe/tasks-vision';
import type { FaceObservation } from '../core/landmarks';
import { POINT_STRIDE } from '../core/packed-points';
import { CropCanvas, imageSize } from './crop/crop-canvas';
import { seedCrop } from './crop/seed-crop';
import { cropToImage, type SquareCrop } from './crop/square-crop';
import type { FaceSeed } from './face-seed';
import type { LandmarkerImage } from './landmarkers';
import { faceDetectionFromResult } from './to-observation';

/** Side of the square the crop is drawn at: the face landmarker's own mesh input (256). */
export const SEEDED_CROP_PX = 256;

/**
 * A face found in `crop` (drawn at SEEDED_CROP_PX, points normalised to it) in the frame's
 * normalised coordinates: x, y through the crop, z (crop widths) scaled to frame widths; no matrix.
 */
export function faceInFrame(face: FaceObservation, crop: SquareCrop, width: number, height: number): FaceObservation {
  const zScale = crop.size / width;
  const from = face.points;
  const points = new Float32Array(from.length - (from.length % POINT_STRIDE));
  for (let i = 0; i < points.length; i += POINT_STRIDE) {
    const q = cropToImage(crop, SEEDED_CROP_PX, { x: (from[i] as number) * SEEDED_CROP_PX, y: (from[i + 1] as number) * SEEDED_CROP_PX });
    points[i] = q.x / width;
    points[i + 1] = q.y / height;
    points[i + 2] = (from[i + 2] as number) * zScale;
  }
  return { points, matrix: null };
}

/**
 * Two crops close enough that the face landmarker tracking a face in one may keep to it: centres
 * within HOLD_SHIFT of its side, sides within HOLD_SCALE of each other, so that the crop does not
 * jump under a tracked face with each new body's jitter. (What lost the face on one live frame in
 * four, far-face.spec: 47 faces in 63 frames, was a frame lent no body; holding the crop alone
 * gave 49 in 67; the crop the face was last found in serving such frames, 77 in 77.)
 */
const HOLD_SHIFT = 1 / 8;
const HOLD_SCALE = 1.25;

export function closeCrops(held: SquareCrop, next: SquareCrop): boolean {
  const shift = Math.hypot(next.centerX - held.centerX, next.centerY - held.centerY);
  const ratio = next.size / held.size;
  return shift <= HOLD_SHIFT * held.size && ratio <= HOLD_SCALE && ratio >= 1 / HOLD_SCALE;
}

/**
 * MediaPipe's face landmarker on a crop around the body's face points (face-seed.ts), for a frame
 * in which it found no face: a face too small for its detector on the whole frame is a third of
 * the crop. It has a FaceLandmarker of its own: VIDEO mode keeps tracking state per stream, and
 * the crop's stream is not the frame's. The points are mapped back to the frame (z in the frame's
 * widths, as the landmarker gives it); no matrix, since MediaPipe's would be that of a camera
 * looking at the crop: the head-pose estimator fits the landmarks instead, as it does for TF.js.
 */
export class SeededFaceLandmarker {
  private readonly canvas = new CropCanvas(SEEDED_CROP_PX);
  /** The crop the face was last found in: kept while the body's face points stay near it. */
  private held: SquareCrop | null = null;

  constructor(private readonly task: FaceLandmarker) {}

  /**
   * The face in the crop around `seed`, or without one in the crop it was last found in (the live
   * coach lends a frame the last body for 250 ms at most, and the face runs before the frame's own
   * body); none when there is no crop or no face in it.
   */
  detect(image: LandmarkerImage, timestampMs: number, seed: FaceSeed | null): FaceObservation[] {
    const { width, height } = imageSize(image);
    const around = seed ? seedCrop(seed, width, height) : null;
    const crop = around === null ? this.held : this.held && closeCrops(this.held, around) ? this.held : around;
    if (crop === null) return [];
    const pixels = this.canvas.read(image, crop);
    const found = faceDetectionFromResult(this.task.detectForVideo(pixels, timestampMs));
    const faces = found.kind === 'face' ? found.faces.map((face) => faceInFrame(face, crop, width, height)) : [];
    this.held = faces.length > 0 ? crop : null;
    return faces;
  }

  /** The next frame starts a new stream: nothing is held from this one. */
  reset(): void {
    this.held = null;
  }

  close(): void {
    this.task.close();
  }
}
