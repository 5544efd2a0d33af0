import { estimateHeadPose } from '../../src/core/head-pose/estimate-head-pose';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { HeadPoseTracker } from '../../src/core/head-pose/head-pose-tracker';
import type { FrameObservation } from '../../src/core/landmarks';

/** What the pure core says about one frame. */
export interface CoreFrameResult {
  readonly face: boolean;
  readonly pose: boolean;
  /** Fused head angles relative to the camera (convention: head-angles.ts); null when no head. */
  readonly angles: HeadAngles | null;
}

/** The pure core for one file, fed frame by frame in presentation order (runs in Node). */
export interface CoreFileRunner {
  frame(observation: FrameObservation): CoreFrameResult;
}

function presence(observation: FrameObservation): Pick<CoreFrameResult, 'face' | 'pose'> {
  return { face: observation.faces.length > 0, pose: observation.poses.length > 0 };
}

/** An image: the single-frame estimator. A video: the tracker (previous angles seed the next fit). */
export function createCoreFileRunner(kind: 'image' | 'video'): CoreFileRunner {
  if (kind === 'image') {
    return { frame: (observation) => ({ ...presence(observation), angles: estimateHeadPose(observation).head }) };
  }
  const tracker = new HeadPoseTracker();
  return { frame: (observation) => ({ ...presence(observation), angles: tracker.update(observation).head }) };
}
