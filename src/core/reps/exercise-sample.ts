import type { HeadAngles, TrunkAngles } from '../head-pose/head-angles';
import type { Landmark } from '../landmarks';

/**
 * What the exercise engine sees per frame: angles already relative to the user's calibrated
 * neutral, smoothed, with angular velocity; plus the body landmarks for arm/shoulder exercises.
 * Produced by the session from a HeadPoseEstimate and a PoseObservation.
 */
export interface ExerciseSample {
  readonly tMs: number;
  /** False when no person (or more than one) is usable in this frame: counters must pause. */
  readonly present: boolean;
  /**
   * The neck's angles relative to the calibrated neutral: the head's, less any turn or tilt of the
   * trunk since neutral (convention: head-angles.ts); null when not found.
   */
  readonly angles: HeadAngles | null;
  /**
   * `angles` before the causal smoothing (the head tracker's and the One Euro filter's): what a
   * finished rep's speed and smoothness are measured on, smoothed there centred, without lag (rep-metrics.ts).
   * Absent: `angles`.
   */
  readonly unsmoothedAngles?: HeadAngles | null;
  /** Angular velocity of the head in deg/s per axis (same signs); null when not found. */
  readonly velocity: HeadAngles | null;
  /** 0..1 confidence of the angles. */
  readonly confidence: number;
  /** 33 pose landmarks (normalised, unmirrored), null when no body was found. */
  readonly pose: readonly Landmark[] | null;
  /**
   * Image width / height, to measure body angles in square units (normalised x and y have
   * different scales). Optional: 4/3 (a 640×480 webcam) when absent.
   */
  readonly imageAspect?: number;
  /** How far the trunk turned and tilted since neutral (already taken off `angles`); absent: not measured. */
  readonly trunkTurn?: TrunkAngles;
  /**
   * Face down, a camera at one side: how far the face has turned toward it, degrees, + with the
   * camera at the subject's left (pipeline/toward-camera.ts); absent for other exercises.
   */
  readonly towardCameraDeg?: number;
}
