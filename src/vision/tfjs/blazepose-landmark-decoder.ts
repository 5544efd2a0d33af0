import type { Landmark, PoseObservation } from '../../core/landmarks';
import { poseRoi } from './pose-roi';
import { cropToImage, type Point2, type SquareCrop } from '../crop/square-crop';

/**
 * Decoding of MediaPipe's pose landmark model (BlazePose GHUM lite/full/heavy, 256×256 input) as
 * converted to TF.js: `ld_3d` [195] = 39 × (x, y, z, visibility logit, presence logit) with x, y, z
 * in input pixels (z: depth relative to the hips, same scale as x, smaller = nearer the camera);
 * `world_3d` [117] = 39 × (x, y, z) in metres, origin between the hips, in the crop's orientation.
 * Points 0..32 are BlazePose's; 33 and 34 are the auxiliary hip centre and scale point that give
 * the next frame's region (MediaPipe's tensors_to_landmarks and landmark projection options).
 */
export const POSE_LANDMARK_INPUT_SIZE = 256;
export const POSE_MODEL_POINTS = 39;
export const BLAZEPOSE_POINTS = 33;
const AUX_HIP_CENTER = 33;
const AUX_SCALE_POINT = 34;
const LD_VALUES = 5;
const WORLD_VALUES = 3;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface DecodedPose {
  readonly observation: PoseObservation;
  /** The region to run the landmark model on in the next frame (ROI tracking). */
  readonly nextRoi: SquareCrop;
}

/**
 * The model's outputs for `crop` (image pixels) → 33 landmarks normalised to the image (z in image
 * widths, as MediaPipe's), 33 world landmarks turned back upright by the crop's rotation, and the
 * next frame's region from the auxiliary points.
 */
export function decodePoseLandmarks(ld: Float32Array, world: Float32Array | null, crop: SquareCrop, imageWidth: number, imageHeight: number): DecodedPose {
  if (ld.length !== POSE_MODEL_POINTS * LD_VALUES) throw new RangeError(`expected ${POSE_MODEL_POINTS} × ${LD_VALUES} values, got ${ld.length}`);
  if (world !== null && world.length !== POSE_MODEL_POINTS * WORLD_VALUES) {
    throw new RangeError(`expected ${POSE_MODEL_POINTS} × ${WORLD_VALUES} world values, got ${world.length}`);
  }
  const zScale = crop.size / POSE_LANDMARK_INPUT_SIZE / imageWidth;
  const inImage = (i: number): Point2 => cropToImage(crop, POSE_LANDMARK_INPUT_SIZE, { x: ld[i * LD_VALUES] as number, y: ld[i * LD_VALUES + 1] as number });
  const landmarks: Landmark[] = [];
  for (let i = 0; i < BLAZEPOSE_POINTS; i++) {
    const p = inImage(i);
    landmarks.push({ x: p.x / imageWidth, y: p.y / imageHeight, z: (ld[i * LD_VALUES + 2] as number) * zScale, visibility: sigmoid(ld[i * LD_VALUES + 3] as number) });
  }
  let worldLandmarks: Landmark[] | null = null;
  if (world !== null) {
    const cos = Math.cos(crop.rotation);
    const sin = Math.sin(crop.rotation);
    worldLandmarks = [];
    for (let i = 0; i < BLAZEPOSE_POINTS; i++) {
      const x = world[i * WORLD_VALUES] as number;
      const y = world[i * WORLD_VALUES + 1] as number;
      worldLandmarks.push({ x: cos * x - sin * y, y: sin * x + cos * y, z: world[i * WORLD_VALUES + 2] as number, visibility: (landmarks[i] as Landmark).visibility });
    }
  }
  return { observation: { landmarks, worldLandmarks }, nextRoi: poseRoi(inImage(AUX_HIP_CENTER), inImage(AUX_SCALE_POINT)) };
}
