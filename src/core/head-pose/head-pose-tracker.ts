import { continuousAngles } from '../geometry/unwrap';
import type { FrameObservation } from '../landmarks';
import { estimateHeadPoseParts, regressionReader, type BodyHeadReader, type HeadPoseOptions } from './estimate-head-pose';
import type { HeadAngles, HeadPoseEstimate } from './head-angles';
import { DEFAULT_HEAD_MOTION_GATE, HeadMotionGate, type HeadMotionGateOptions } from './head-motion-gate';
import { PitchRollHandOver } from './pitch-roll-hand-over';

/**
 * estimateHeadPose over a stream: the face leads while it is seen and inside its range, the body's
 * learned regression carries the turn beyond (fusion.ts); the angles stay continuous across ±90°
 * yaw (Euler twin) and ±180° (unwrap), so a turn past the profile does not jump; and a frame that
 * disagrees with the last believed one by more than a head can move is bridged (HeadMotionGate).
 * Frames must come in time order; reset() between clips or after a long gap.
 */
export class HeadPoseTracker {
  private previousHead: HeadAngles | null = null;
  private previousNeck: HeadAngles | null = null;
  private readonly motionGate: HeadMotionGate;
  private readonly readBody: BodyHeadReader;
  private readonly pitchRoll = new PitchRollHandOver();

  constructor(
    private readonly options: HeadPoseOptions = {},
    gate: HeadMotionGateOptions = DEFAULT_HEAD_MOTION_GATE,
  ) {
    this.readBody = options.body ? options.body() : regressionReader();
    this.motionGate = new HeadMotionGate(gate);
  }

  update(frame: FrameObservation): HeadPoseEstimate {
    const { estimate, face, body } = estimateHeadPoseParts(frame, this.options, this.readBody, this.pitchRoll.current(), this.previousHead);
    this.pitchRoll.observe(face, body, frame.tMs);
    const read = estimate.head ? continuousAngles(this.previousHead, estimate.head) : null;
    // A reading no head could have reached since the last believed one is bridged, not believed.
    const believed = read === null || this.motionGate.admit(read, frame.tMs);
    const head = believed ? read : this.previousHead;
    const neck = !believed ? this.previousNeck : estimate.neck ? continuousAngles(this.previousNeck, estimate.neck) : null;
    if (head) this.previousHead = head;
    if (neck) this.previousNeck = neck;
    // Written out rather than `{ ...estimate, head, neck }`: V8's generic spread copy is slow (per frame).
    return {
      tMs: estimate.tMs,
      head,
      neck,
      trunk: estimate.trunk,
      confidence: estimate.confidence,
      source: estimate.source,
      faceConfidence: estimate.faceConfidence,
      bodyConfidence: estimate.bodyConfidence,
    };
  }

  reset(): void {
    this.previousHead = null;
    this.previousNeck = null;
    this.motionGate.reset();
    this.pitchRoll.reset();
  }
}
