import { anglesToMatrix, rotationToAngles } from '../geometry/euler';
import { multiplyMat3, type Mat3 } from '../geometry/mat3';
import { fitWeakPerspective } from '../geometry/weak-perspective-fit';
import type { Landmark, PoseObservation } from '../landmarks';
import { POSE } from '../pose-indices';
import { BODY_HEAD_MODEL } from './body-head-model';
import { DEFAULT_VERTICAL_FOV_DEG, directionToCamera, rayCorrection, type ImageSize } from './camera-space';
import type { HeadAngles } from './head-angles';
import { rampDown } from './ramp';
import type { SourceEstimate } from './source-estimate';

export interface BodyEstimateOptions {
  /** Points below this visibility are left out of the fit (BlazePose guesses hidden points). */
  readonly minVisibility: number;
  /**
   * Ceiling of the body's confidence: BlazePose's head points are few and coarse (ears are
   * blobs), so a confident face mesh should win wherever it is not saturated.
   */
  readonly maxConfidence: number;
  /** Share (0..1) of the off-axis ray correction (camera-space.ts); the fit is orthographic, so 1. */
  readonly rayCorrection: number;
  readonly verticalFovDeg: number;
}

export const DEFAULT_BODY_OPTIONS: BodyEstimateOptions = {
  minVisibility: 0.2,
  maxConfidence: 0.8,
  rayCorrection: 1,
  verticalFovDeg: DEFAULT_VERTICAL_FOV_DEG,
};

/** Relative RMS residual (unitless) of the head-model fit: good below the first, useless above the second. */
const GOOD_FIT_RESIDUAL = 0.1;
const BAD_FIT_RESIDUAL = 0.3;
/** Starting yaws of the multi-start fit (a weak-perspective fit has local minima). */
const START_YAWS_DEG = [-75, -40, 0, 40, 75];

function visibility(landmark: Landmark | undefined): number {
  if (!landmark || !Number.isFinite(landmark.x + landmark.y)) return 0;
  return landmark.visibility ?? 1;
}

/**
 * The head pose from BlazePose's face points (nose, eyes, ears, mouth corners): a visibility-
 * weighted weak-perspective fit of a rigid head model, which, unlike the face mesh, keeps working
 * at 60–90° of yaw (one ear, one eye and the nose in profile), chin on chest and head far back.
 * `hint` (the previous frame's angles) is added as a start of the fit.
 */
export function estimateFromBody(
  pose: PoseObservation,
  size: ImageSize,
  options: Partial<BodyEstimateOptions> = {},
  hint: HeadAngles | null = null,
): SourceEstimate | null {
  const o = { ...DEFAULT_BODY_OPTIONS, ...options };
  const landmarks = BODY_HEAD_MODEL.map((m) => pose.landmarks[m.index]);
  const weights = landmarks.map((l) => {
    const v = visibility(l);
    return v >= o.minVisibility ? v : 0;
  });
  const noseVisibility = visibility(pose.landmarks[POSE.nose]);
  if (noseVisibility < o.minVisibility || weights.filter((w) => w > 0).length < 4) return null;
  const observed = landmarks.map((l) => ({ x: (l?.x ?? 0) * size.width, y: -(l?.y ?? 0) * size.height }));
  const model = BODY_HEAD_MODEL.map((m) => m.point);
  // Tracking: the previous pose usually is the answer; the multi-start is only needed without it.
  const fromHint = hint ? fitWeakPerspective(model, observed, weights, [anglesToMatrix(hint)]) : null;
  const starts: Mat3[] = START_YAWS_DEG.map((yawDeg) => anglesToMatrix({ yawDeg, pitchDeg: 0, rollDeg: 0 }));
  const fromStarts = fromHint && fromHint.relativeResidual < GOOD_FIT_RESIDUAL / 2 ? null : fitWeakPerspective(model, observed, weights, starts);
  const fit = fromHint && (!fromStarts || fromHint.relativeResidual <= fromStarts.relativeResidual) ? fromHint : fromStarts;
  if (!fit) return null;
  let sumWeight = 0, cx = 0, cy = 0;
  landmarks.forEach((l, k) => {
    const w = weights[k] ?? 0;
    sumWeight += w; cx += w * (l?.x ?? 0); cy += w * (l?.y ?? 0);
  });
  const toCamera = directionToCamera(cx / sumWeight, cy / sumWeight, size, o.verticalFovDeg);
  const rotation = multiplyMat3(rayCorrection(toCamera, o.rayCorrection), fit.rotation);
  const earVisibility = Math.max(visibility(pose.landmarks[POSE.leftEar]), visibility(pose.landmarks[POSE.rightEar]));
  const eyeVisibility = Math.max(visibility(pose.landmarks[POSE.leftEye]), visibility(pose.landmarks[POSE.rightEye]));
  const visibilityTrust = Math.min(1, (noseVisibility + earVisibility + eyeVisibility) / 3);
  const fitTrust = rampDown(fit.relativeResidual, GOOD_FIT_RESIDUAL, BAD_FIT_RESIDUAL);
  return { rotation, angles: rotationToAngles(rotation), confidence: o.maxConfidence * visibilityTrust * fitTrust };
}
