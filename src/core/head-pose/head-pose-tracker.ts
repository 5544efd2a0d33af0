import { continuousAngles } from '../geometry/unwrap';
import type { FrameObservation } from '../landmarks';
import { estimateHeadPose, type HeadPoseOptions } from './estimate-head-pose';
import type { HeadAngles, HeadPoseEstimate } from './head-angles';

/**
 * estimateHeadPose over a stream: seeds each body fit with the previous angles, and keeps the
 * angles continuous across ±90° yaw (Euler twin) and ±180° (unwrap), so a turn past the profile
 * does not jump. Frames must come in time order; reset() between clips or after a long gap.
 */
export class HeadPoseTracker {
  private previousHead: HeadAngles | null = null;
  private previousNeck: HeadAngles | null = null;

  constructor(private readonly options: HeadPoseOptions = {}) {}

  update(frame: FrameObservation): HeadPoseEstimate {
    const estimate = estimateHeadPose(frame, this.options, this.previousHead);
    const head = estimate.head ? continuousAngles(this.previousHead, estimate.head) : null;
    const neck = estimate.neck ? continuousAngles(this.previousNeck, estimate.neck) : null;
    if (head) this.previousHead = head;
    if (neck) this.previousNeck = neck;
    return { ...estimate, head, neck };
  }

  reset(): void {
    this.previousHead = null;
    this.previousNeck = null;
  }
}
