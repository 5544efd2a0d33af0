import { addScaledMat3, multiplyMat3, orthonormalizeMat3, scaleMat3, type Mat3 } from '../geometry/mat3';
import { rotationToAngles } from '../geometry/euler';
import type { FaceObservation } from '../landmarks';
import { FACE_MESH_POINT_COUNT } from './canonical-face';
import { CANONICAL_FACE_RADIUS, canonicalFaceRelativeResidual, fitCanonicalFace } from './canonical-face-fit';
import { DEFAULT_VERTICAL_FOV_DEG, directionToCamera, rayCorrection, type ImageSize } from './camera-space';
import { rotationOfColumnMajor4x4 } from './orthonormalize';
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
   * Share (0..1) of the ray correction applied to the landmark fit (used when there is no matrix).
   * Default 1: the fit reads image-plane geometry, so the whole ray angle shows up in it.
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
  /** Same fade for |pitch| (the mesh's pitch errors grow past ≈ 35°). */
  readonly fullTrustPitchDeg: number;
  readonly noTrustPitchDeg: number;
  /** Confidence floor at saturation: small, so another source takes over, but not a hard switch. */
  readonly minTrust: number;
}

export const DEFAULT_FACE_OPTIONS: FaceEstimateOptions = {
  method: 'matrix',
  matrixRayCorrection: 0,
  landmarkRayCorrection: 1,
  verticalFovDeg: DEFAULT_VERTICAL_FOV_DEG,
  fullTrustYawDeg: 30,
  noTrustYawDeg: 45,
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

/**
 * Rigid fit (Horn/Umeyama, similarity) of the observed face-mesh points to MediaPipe's canonical
 * face, with the Procrustes weights of its geometry pipeline, then `rayFraction` of the off-axis
 * correction. Null without a full mesh.
 */
export function fitFaceLandmarks(face: FaceObservation, size: ImageSize, rayFraction: number, verticalFovDeg: number): FaceFit | null {
  if (face.landmarks.length < FACE_MESH_POINT_COUNT) return null;
  const fit = fitCanonicalFace(face.landmarks, size);
  if (!fit) return null;
  // The canonical model's origin (inside the head, between the ears) is where the ray is taken.
  const originX = fit.translationX / size.width;
  const originY = -fit.translationY / size.height;
  const correction = rayCorrection(directionToCamera(originX, originY, size, verticalFovDeg), rayFraction);
  return { rotation: multiplyMat3(correction, fit.rotation), relativeResidual: fit.rmsResidual / (fit.scale * CANONICAL_FACE_RADIUS) };
}

/** fitFaceLandmarks(…).relativeResidual without the rotation (null without a full, finite mesh). */
function meshRelativeResidual(face: FaceObservation, size: ImageSize): number | null {
  return face.landmarks.length < FACE_MESH_POINT_COUNT ? null : canonicalFaceRelativeResidual(face.landmarks, size);
}

const NO_OPTIONS: Partial<FaceEstimateOptions> = {};

function rotationFromMatrix(matrix: readonly number[], fraction: number): Mat3 | null {
  const rotation = rotationOfColumnMajor4x4(matrix);
  if (!rotation) return null;
  // The translation (cm) is the face's position in camera space: the ray back to the camera is −t.
  const toCamera = { x: -(matrix[12] ?? 0), y: -(matrix[13] ?? 0), z: -(matrix[14] ?? 0) };
  const usableRay = fraction !== 0 && Number.isFinite(toCamera.x + toCamera.y + toCamera.z) && toCamera.z > 0;
  return usableRay ? multiplyMat3(rayCorrection(toCamera, fraction), rotation) : rotation;
}

/**
 * The head pose from one face: by default MediaPipe's transformation matrix when given, else the
 * landmark fit (`method`). Confidence fades where the face mesh is known to saturate (large yaw
 * or pitch) and when the mesh does not fit a rigid face.
 */
export function estimateFromFace(face: FaceObservation, size: ImageSize, options: Partial<FaceEstimateOptions> = NO_OPTIONS): SourceEstimate | null {
  const o = options === NO_OPTIONS ? DEFAULT_FACE_OPTIONS : { ...DEFAULT_FACE_OPTIONS, ...options };
  const matrixRotation = face.matrix && o.method !== 'landmarks' ? rotationFromMatrix(face.matrix, o.matrixRayCorrection) : null;
  // With MediaPipe's rotation and no blend, the landmark fit only says how rigid the mesh is.
  const residualOnly = matrixRotation !== null && o.method === 'matrix';
  const landmarkFit = residualOnly ? null : fitFaceLandmarks(face, size, o.landmarkRayCorrection, o.verticalFovDeg);
  const relativeResidual = residualOnly ? meshRelativeResidual(face, size) : (landmarkFit?.relativeResidual ?? null);
  const blended =
    o.method === 'blend' && matrixRotation && landmarkFit
      ? orthonormalizeMat3(scaleMat3(addScaledMat3(matrixRotation, landmarkFit.rotation, 1), 0.5))
      : null;
  const rotation = blended ?? matrixRotation ?? landmarkFit?.rotation ?? null;
  if (!rotation) return null;
  const angles = rotationToAngles(rotation);
  const fitTrust = relativeResidual === null ? 1 : rampDown(relativeResidual, GOOD_FIT_RESIDUAL, BAD_FIT_RESIDUAL);
  const poseTrust =
    rampDown(Math.abs(angles.yawDeg), o.fullTrustYawDeg, o.noTrustYawDeg) *
    rampDown(Math.abs(angles.pitchDeg), o.fullTrustPitchDeg, o.noTrustPitchDeg);
  const confidence = o.minTrust + (1 - o.minTrust) * poseTrust * fitTrust;
  return { rotation, angles, confidence };
}
