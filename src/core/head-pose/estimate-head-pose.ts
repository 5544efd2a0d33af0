import { relativeAngles, RelativeRotationScratch } from '../geometry/relative-rotation';
import { isUpright, uprightAngles } from '../geometry/unwrap';
import type { FrameObservation, PoseObservation } from '../landmarks';
import type { ImageSize } from './camera-space';
import { facePitchShare } from './face-pitch-share';
import { FaceWorkspace } from './face-workspace';
import { estimateFromFace, type FaceEstimateOptions } from './from-face';
import { fuseHeadSources, NO_OFFSET, type BodyOffset } from './fusion';
import { ANGLE_SOURCES, type HeadAngles, type HeadPoseEstimate } from './head-angles';
import { createPoseHeadRegressor } from './regression/default-pose-head-regressor';
import type { PoseHeadRegressor } from './regression/pose-head-regressor';
import type { SourceEstimate } from './source-estimate';
import { estimateTrunk } from './trunk';
import { armsRaised } from './raised-arms';

/**
 * The body's confidence, beside a seen face, while an elbow is raised. The body network learned
 * the head from the scanned bust, which has no arms: with the arms held out BlazePose moves the
 * shoulder points the network reads, and TF.js's reading over-read a 35° turn by 9–22° (eval:clips,
 * arms-out-head-turns-scan), enough to outweigh a face reading the turn within 4°.
 */
export const RAISED_ARMS_BODY_TRUST = 0.25;

/**
 * Within this pitch and roll (degrees) a reading says the head sits upright on an upright body:
 * the protocol's upright exercises stay inside it (flexion to about −60°, extension to +70°,
 * tilts to 45°); lying on the back with the camera at the side the face reads roll near ±90°.
 */
const UPRIGHT_HEAD_DEG = 75;

/**
 * The body's reading as the Euler twin in which the head sits upright, when the face seen (else
 * the tracker's last angles) says it does. The network's rotation comes out of rotationToAngles with
 * |yaw| ≤ 90°, so a turn past 90° reads as its twin (180° − yaw, pitch and roll near ±180°): the
 * fusion would compare that yaw with the face's, and the hand-over would add its yaw offset the
 * wrong way (with a 4° face − body gap a head at −96° read −100° instead of −92°).
 * Lying, the reference is not upright and the reading is left as it is.
 */
function bodyReadUpright(body: SourceEstimate | null, reference: HeadAngles | null): SourceEstimate | null {
  if (!body || !reference || !isUpright(reference, UPRIGHT_HEAD_DEG)) return body;
  const angles = uprightAngles(body.angles);
  return angles === body.angles ? body : { angles, confidence: body.confidence };
}

/** Reads the head from the body landmarks (by default the learned regression, PoseHeadRegressor). */
export type BodyHeadReader = (pose: PoseObservation, size: ImageSize) => SourceEstimate | null;

export interface HeadPoseOptions {
  readonly face?: Partial<FaceEstimateOptions>;
  /** Makes the body reader (one per tracker); default: the learned regression with MediaPipe's weights. */
  readonly body?: () => BodyHeadReader;
}

/** The regression as a BodyHeadReader (the regressor keeps per-frame buffers: one per reader). */
export function regressionReader(regressor: PoseHeadRegressor = createPoseHeadRegressor()): BodyHeadReader {
  return (pose, size) => regressor.estimate(pose, size);
}

export interface HeadPoseParts {
  readonly estimate: HeadPoseEstimate;
  /** The face as the fusion used it: null when none was seen or it was not believed. */
  readonly face: SourceEstimate | null;
  readonly body: SourceEstimate | null;
}

// The finiteness guards of quality/finite-values.ts (finiteOrNull) written out for the fixed
// shapes met here: the generic one walks every object per frame (docs/performance.md, the pure core).
function allFinite3(a: number, b: number, c: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c);
}

function finiteAngles(angles: HeadAngles): boolean {
  return allFinite3(angles.yawDeg, angles.pitchDeg, angles.rollDeg);
}

/** The estimate itself when its angles and confidence are all finite, otherwise null. */
function finiteSource<T extends SourceEstimate>(estimate: T | null): T | null {
  return estimate && Number.isFinite(estimate.confidence) && finiteAngles(estimate.angles) ? estimate : null;
}

/**
 * The head pose in one frame, with the per-source readings (for HeadPoseTracker): the first face
 * and the first body, fused by confidence; the neck as the head relative to the shoulder line.
 * Owns the per-frame scratch and the body reader: one per tracker, not re-entrant within one.
 */
export class HeadPoseEstimator {
  private readBody: BodyHeadReader;
  private readonly face = new FaceWorkspace();
  private readonly rotationScratch = new RelativeRotationScratch();

  constructor(private readonly options: HeadPoseOptions = {}) {
    this.readBody = options.body ? options.body() : regressionReader();
  }

  /** The body is read by `makeReader`'s reader from now on (null: the options' or the default one). */
  setBodyReader(makeReader: (() => BodyHeadReader) | null): void {
    this.readBody = makeReader ? makeReader() : this.options.body ? this.options.body() : regressionReader();
  }

  /**
   * `offset`: the tracker's pitch and roll hand-over; `previous`: its last angles;
   * `bodyOnlyIfNeeded`: the body is not read when a fully trusted face makes it useless;
   * `faceConfidenceCap` (0..1): the most confidence the face may have on this frame (HeadPoseTracker).
   */
  parts(frame: FrameObservation, offset: BodyOffset = NO_OFFSET, previous: HeadAngles | null = null, bodyOnlyIfNeeded = false, faceConfidenceCap = 1): HeadPoseParts {
    const size: ImageSize = { width: frame.imageWidth, height: frame.imageHeight };
    const faceObservation = frame.faces[0];
    const poseObservation = frame.poses[0];
    // finiteOrNull: garbage input (NaN or huge landmarks, a zero image size) reads as "not seen",
    // so that no NaN reaches the fusion, the estimate or the tracker's history.
    const knownYaw = previous !== null && Number.isFinite(previous.yawDeg) ? previous.yawDeg : null;
    const faceRead = faceObservation ? finiteSource(estimateFromFace(faceObservation, size, this.options.face, this.face, knownYaw)) : null;
    const face = faceRead && faceRead.confidence > faceConfidenceCap ? { angles: faceRead.angles, confidence: faceConfidenceCap } : faceRead;
    // A fully trusted face leaves the body no share of the yaw and gives pitch and roll itself.
    const bodyNeeded = !bodyOnlyIfNeeded || face === null || face.confidence < 1 || facePitchShare(face.angles.pitchDeg) < 1;
    const bodyRead = poseObservation && bodyNeeded ? finiteSource(this.readBody(poseObservation, size)) : null;
    const bodyTrusted = bodyRead && face && poseObservation && armsRaised(poseObservation, size) ? { angles: bodyRead.angles, confidence: bodyRead.confidence * RAISED_ARMS_BODY_TRUST } : bodyRead;
    const body = bodyReadUpright(bodyTrusted, face?.angles ?? previous);
    const trunkEstimate = poseObservation ? estimateTrunk(poseObservation, size) : null;
    const trunk = trunkEstimate && allFinite3(trunkEstimate.yawDeg, trunkEstimate.rollDeg, trunkEstimate.confidence) ? trunkEstimate : null;
    const fusedHead = fuseHeadSources(face, body, offset, previous?.yawDeg ?? null);
    const fused = fusedHead && finiteSource(fusedHead) && Number.isFinite(fusedHead.bodyShare) ? fusedHead : null;
    const neckAngles = fused && trunk ? relativeAngles({ yawDeg: trunk.yawDeg, pitchDeg: 0, rollDeg: trunk.rollDeg }, fused.angles, this.rotationScratch) : null;
    const neck = neckAngles && finiteAngles(neckAngles) ? neckAngles : null;
    const estimate: HeadPoseEstimate = {
      tMs: frame.tMs,
      head: fused?.angles ?? null,
      neck,
      trunk: trunk ? { yawDeg: trunk.yawDeg, rollDeg: trunk.rollDeg } : null,
      confidence: fused?.confidence ?? 0,
      source: fused?.source ?? ANGLE_SOURCES.none,
      faceConfidence: face?.confidence ?? 0,
      bodyConfidence: body?.confidence ?? 0,
    };
    return { estimate, face: fused ? fused.face : face, body };
  }

  /** One frame on its own (no history). */
  estimate(frame: FrameObservation): HeadPoseEstimate {
    return this.parts(frame).estimate;
  }
}

/**
 * The head pose in a single image: a HeadPoseEstimator of its own (a stream wants one estimator,
 * or a HeadPoseTracker, for all its frames).
 */
export function estimateHeadPose(frame: FrameObservation, options: HeadPoseOptions = {}): HeadPoseEstimate {
  return new HeadPoseEstimator(options).estimate(frame);
}
