import { continuousAngles } from '../geometry/unwrap';
import type { FrameObservation } from '../landmarks';
import { BodyAlignment, DEFAULT_BODY_ALIGNMENT, type BodyAlignmentOptions } from './body-alignment';
import { estimateHeadPoseParts, type BodyHeadReader, type HeadPoseOptions } from './estimate-head-pose';
import type { HeadAngles, HeadPoseEstimate } from './head-angles';
import { DEFAULT_HEAD_MOTION_GATE, HeadMotionGate } from './head-motion-gate';
import type { SourceEstimate } from './source-estimate';

/**
 * estimateHeadPose over a stream: seeds each body fit with the previous angles, aligns the body's
 * reading to the face's while the face is trusted (BodyAlignment), and keeps the
 * angles continuous across ±90° yaw (Euler twin) and ±180° (unwrap), so a turn past the profile
 * does not jump; a frame that disagrees with the last believed one by more than a head can move
 * is bridged (HeadMotionGate). Frames must come in time order; reset() between clips or after a long gap.
 */
export class HeadPoseTracker {
  private previousHead: HeadAngles | null = null;
  private previousNeck: HeadAngles | null = null;

  private readonly bodyAlignment: BodyAlignment;
  private readonly motionGate = new HeadMotionGate(DEFAULT_HEAD_MOTION_GATE);
  /** Bound once, not a closure per frame. */
  private readonly alignBody = (body: SourceEstimate): SourceEstimate => this.bodyAlignment.apply(body);

  constructor(
    private readonly options: HeadPoseOptions = {},
    alignment: BodyAlignmentOptions = DEFAULT_BODY_ALIGNMENT,
    private readonly readBody: BodyHeadReader | null = null,
  ) {
    this.bodyAlignment = new BodyAlignment(alignment);
  }

  update(frame: FrameObservation): HeadPoseEstimate {
    const hint = this.previousHead ? this.bodyAlignment.unapply(this.previousHead) : null;
    const { estimate, face, rawBody } = estimateHeadPoseParts(frame, this.options, hint, this.alignBody, this.readBody);
    this.bodyAlignment.observe(face, rawBody, frame.tMs);
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
    this.bodyAlignment.reset();
    this.motionGate.reset();
  }
}
