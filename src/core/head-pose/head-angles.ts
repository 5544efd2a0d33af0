import { stringEnum, type EnumValue } from '../string-enum';

/**
 * THE angle convention of Atlas (every module, test, label and UI uses it):
 * degrees, from the subject's own point of view, on unmirrored frames.
 *   yaw   > 0  head rotated to the subject's LEFT (on a frontal unmirrored image: toward the image's right)
 *   pitch > 0  extension, chin up;  pitch < 0 flexion, chin toward the chest
 *   roll  > 0  lateral flexion to the subject's LEFT (left ear toward the left shoulder)
 * Composition used to build/decompose a rotation in camera space (x right, y up, z toward viewer):
 *   R = Rz(-roll) · Ry(yaw) · Rx(-pitch)   (Z-Y-X, as AFLW2000 uses)
 * A horizontally mirrored input flips the signs of yaw and roll and leaves pitch.
 */
export interface HeadAngles {
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
}

/** The shoulder line's rotation about the vertical and its tilt, same signs as the head's yaw and roll. */
export interface TrunkAngles {
  readonly yawDeg: number;
  readonly rollDeg: number;
}

export const ANGLE_SOURCES = stringEnum('face', 'body', 'fused', 'none');
export type AngleSource = EnumValue<typeof ANGLE_SOURCES>;

/** One frame's head pose: angles of the head relative to the camera, and relative to the trunk. */
export interface HeadPoseEstimate {
  readonly tMs: number;
  /** Head relative to the camera; null when no head was found. */
  readonly head: HeadAngles | null;
  /**
   * A tracker's `head` before its smoothing: the reading it believed this frame (a bridged frame
   * holds `head`). What a finished rep's speed and smoothness are measured on (rep-metrics.ts): a causal filter
   * lags, and by more where the body carries the reading than where the face does. Absent on a
   * single frame's estimate, which is not smoothed (`head` is the reading).
   */
  readonly unsmoothedHead?: HeadAngles | null;
  /** Head relative to the shoulder line (the neck's own motion); null when the shoulders are not seen. */
  readonly neck: HeadAngles | null;
  /** Rotation/tilt of the shoulder line itself (the trunk's share), null when not seen. */
  readonly trunk: TrunkAngles | null;
  /** 0..1: how much to trust `head`. */
  readonly confidence: number;
  /** Which landmarker carried the frame. */
  readonly source: AngleSource;
  /** Per-source confidences, for display and for the hand-over. */
  readonly faceConfidence: number;
  readonly bodyConfidence: number;
}
