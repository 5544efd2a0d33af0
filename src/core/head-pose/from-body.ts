import { anglesToMatrix, rotationToAngles } from '../geometry/euler';
import { multiplyMat3, type Mat3 } from '../geometry/mat3';
import type { Landmark, PoseObservation } from '../landmarks';
import { POSE } from '../pose-indices';
import { BODY_HEAD_MODEL } from './body-head-model';
import { fitBodyHead } from './body-head-fit';
import { DEFAULT_VERTICAL_FOV_DEG, directionToCamera, rayCorrection, type ImageSize } from './camera-space';
import type { HeadAngles } from './head-angles';
import { rampDown } from './ramp';
import { anglesToRotation } from './rotation-kernels';
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
const STARTS: readonly Mat3[] = START_YAWS_DEG.map((yawDeg) => anglesToMatrix({ yawDeg, pitchDeg: 0, rollDeg: 0 }));
const POINT_COUNT = BODY_HEAD_MODEL.length;
// Per-call scratch (the fit copies what it keeps).
const observedX = new Float64Array(POINT_COUNT);
const observedY = new Float64Array(POINT_COUNT);
const weights = new Float64Array(POINT_COUNT);
const visibilities = new Float64Array(POINT_COUNT);
/** Where a BlazePose point sits in BODY_HEAD_MODEL (its visibility is read once per frame). */
function modelSlot(index: number): number {
  const slot = BODY_HEAD_MODEL.findIndex((m) => m.index === index);
  if (slot < 0) throw new Error(`BlazePose point ${index} is not in the head model`);
  return slot;
}
const NOSE = modelSlot(POSE.nose), LEFT_EAR = modelSlot(POSE.leftEar), RIGHT_EAR = modelSlot(POSE.rightEar);
const LEFT_EYE = modelSlot(POSE.leftEye), RIGHT_EYE = modelSlot(POSE.rightEye);

const NO_OPTIONS: Partial<BodyEstimateOptions> = {};

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
  options: Partial<BodyEstimateOptions> = NO_OPTIONS,
  hint: HeadAngles | null = null,
): SourceEstimate | null {
  const o = options === NO_OPTIONS ? DEFAULT_BODY_OPTIONS : { ...DEFAULT_BODY_OPTIONS, ...options };
  let weighted = 0;
  let sumWeight = 0, cx = 0, cy = 0;
  for (let k = 0; k < POINT_COUNT; k += 1) {
    const l = pose.landmarks[(BODY_HEAD_MODEL[k] as (typeof BODY_HEAD_MODEL)[number]).index];
    // Each landmark property read once (visibility() inlined): landmark objects come in several shapes.
    const rawX = l?.x, rawY = l?.y;
    const v = l && rawX !== undefined && rawY !== undefined && Number.isFinite(rawX + rawY) ? (l.visibility ?? 1) : 0;
    const x = rawX ?? 0, y = rawY ?? 0;
    visibilities[k] = v;
    const w = v >= o.minVisibility ? v : 0;
    weights[k] = w;
    if (w > 0) weighted += 1;
    observedX[k] = x * size.width;
    observedY[k] = -y * size.height;
    sumWeight += w; cx += w * x; cy += w * y;
  }
  const noseVisibility = visibilities[NOSE] as number;
  if (noseVisibility < o.minVisibility || weighted < 4) return null;
  // Tracking: the previous pose usually is the answer; the multi-start is only needed without it.
  const fromHint = hint ? fitBodyHead(observedX, observedY, weights, [anglesToRotation(hint)]) : null;
  const fromStarts = fromHint && fromHint.relativeResidual < GOOD_FIT_RESIDUAL / 2 ? null : fitBodyHead(observedX, observedY, weights, STARTS);
  const fit = fromHint && (!fromStarts || fromHint.relativeResidual <= fromStarts.relativeResidual) ? fromHint : fromStarts;
  if (!fit) return null;
  const toCamera = directionToCamera(cx / sumWeight, cy / sumWeight, size, o.verticalFovDeg);
  const rotation = multiplyMat3(rayCorrection(toCamera, o.rayCorrection), fit.rotation);
  const earVisibility = Math.max(visibilities[LEFT_EAR] as number, visibilities[RIGHT_EAR] as number);
  const eyeVisibility = Math.max(visibilities[LEFT_EYE] as number, visibilities[RIGHT_EYE] as number);
  const visibilityTrust = Math.min(1, (noseVisibility + earVisibility + eyeVisibility) / 3);
  const fitTrust = rampDown(fit.relativeResidual, GOOD_FIT_RESIDUAL, BAD_FIT_RESIDUAL);
  return { rotation, angles: rotationToAngles(rotation), confidence: o.maxConfidence * visibilityTrust * fitTrust };
}
