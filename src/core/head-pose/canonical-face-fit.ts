import { fitSimilarityInto, fitSimilarityResidualInto, SimilarityFitWorkspace } from '../geometry/similarity-fit';
import { similarityModel } from '../geometry/similarity-model';
import type { PackedPoints } from '../landmarks';
import type { ImageSize } from './camera-space';
import { CANONICAL_FACE_OFFSETS, CANONICAL_FACE_POINTS } from './canonical-face';

/**
 * The canonical face as the model of geometry/similarity-fit.ts, and the face mesh's matching
 * points read into a fit's workspace in camera-oriented pixels (camera-space.ts landmarkToCamera).
 */
const CANONICAL_FACE_MODEL = similarityModel(CANONICAL_FACE_POINTS, CANONICAL_FACE_POINTS.map((p) => p.weight));

/** RMS radius of the weighted canonical face (cm), for the relative residual. */
export const CANONICAL_FACE_RADIUS = Math.sqrt(
  CANONICAL_FACE_POINTS.reduce((s, p) => s + p.weight * (p.x * p.x + p.y * p.y + p.z * p.z), 0) /
    CANONICAL_FACE_POINTS.reduce((s, p) => s + p.weight, 0),
);

/** A workspace sized for the canonical face (one per estimator). */
export function canonicalFaceWorkspace(): SimilarityFitWorkspace {
  return new SimilarityFitWorkspace(CANONICAL_FACE_MODEL.count);
}

/** The fitted points into ws.observed; false when one is missing or not finite. */
function readFacePoints(ws: SimilarityFitWorkspace, points: PackedPoints, size: ImageSize): boolean {
  const b = ws.observed, width = size.width, height = size.height;
  for (let k = 0; k < CANONICAL_FACE_OFFSETS.length; k += 1) {
    const at = CANONICAL_FACE_OFFSETS[k] as number;
    if (at + 2 >= points.length) return false;
    const lx = points[at] as number, ly = points[at + 1] as number, lz = points[at + 2] as number;
    if (!Number.isFinite(lx + ly + lz)) return false;
    b[3 * k] = lx * width; b[3 * k + 1] = -ly * height; b[3 * k + 2] = -lz * width;
  }
  return true;
}

/**
 * Weighted similarity fit (observed ≈ scale · rotation · model + translation) of the canonical
 * face points to the face mesh's landmarks, into `ws` (rotation, scale, translation, rmsResidual).
 * False when a point is missing or not finite, or the fit is degenerate.
 */
export function fitCanonicalFaceInto(ws: SimilarityFitWorkspace, points: PackedPoints, size: ImageSize): boolean {
  return readFacePoints(ws, points, size) && fitSimilarityInto(ws, CANONICAL_FACE_MODEL);
}

/**
 * The fit's relative residual alone (rmsResidual / (scale · CANONICAL_FACE_RADIUS)), for when the
 * rotation comes from elsewhere (MediaPipe's matrix) and only the mesh's rigidity is wanted.
 * Null as fitCanonicalFaceInto.
 */
export function canonicalFaceRelativeResidual(ws: SimilarityFitWorkspace, points: PackedPoints, size: ImageSize): number | null {
  if (!readFacePoints(ws, points, size) || !fitSimilarityResidualInto(ws, CANONICAL_FACE_MODEL)) return null;
  return ws.rmsResidual / (ws.scale * CANONICAL_FACE_RADIUS);
}
