import type { HeadAngles } from './head-angles';

/** One landmarker's reading of the head: its angles (camera space) and a 0..1 trust. */
export interface SourceEstimate {
  readonly angles: HeadAngles;
  readonly confidence: number;
}
