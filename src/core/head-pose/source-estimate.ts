import type { Mat3 } from '../geometry/mat3';
import type { HeadAngles } from './head-angles';

/** One landmarker's reading of the head: its rotation (camera space), the angles, and a 0..1 trust. */
export interface SourceEstimate {
  readonly rotation: Mat3;
  readonly angles: HeadAngles;
  readonly confidence: number;
}
