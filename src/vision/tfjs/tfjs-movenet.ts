import type * as tfTypes from '@tensorflow/tfjs';
import type { PoseObservation } from '../../core/landmarks';
import type { LandmarkerImage } from '../landmarkers';
import { CropCanvas, imageSize } from './crop-canvas';
import { movenetToBlazePose, type ScoredPoint } from './movenet-to-blazepose';
import { cropToImage, letterboxCrop } from './square-crop';

type Tf = typeof tfTypes;

export const MOVENET_INPUT_SIZE = 192;
/** Mean keypoint score under which MoveNet is taken to see nobody (its single-pose output always has 17 points). */
export const MOVENET_MIN_MEAN_SCORE = 0.2;

/** MoveNet single-pose lightning on the letterboxed frame: at most one body, 33-point layout. */
export class MovenetRunner {
  private readonly canvas = new CropCanvas(MOVENET_INPUT_SIZE);

  constructor(
    private readonly tf: Tf,
    private readonly model: tfTypes.GraphModel,
  ) {}

  detect(image: LandmarkerImage): PoseObservation[] {
    const { width, height } = imageSize(image);
    const crop = letterboxCrop(width, height);
    const pixels = this.canvas.read(image, crop);
    const output = this.tf.tidy(() => {
      const input = this.tf.browser.fromPixels(pixels, 3).toInt().expandDims(0);
      return this.model.execute(input) as tfTypes.Tensor;
    });
    const values = output.dataSync();
    output.dispose();
    const keypoints: ScoredPoint[] = [];
    let scoreSum = 0;
    for (let k = 0; k < 17; k++) {
      // MoveNet gives (y, x, score), normalised to its square input.
      const y = (values[3 * k] as number) * MOVENET_INPUT_SIZE;
      const x = (values[3 * k + 1] as number) * MOVENET_INPUT_SIZE;
      const score = values[3 * k + 2] as number;
      const p = cropToImage(crop, MOVENET_INPUT_SIZE, { x, y });
      keypoints.push({ x: p.x / width, y: p.y / height, score });
      scoreSum += score;
    }
    if (scoreSum / 17 < MOVENET_MIN_MEAN_SCORE) return [];
    return [{ landmarks: movenetToBlazePose(keypoints), worldLandmarks: null }];
  }
}
