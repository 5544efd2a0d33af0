import type * as tfTypes from '@tensorflow/tfjs';
import type { PoseObservation } from '../../core/landmarks';
import type { LandmarkerImage } from '../landmarkers';
import { bestPoseDetection, poseDetectorAnchors, POSE_DETECTOR_INPUT_SIZE } from './blazepose-detector-decoder';
import { decodePoseLandmarks, POSE_LANDMARK_INPUT_SIZE } from './blazepose-landmark-decoder';
import { CropCanvas, imageSize } from './crop-canvas';
import { poseRoi } from './pose-roi';
import type { Anchor } from './ssd-anchors';
import { cropToImage, letterboxCrop, type SquareCrop } from './square-crop';

type Tf = typeof tfTypes;

/** MediaPipe pose landmarker's defaults (min_pose_detection_confidence, min_pose_presence_confidence). */
export const MIN_POSE_DETECTION_SCORE = 0.5;
export const MIN_POSE_PRESENCE = 0.5;
/** The landmark model's outputs by their converted names: ld_3d, output_poseflag, world_3d. */
const LANDMARK_OUTPUTS = ['Identity_2:0', 'Identity_3:0', 'Identity_4:0'];

/**
 * BlazePose on TF.js as MediaPipe's pose landmarker runs it: the pose detector finds the person and
 * the landmark model gives 33 points with depth and world landmarks in a crop turned upright; later
 * frames reuse the region the previous landmarks give (ROI tracking), and the detector runs again
 * when the landmark model loses the body. One person.
 */
export class BlazePoseRunner {
  private readonly detectorCanvas = new CropCanvas(POSE_DETECTOR_INPUT_SIZE);
  private readonly landmarkCanvas = new CropCanvas(POSE_LANDMARK_INPUT_SIZE);
  private readonly anchors: readonly Anchor[] = poseDetectorAnchors();
  private tracked: SquareCrop | null = null;

  constructor(
    private readonly tf: Tf,
    private readonly detector: tfTypes.GraphModel,
    private readonly landmarks: tfTypes.GraphModel,
    /** false: run the detector on every frame (IMAGE-like). */
    private readonly tracking: boolean,
  ) {}

  resetTracking(): void {
    this.tracked = null;
  }

  detect(image: LandmarkerImage): PoseObservation[] {
    const { width, height } = imageSize(image);
    const tracked = this.tracking ? this.tracked : null;
    let pose = tracked ? this.landmarksIn(image, tracked, width, height) : null;
    if (pose === null) {
      const found = this.detectPerson(image, width, height);
      pose = found ? this.landmarksIn(image, found, width, height) : null;
    }
    this.tracked = pose?.nextRoi ?? null;
    return pose ? [pose.observation] : [];
  }

  private detectPerson(image: LandmarkerImage, width: number, height: number): SquareCrop | null {
    const letterbox = letterboxCrop(width, height);
    const pixels = this.detectorCanvas.read(image, letterbox);
    const output = this.tf.tidy(() => {
      // MediaPipe's detectors take pixels scaled to [-1, 1].
      const input = this.tf.browser.fromPixels(pixels, 3).toFloat().div(127.5).sub(1).expandDims(0);
      return this.detector.execute(input) as tfTypes.Tensor;
    });
    const raw = output.dataSync() as Float32Array;
    output.dispose();
    const person = bestPoseDetection(raw, this.anchors, MIN_POSE_DETECTION_SCORE);
    if (person === null) return null;
    const toImage = (p: Anchor): Anchor => cropToImage(letterbox, POSE_DETECTOR_INPUT_SIZE, { x: p.x * POSE_DETECTOR_INPUT_SIZE, y: p.y * POSE_DETECTOR_INPUT_SIZE });
    return poseRoi(toImage(person.hipCenter), toImage(person.fullBodyScale));
  }

  private landmarksIn(image: LandmarkerImage, crop: SquareCrop, width: number, height: number): ReturnType<typeof decodePoseLandmarks> | null {
    const pixels = this.landmarkCanvas.read(image, crop);
    const outputs = this.tf.tidy(() => {
      // MediaPipe's landmark models take pixels scaled to [0, 1].
      const input = this.tf.browser.fromPixels(pixels, 3).toFloat().div(255).expandDims(0);
      return this.landmarks.execute(input, LANDMARK_OUTPUTS) as tfTypes.Tensor[];
    });
    const [ldTensor, flagTensor, worldTensor] = outputs as [tfTypes.Tensor, tfTypes.Tensor, tfTypes.Tensor];
    // Already a probability: the graph ends its pose-flag head with a Sigmoid.
    const presence = flagTensor.dataSync()[0] as number;
    const ld = ldTensor.dataSync() as Float32Array;
    const world = worldTensor.dataSync() as Float32Array;
    for (const t of outputs) t.dispose();
    if (presence < MIN_POSE_PRESENCE) return null;
    return decodePoseLandmarks(ld, world, crop, width, height);
  }
}
