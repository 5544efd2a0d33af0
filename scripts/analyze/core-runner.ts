import { matrixToAngles } from '../../src/core/geometry/euler';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import type { FrameObservation } from '../../src/core/landmarks';

/** What the pure core says about one frame. */
export interface CoreFrameResult {
  readonly face: boolean;
  readonly pose: boolean;
  readonly angles: HeadAngles | null;
}

/** The pure core for one file, fed frame by frame in presentation order (runs in Node). */
export interface CoreFileRunner {
  frame(observation: FrameObservation): CoreFrameResult;
}

/**
 * TEMPORARY until the fused estimator (estimateHeadPose / FrameProcessor) is committed: the raw
 * face-matrix angles.
 */
export function createCoreFileRunner(_kind: 'image' | 'video'): CoreFileRunner {
  return {
    frame(observation) {
      const matrix = observation.faces[0]?.matrix ?? null;
      return {
        face: observation.faces.length > 0,
        pose: observation.poses.length > 0,
        angles: matrix ? matrixToAngles(matrix) : null,
      };
    },
  };
}
