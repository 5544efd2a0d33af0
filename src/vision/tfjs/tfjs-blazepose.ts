import type { PoseObservation } from '../../core/landmarks';
import type { LandmarkerImage } from '../landmarkers';
import { bestPoseDetection, poseDetectorAnchors, POSE_DETECTOR_INPUT_SIZE } from './blazepose-detector-decoder';
import { decodePoseLandmarks, POSE_LANDMARK_INPUT_SIZE } from './blazepose-landmark-decoder';
import { CropCanvas, imageSize } from '../crop/crop-canvas';
import { poseRoi } from './pose-roi';
import type { Anchor } from './ssd-anchors';
import type { SquareCrop } from '../crop/square-crop';
import { runDetector, runLandmarkModel, type TwoStageModels } from './graph-runs';

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
    private readonly models: TwoStageModels,
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
    const { raw, toImage } = runDetector(this.models, this.detectorCanvas, image, width, height);
    const person = bestPoseDetection(raw, this.anchors, MIN_POSE_DETECTION_SCORE);
    return person === null ? null : poseRoi(toImage(person.hipCenter), toImage(person.fullBodyScale));
  }

  private landmarksIn(image: LandmarkerImage, crop: SquareCrop, width: number, height: number): ReturnType<typeof decodePoseLandmarks> | null {
    const [ld, flag, world] = runLandmarkModel(this.models, this.landmarkCanvas, image, crop, LANDMARK_OUTPUTS) as [Float32Array, Float32Array, Float32Array];
    // Already a probability: the graph ends its pose-flag head with a Sigmoid.
    const presence = flag[0] as number;
    if (presence < MIN_POSE_PRESENCE) return null;
    return decodePoseLandmarks(ld, world, crop, width, height);
  }
}
