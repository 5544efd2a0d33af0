import type * as tfTypes from '@tensorflow/tfjs';
import type { LandmarkerImage } from '../landmarkers';
import type { CropCanvas } from '../crop/crop-canvas';
import { cropToImage, letterboxCrop, type Point2, type SquareCrop } from '../crop/square-crop';

/** MediaPipe's two stages on TF.js: a detector over the whole image, a landmark model on the region it finds. */
export interface TwoStageModels {
  readonly tf: typeof tfTypes;
  readonly detector: tfTypes.GraphModel;
  readonly landmarks: tfTypes.GraphModel;
}

export interface DetectorRun {
  /** The detector's raw output (SSD boxes and scores, one row per anchor). */
  readonly raw: Float32Array;
  /** What the detector looked at: the whole image letterboxed into its square input, or a crop. */
  readonly region: SquareCrop;
  /** A point in the detector's normalised input coordinates (0..1) → image pixels. */
  readonly toImage: (p: Point2) => Point2;
}

/** Runs a MediaPipe detector (pixels scaled to [-1, 1]) on the whole image, letterboxed, or on `region`. */
export function runDetector(
  { tf, detector }: TwoStageModels,
  canvas: CropCanvas,
  image: LandmarkerImage,
  width: number,
  height: number,
  region: SquareCrop = letterboxCrop(width, height),
): DetectorRun {
  const pixels = canvas.read(image, region);
  const output = tf.tidy(() => {
    const input = tf.browser.fromPixels(pixels, 3).toFloat().div(127.5).sub(1).expandDims(0);
    return detector.execute(input) as tfTypes.Tensor;
  });
  const raw = output.dataSync() as Float32Array;
  output.dispose();
  const size = canvas.inputSize;
  return { raw, region, toImage: (p) => cropToImage(region, size, { x: p.x * size, y: p.y * size }) };
}

/** Runs a MediaPipe landmark model (pixels scaled to [0, 1]) on a crop: the data of the named outputs, in order. */
export function runLandmarkModel(
  { tf, landmarks }: TwoStageModels,
  canvas: CropCanvas,
  image: LandmarkerImage,
  crop: SquareCrop,
  outputNames: readonly string[],
): Float32Array[] {
  const pixels = canvas.read(image, crop);
  const outputs = tf.tidy(() => {
    const input = tf.browser.fromPixels(pixels, 3).toFloat().div(255).expandDims(0);
    return landmarks.execute(input, [...outputNames]) as tfTypes.Tensor[];
  });
  const data = outputs.map((t) => t.dataSync() as Float32Array);
  for (const t of outputs) t.dispose();
  return data;
}
