import type { HeadPoseOptions } from '../head-pose/estimate-head-pose';
import { FaceWorkspace } from '../head-pose/face-workspace';
import { estimateFromFace, type FaceEstimateOptions } from '../head-pose/from-face';
import type { FrameObservation } from '../landmarks';
import { CAMERA_SIDES, type CameraSide } from '../protocol/camera-side';
import type { ExerciseSample } from '../reps/exercise-sample';

/**
 * Face down, a camera on the floor at one side, the frame turned a quarter turn so that the head
 * is up (face detectors expect an upright face; src/vision/head-up-source.ts): how far the face has
 * turned toward the camera, 90 − |the face's yaw to the camera|, signed + when the camera is at the
 * subject's left (a turn to the left, yaw > 0 in the house convention) and − at the right. Face down
 * no face is found: 0, the normal start, not an absence. The face's own reading on each frame, no
 * neutral and no smoothing: that is what was measured on the rendered clips (docs/clipgen.md, face
 * down; `npm run check:prone-trace`): at 1 m an 80° turn reads 25–26° from facing the camera, a
 * 40° one 50–53° or no face.
 */
export class TowardCameraReader {
  private readonly faceOptions: Partial<FaceEstimateOptions>;
  private readonly faceWorkspace = new FaceWorkspace();
  /** The two readings before this frame's (the median of three). */
  private before: [number, number] = [0, 0];

  constructor(headPose: HeadPoseOptions = {}) {
    this.faceOptions = headPose.face ?? {};
  }

  /**
   * The median of this frame's reading and the two before: a face found on one frame only (or
   * missed on one frame mid-turn) neither starts nor ends a turn. On the rendered 1 m clips MediaPipe
   * found the face on single frames of the stopped-short turns and lost it for one frame within full
   * ones: without the median, 5 more turns "not far enough" than the clips' stopped-short turns
   * (MediaPipe 4, TF.js 1; two of them inside an exact clip), with it none, the counts as exact.
   */
  read(frame: FrameObservation, side: CameraSide): number {
    const raw = this.rawReading(frame);
    const [a, b] = this.before;
    this.before = [b, raw];
    const median = Math.max(Math.min(a, b), Math.min(Math.max(a, b), raw));
    return side === CAMERA_SIDES.left ? median : 0 - median; // not -median: no -0 face down
  }

  /** From the next frame on, a new stream (another side, another exercise). */
  reset(): void {
    this.before = [0, 0];
  }

  private rawReading(frame: FrameObservation): number {
    const face = frame.faces[0];
    if (frame.faces.length !== 1 || face === undefined) return 0;
    // The face alone: the body network and the fusion read nothing meaningful on a head-up frame of a body lying face down.
    const yaw = estimateFromFace(face, { width: frame.imageWidth, height: frame.imageHeight }, this.faceOptions, this.faceWorkspace)?.angles.yawDeg;
    if (yaw === undefined || !Number.isFinite(yaw)) return 0;
    return Math.max(0, 90 - Math.abs(yaw));
  }
}

/**
 * What the engine sees of a frame face down: always present (no face is the normal start, not the
 * person leaving: no "left the frame" pause), full confidence, one reading, no head angles (the
 * body network reads nothing meaningful on a head-up frame of a body lying face down).
 */
export function towardCameraSample(sample: Pick<ExerciseSample, 'tMs' | 'imageAspect'>, towardCameraDeg: number): ExerciseSample {
  return {
    tMs: sample.tMs,
    present: true,
    angles: null,
    velocity: null,
    confidence: 1,
    pose: null,
    imageAspect: sample.imageAspect,
    towardCameraDeg,
  };
}
