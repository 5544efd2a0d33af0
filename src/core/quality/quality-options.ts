/** Tuning of the tracking-quality assessment. Distances are in normalised image units (0..1 of the width or height). */
export interface QualityOptions {
  /** A problem seen for this long (ms) becomes the reported status. Lower: faster pauses, more flicker. */
  readonly enterMs: number;
  /** A poor status clears after this long (ms) of good frames. Longer than enterMs so the state does not flicker. */
  readonly exitMs: number;
  /**
   * Fastest believable head rotation, deg/s on any axis. Fast voluntary head turns peak near
   * 300–400 deg/s (ref: Grip et al. 2007, cervical kinematics); 600 leaves room for noise.
   */
  readonly maxHeadSpeedDegS: number;
  /**
   * Compare the head's angles from frame to frame for jumps (maxHeadSpeedDegS). Off where they mean
   * nothing (a side view of a lying body: headStepsMeaningful); landmark jumps are still caught.
   */
  readonly headAnglesCompared: boolean;
  /** Fastest believable displacement of the head's landmarks, image units per second. */
  readonly maxLandmarkSpeedPerS: number;
  /** Displacements under this (image units) are never a jump, whatever the frame interval (sub-ms timestamps). */
  readonly minJumpDistance: number;
  /** Frames further apart than this (ms) are not compared for jumps: the person may really have moved. */
  readonly maxCompareGapMs: number;
  /** Pose landmarks under this visibility are treated as not seen. */
  readonly minVisibility: number;
  /** A hand point closer to the nose than this many shoulder widths is "at the face". */
  readonly handNearFaceShoulderWidths: number;
  /**
   * …when BlazePose sees it at least this well. With no hand in view it still places one, often
   * by the face: on the rendered bust (no arms) 1,388 frames without a face had such a hand seen
   * at ≥ 0.5, 195 at ≥ 0.65, and they paused turns as "face covered"; a rendered palm on the
   * forehead read ≥ 0.66 on 90 % of its frames (median 0.79).
   */
  readonly handAtFaceMinVisibility: number;
  /**
   * True during exercises done with a hand on the head (palm presses, hands behind the head):
   * a hidden face is then expected, and the body carries the head pose.
   */
  readonly handAtFaceExpected: boolean;
  /** Landmarks further than this outside the image (image units) are garbage, not an off-screen point. */
  readonly maxOutsideImage: number;
  /**
   * Depth (z, on x's scale) beyond ± this is garbage. Not the image's bounds: a hand reaching toward
   * the camera, or one BlazePose places out of frame, reads z ≈ −2.1 (TF.js, the photo head's
   * clips), which a real person's frame must not fail.
   */
  readonly maxDepth: number;
}

export const DEFAULT_QUALITY_OPTIONS: QualityOptions = {
  enterMs: 300,
  exitMs: 700,
  maxHeadSpeedDegS: 600,
  headAnglesCompared: true,
  maxLandmarkSpeedPerS: 4,
  minJumpDistance: 0.08,
  maxCompareGapMs: 500,
  minVisibility: 0.5,
  handNearFaceShoulderWidths: 0.6,
  handAtFaceMinVisibility: 0.65,
  maxOutsideImage: 2,
  maxDepth: 10,
  handAtFaceExpected: false,
};
