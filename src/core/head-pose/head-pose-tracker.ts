import { mat3Buffer } from '../geometry/mat3-kernels';
import { continuousAngles, unwrapAngles } from '../geometry/unwrap';
import { anglesFromYawFirstInto, yawFirstFromAnglesInto } from '../geometry/yaw-first';
import type { FrameObservation } from '../landmarks';
import { HeadPoseEstimator, type BodyHeadReader, type HeadPoseOptions } from './estimate-head-pose';
import { ANGLE_SOURCES, type HeadAngles, type HeadPoseEstimate } from './head-angles';
import { DEFAULT_HEAD_MOTION_GATE, HeadMotionGate, type HeadMotionGateOptions } from './head-motion-gate';
import { HeadSmoother } from './head-smoother';
import { BodyOffsetHandOver } from './body-offset-hand-over';

/** While the face is fully trusted, the body is read on one frame in this many. */
const BODY_SAMPLE_EVERY = 4;
/** Past this |yaw| (the misreading rule's) the body is read on every frame. */
const FAR_TURN_DEG = 45;
/**
 * The face's confidence rises from none to full in no less than this: a face found again after the
 * body carried the head, or one that regains trust at once as a turn comes back inside its range
 * (0.28 → 1 in one frame on the rendered scan 0.48 m off the axis), is let in over this long.
 * Where the two disagree (the body 10–18° off in a deep nod or at the image's edge on the
 * rendered scan), the estimate moves over instead of jumping.
 */
const FACE_RISE_MS = 300;

/**
 * estimateHeadPose over a stream: the face leads while it is seen and inside its range, the body's
 * learned regression carries the turn beyond (fusion.ts); the angles stay continuous across ±90°
 * yaw (Euler twin) and ±180° (unwrap), so a turn past the profile does not jump; and a frame that
 * disagrees with the last believed one by more than a head can move is bridged (HeadMotionGate);
 * the rest are smoothed by how far their source can be trusted (HeadSmoother).
 * Frames must come in time order; reset() between clips or after a long gap.
 */
export class HeadPoseTracker {
  private previousHead: HeadAngles | null = null;
  /** previousHead in yaw-first order, continuous (unwrapped) from frame to frame. */
  private previousYawFirst: HeadAngles | null = null;
  private readonly matrixScratch = mat3Buffer();
  private previousNeck: HeadAngles | null = null;
  private readonly motionGate: HeadMotionGate;
  private readonly estimator: HeadPoseEstimator;
  private readonly bodyOffset = new BodyOffsetHandOver();
  private readonly smoother = new HeadSmoother();
  private frameCount = 0;
  /** The face's confidence as the last frame used it (0 when none was used), and that frame's time. */
  private lastFaceConfidence = 0;
  private lastFaceTMs: number | null = null;

  constructor(
    options: HeadPoseOptions = {},
    gate: HeadMotionGateOptions = DEFAULT_HEAD_MOTION_GATE,
  ) {
    this.estimator = new HeadPoseEstimator(options);
    this.motionGate = new HeadMotionGate(gate);
  }

  update(frame: FrameObservation): HeadPoseEstimate {
    // The body regression is half the estimator's cost. While a fully trusted face carries the
    // head, it is read on every BODY_SAMPLE_EVERY-th frame only (enough for the pitch and roll
    // hand-over's 300 ms running difference), and on every frame once the head is turned far.
    this.frameCount += 1;
    const turnedFar = this.previousHead !== null && Math.abs(this.previousHead.yawDeg) >= FAR_TURN_DEG;
    const bodyOnlyIfNeeded = !turnedFar && this.frameCount % BODY_SAMPLE_EVERY !== 0;
    const { estimate, face, body } = this.estimator.parts(frame, this.bodyOffset.current(), this.previousHead, bodyOnlyIfNeeded, this.faceConfidenceCap(frame.tMs));
    this.lastFaceConfidence = face?.confidence ?? 0;
    this.lastFaceTMs = frame.tMs;
    this.bodyOffset.observe(face, body, frame.tMs);
    // Gate and smoother work in yaw-first angles (geometry/yaw-first.ts): in Atlas' order pitch and
    // roll are arbitrary near a 90° turn, and their swings there tripped the gate and dragged the
    // smoother along the lock's free direction, which became a real error once the head came back.
    const read = estimate.head ? unwrapAngles(this.previousYawFirst, yawFirstFromAnglesInto(this.matrixScratch, estimate.head)) : null;
    // A reading no head could have reached since the last believed one is bridged, not believed.
    const believed = read === null || this.motionGate.admit(read, frame.tMs);
    // Each believed reading is smoothed by how far its source can be trusted (HeadSmoother).
    const faceShare = estimate.source === ANGLE_SOURCES.body ? 0 : estimate.faceConfidence;
    const yawFirst = !believed ? this.previousYawFirst : read ? this.smoother.apply(read, faceShare, frame.tMs) : null;
    const head = !believed ? this.previousHead : yawFirst ? continuousAngles(this.previousHead, anglesFromYawFirstInto(this.matrixScratch, yawFirst)) : null;
    if (yawFirst) this.previousYawFirst = yawFirst;
    const neck = !believed ? this.previousNeck : estimate.neck ? continuousAngles(this.previousNeck, estimate.neck) : null;
    // The believed reading in Atlas' angles (the estimate's own: `read` is it in yaw-first ones), as
    // the twin nearest the smoothed head, so that the two differ by the smoothing alone.
    const unsmoothedHead = believed && estimate.head !== null && head !== null ? continuousAngles(head, estimate.head) : head;
    if (head) this.previousHead = head;
    if (neck) this.previousNeck = neck;
    // Written out rather than `{ ...estimate, head, neck }`: V8's generic spread copy is slow (per frame).
    return {
      tMs: estimate.tMs,
      head,
      unsmoothedHead,
      neck,
      trunk: estimate.trunk,
      confidence: estimate.confidence,
      source: estimate.source,
      faceConfidence: estimate.faceConfidence,
      bodyConfidence: estimate.bodyConfidence,
    };
  }

  /** The most confidence the face may have at `tMs` (FACE_RISE_MS); any from a stream's first frame. */
  private faceConfidenceCap(tMs: number): number {
    if (this.lastFaceTMs === null) return 1;
    return Math.min(1, this.lastFaceConfidence + Math.max(0, tMs - this.lastFaceTMs) / FACE_RISE_MS);
  }

  /** The body is read by `makeReader`'s reader from now on (HeadPoseEstimator.setBodyReader). */
  setBodyReader(makeReader: (() => BodyHeadReader) | null): void {
    this.estimator.setBodyReader(makeReader);
  }

  /** One frame on its own, without the stream's history, which it leaves as it was (a frame that is not the tracked person's). */
  estimateAlone(frame: FrameObservation): HeadPoseEstimate {
    return this.estimator.estimate(frame);
  }

  reset(): void {
    this.previousHead = null;
    this.previousYawFirst = null;
    this.previousNeck = null;
    this.motionGate.reset();
    this.bodyOffset.reset();
    this.smoother.reset();
    this.frameCount = 0;
    this.lastFaceConfidence = 0;
    this.lastFaceTMs = null;
  }
}
