import { clamp, DEG_PER_RAD } from '../geometry/angle-units';
import { rotationToAngles } from '../geometry/euler';
import type { Mat3 } from '../geometry/mat3';
import { multiplyMat3Into, toMat3, type Mat3Buffer } from '../geometry/mat3-kernels';
import { orthonormalizeMat3Into, rotationFromColumnMajor4x4Into } from '../geometry/orthonormalize';
import type { FaceObservation } from '../landmarks';
import { pointCount } from '../packed-points';
import { FACE_MESH_POINT_COUNT } from './canonical-face';
import { CANONICAL_FACE_RADIUS, canonicalFaceRelativeResidual, fitCanonicalFaceInto } from './canonical-face-fit';
import { DEFAULT_VERTICAL_FOV_DEG, focalLengthPx, imagePointRayCorrectionInto, rayCorrectionInto, type ImageSize } from './camera-space';
import { FaceWorkspace } from './face-workspace';
import { rampDown } from './ramp';
import type { SourceEstimate } from './source-estimate';

/**
 * Which face reading to use. 'matrix': MediaPipe's matrix (its own perspective-aware Procrustes
 * fit), the landmark fit only without one. 'landmarks': always the orthographic landmark fit.
 * 'blend': the mean of both rotations. Mean MAE on the 16 AFLW2000 faces, fused with the body:
 * 'matrix' 5.47°, 'blend' 5.36°; the landmark fit alone 5.86° (too few faces to switch the default
 * on; see docs/head-pose.md).
 */
export type FaceMethod = 'matrix' | 'landmarks' | 'blend';

export interface FaceEstimateOptions {
  readonly method: FaceMethod;
  /**
   * Share (0..1) of the off-axis ray correction applied to MediaPipe's matrix. Default 0: the
   * matrix is already a 3D pose in camera space; pasting a face across a canvas moved its yaw by
   * only −0.22°/° of ray and a full correction overshot (+0.77°/°) and raised the AFLW2000 error
   * from 5.5° to 6.3° (shared/design/head-pose-baseline.md). Raise it only with webcam numbers.
   */
  readonly matrixRayCorrection: number;
  /**
   * Share (0..1) of the ray correction applied to the landmark fit (used when there is no matrix:
   * TF.js). Default 0: a pinhole view of a face off the axis shows its side, but TF.js's FaceMesh
   * places its points in a crop re-centred on the face, and they do not show it. On TF.js traces of
   * the rendered scan (six range clips, a head up to 0.48 m off the axis), relative to neutral,
   * the fit's yaw at 15–30° / 30–45° of turn read 2.4 / 4.6° off with the full correction and
   * 1.3 / 1.7° without; on the photo head's 30° turns 13.7 → 8.3° at 30–45° (docs/head-pose.md).
   */
  readonly landmarkRayCorrection: number;
  /** Camera field of view used for the ray; ref: MediaPipe face_geometry's default (63°). */
  readonly verticalFovDeg: number;
  /**
   * Face-mesh yaw saturates near 55° (AFLW2000 profiles of 66–71° read ≈ 55°; the rendered scan
   * turned 52° to its right read 39–41°): confidence is full up to `fullTrustYawDeg` and fades to
   * `minTrust` at `noTrustYawDeg`, where the body regression takes the yaw over. A band of 30–45°
   * read the scan's 60–75° turns better but the real AFLW2000 faces at 55° worse (a tight crop
   * gives the body regression no shoulders to go by): docs/head-pose.md.
   */
  readonly fullTrustYawDeg: number;
  readonly noTrustYawDeg: number;
  /**
   * Share (0..1) of the ray's horizontal angle (camera to head) added to the yaw that decides the
   * trust: the mesh saturates as the face turns from the line of sight, not from the optical axis,
   * and the matrix's yaw already holds part of the ray (the scan 0.48 m off the axis, at rest, read
   * 12.3° with the ray at 30°: 0.4 of it). 0.6, the rest: on the range clips the off-axis sweep's
   * far-side turn is handed to the body before the mesh under-reads it (docs/head-pose.md). The
   * four held-out training clips preferred 0.9, which distrusted that clip's face at rest, where
   * the body's jitter then moved the estimate by ±4°.
   */
  readonly lineOfSightTrust: number;
  /** Same fade for |pitch| (the mesh's pitch errors grow past ≈ 35°). */
  readonly fullTrustPitchDeg: number;
  readonly noTrustPitchDeg: number;
  /** Confidence floor at saturation: small, so another source takes over, but not a hard switch. */
  readonly minTrust: number;
}

export const DEFAULT_FACE_OPTIONS: FaceEstimateOptions = {
  method: 'matrix',
  matrixRayCorrection: 0,
  landmarkRayCorrection: 0,
  verticalFovDeg: DEFAULT_VERTICAL_FOV_DEG,
  fullTrustYawDeg: 30,
  noTrustYawDeg: 45,
  lineOfSightTrust: 0.6,
  fullTrustPitchDeg: 30,
  noTrustPitchDeg: 55,
  minTrust: 0.02,
};

/** Relative RMS residual of the canonical-face fit above which the mesh is distrusted. */
const GOOD_FIT_RESIDUAL = 0.12;
const BAD_FIT_RESIDUAL = 0.35;

export interface FaceFit {
  readonly rotation: Mat3;
  /** Weighted RMS residual relative to the fitted face's size (unitless). */
  readonly relativeResidual: number;
}

/** The landmark fit's origin (inside the head, between the ears) as a normalised image x. */
function fitOriginX(ws: FaceWorkspace, size: ImageSize): number {
  return (ws.fit.translation[0] as number) / size.width;
}

/**
 * Rigid fit (Horn/Umeyama, similarity) of the observed face-mesh points to MediaPipe's canonical
 * face, with the Procrustes weights of its geometry pipeline, then `rayFraction` of the off-axis
 * correction, into ws.landmarkRotation. The relative residual, or null without a full mesh.
 */
function fitFaceLandmarksInto(ws: FaceWorkspace, face: FaceObservation, size: ImageSize, rayFraction: number, verticalFovDeg: number): number | null {
  if (pointCount(face.points) < FACE_MESH_POINT_COUNT || !fitCanonicalFaceInto(ws.fit, face.points, size)) return null;
  const fit = ws.fit;
  // The canonical model's origin (inside the head, between the ears) is where the ray is taken.
  const originX = fitOriginX(ws, size);
  const originY = -(fit.translation[1] as number) / size.height;
  imagePointRayCorrectionInto(ws.correction, originX, originY, size, verticalFovDeg, rayFraction);
  multiplyMat3Into(ws.landmarkRotation, ws.correction, fit.rotation);
  return fit.rmsResidual / (fit.scale * CANONICAL_FACE_RADIUS);
}

/** fitFaceLandmarksInto as a value. */
export function fitFaceLandmarks(face: FaceObservation, size: ImageSize, rayFraction: number, verticalFovDeg: number, ws = new FaceWorkspace()): FaceFit | null {
  const relativeResidual = fitFaceLandmarksInto(ws, face, size, rayFraction, verticalFovDeg);
  return relativeResidual === null ? null : { rotation: toMat3(ws.landmarkRotation), relativeResidual };
}

/** The fit's relative residual without the rotation (null without a full, finite mesh). */
function meshRelativeResidual(ws: FaceWorkspace, face: FaceObservation, size: ImageSize): number | null {
  return pointCount(face.points) < FACE_MESH_POINT_COUNT ? null : canonicalFaceRelativeResidual(ws.fit, face.points, size);
}

const NO_OPTIONS: Partial<FaceEstimateOptions> = {};

/**
 * The horizontal angle (degrees, > 0 toward the image's right) of the ray from the camera to the
 * head: MediaPipe's matrix's translation (cm, camera space) when there is one, else the landmark
 * fit's origin through the assumed field of view. Zero when neither is finite.
 */
function rayYawDeg(ws: FaceWorkspace, face: FaceObservation, size: ImageSize, hasMatrix: boolean, verticalFovDeg: number): number {
  const matrix = face.matrix;
  const degrees = hasMatrix && matrix !== null
    ? Math.atan2(matrix[12] ?? 0, -(matrix[14] ?? 1)) * DEG_PER_RAD
    : Math.atan(((fitOriginX(ws, size) - 0.5) * size.width) / focalLengthPx(size, verticalFovDeg)) * DEG_PER_RAD;
  return Number.isFinite(degrees) ? degrees : 0;
}

/**
 * How far a saturated mesh under-reads a turn at most: the rendered scan turned 50° read 29° as
 * the face came back, turned 60° read 35° (eval:range, scan-head-turns-80 and -cam-below).
 */
const MAX_UNDER_READ_DEG = 25;
/** Below this |yaw| of its own the mesh is not saturated: it reads the turn as it is. */
const UNSATURATED_YAW_DEG = 10;
/** From this |yaw| of its own on, the mesh may under-read by the whole MAX_UNDER_READ_DEG. */
const SATURATED_YAW_DEG = 30;

/**
 * The |yaw| that decides how far the mesh is trusted. A saturated mesh reads a far turn as a near
 * one, so its own yaw cannot say it is out of range: the turn the head is already known to have
 * (the tracker's last yaw) counts too, as far as an under-read can explain the difference, and a
 * mesh under-reads only a turn it reads as more than UNSATURATED_YAW_DEG (by up to
 * MAX_UNDER_READ_DEG from SATURATED_YAW_DEG of its own on, linearly in between). So a face reading near-frontal is believed even if
 * the head was thought far away: a body reading wrong cannot keep a good face out for long.
 */
function yawForTrust(ownAbsYawDeg: number, knownYawDeg: number | null): number {
  if (knownYawDeg === null) return ownAbsYawDeg;
  const saturation = clamp((ownAbsYawDeg - UNSATURATED_YAW_DEG) / (SATURATED_YAW_DEG - UNSATURATED_YAW_DEG), 0, 1);
  const plausibleUnderRead = MAX_UNDER_READ_DEG * saturation;
  return Math.max(ownAbsYawDeg, Math.min(Math.abs(knownYawDeg), ownAbsYawDeg + plausibleUnderRead));
}

/** MediaPipe's rotation with `fraction` of the ray correction, into ws.matrixRotation; false when not a rotation. */
function rotationFromMatrixInto(ws: FaceWorkspace, matrix: readonly number[], fraction: number): boolean {
  const rotation = ws.matrixRotation;
  if (!rotationFromColumnMajor4x4Into(rotation, matrix)) return false;
  // The translation (cm) is the face's position in camera space: the ray back to the camera is −t.
  const toX = -(matrix[12] ?? 0), toY = -(matrix[13] ?? 0), toZ = -(matrix[14] ?? 0);
  if (fraction !== 0 && Number.isFinite(toX + toY + toZ) && toZ > 0) multiplyMat3Into(rotation, rayCorrectionInto(ws.correction, toX, toY, toZ, fraction), rotation);
  return true;
}

/** The chordal mean of two rotations (the nearest rotation to their average), into ws.blend. */
function blendInto(ws: FaceWorkspace, a: Mat3Buffer, b: Mat3Buffer): boolean {
  for (let k = 0; k < 9; k += 1) ws.blend[k] = 0.5 * ((a[k] as number) + (b[k] as number));
  return orthonormalizeMat3Into(ws.blend, ws.blend);
}

/**
 * The head pose from one face: by default MediaPipe's transformation matrix when given, else the
 * landmark fit (`method`). Confidence fades where the face mesh is known to saturate (large yaw
 * or pitch; `knownYawDeg`: the yaw a tracker last believed, see yawForTrust) and when the mesh
 * does not fit a rigid face. `ws`: the caller's scratch (an estimator's); the result owns its numbers.
 */
export function estimateFromFace(
  face: FaceObservation,
  size: ImageSize,
  options: Partial<FaceEstimateOptions> = NO_OPTIONS,
  ws = new FaceWorkspace(),
  knownYawDeg: number | null = null,
): SourceEstimate | null {
  const o = options === NO_OPTIONS ? DEFAULT_FACE_OPTIONS : { ...DEFAULT_FACE_OPTIONS, ...options };
  const hasMatrix = face.matrix !== null && o.method !== 'landmarks' && rotationFromMatrixInto(ws, face.matrix, o.matrixRayCorrection);
  // With MediaPipe's rotation and no blend, the landmark fit only says how rigid the mesh is.
  const residualOnly = hasMatrix && o.method === 'matrix';
  const landmarkResidual = residualOnly ? null : fitFaceLandmarksInto(ws, face, size, o.landmarkRayCorrection, o.verticalFovDeg);
  const hasLandmarks = landmarkResidual !== null;
  const relativeResidual = residualOnly ? meshRelativeResidual(ws, face, size) : landmarkResidual;
  const blended = o.method === 'blend' && hasMatrix && hasLandmarks && blendInto(ws, ws.matrixRotation, ws.landmarkRotation);
  const rotation = blended ? ws.blend : hasMatrix ? ws.matrixRotation : hasLandmarks ? ws.landmarkRotation : null;
  if (!rotation) return null;
  const angles = rotationToAngles(rotation);
  const fitTrust = relativeResidual === null ? 1 : rampDown(relativeResidual, GOOD_FIT_RESIDUAL, BAD_FIT_RESIDUAL);
  // What the mesh sees is the turn away from the line of sight, not from the optical axis (a head
  // at the image's right edge facing the wall behind the camera shows the camera its right cheek).
  const sight = o.lineOfSightTrust === 0 ? 0 : o.lineOfSightTrust * rayYawDeg(ws, face, size, hasMatrix, o.verticalFovDeg);
  const trustYawDeg = yawForTrust(Math.abs(angles.yawDeg + sight), knownYawDeg === null ? null : knownYawDeg + sight);
  const poseTrust =
    rampDown(trustYawDeg, o.fullTrustYawDeg, o.noTrustYawDeg) *
    rampDown(Math.abs(angles.pitchDeg), o.fullTrustPitchDeg, o.noTrustPitchDeg);
  const confidence = o.minTrust + (1 - o.minTrust) * poseTrust * fitTrust;
  return { angles, confidence };
}
