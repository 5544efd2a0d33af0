import type { Mat3 } from '../geometry/mat3';
import type { Landmark } from '../landmarks';
import { CANONICAL_FACE_POINTS } from './canonical-face';
import type { ImageSize } from './camera-space';
import { hornEigenvector, hornLargestEigenvalue } from '../geometry/horn-eigen';

/**
 * The similarity fit of the canonical face (geometry/similarity-fit.ts: Horn's quaternion method
 * with Umeyama's scale) specialised for speed: the model's centroid and constants precomputed,
 * typed scratch arrays, no objects per point, and the 4×4 eigenproblem by QCP
 * (geometry/horn-eigen.ts: Newton on the characteristic polynomial, the eigenvector from the
 * adjugate) instead of cyclic Jacobi, which stays as the fallback for a repeated eigenvalue. It
 * agrees with the generic fit to ~1e-12 (tests/unit/core/head-pose/canonical-face-fit.test.ts).
 */

export interface CanonicalFaceFit {
  readonly rotation: Mat3;
  readonly scale: number;
  readonly translationX: number;
  readonly translationY: number;
  readonly translationZ: number;
  readonly rmsResidual: number;
}

const COUNT = CANONICAL_FACE_POINTS.length;
const WEIGHTS = Float64Array.from(CANONICAL_FACE_POINTS.map((p) => p.weight));
/** Face-mesh index of each canonical point. */
const MESH_INDEX = Int32Array.from(CANONICAL_FACE_POINTS.map((p) => p.index));
const TOTAL_WEIGHT = CANONICAL_FACE_POINTS.reduce((s, p) => s + p.weight, 0);
const INVERSE_TOTAL = 1 / TOTAL_WEIGHT;

function modelCentroid(): readonly [number, number, number] {
  let x = 0, y = 0, z = 0;
  for (const p of CANONICAL_FACE_POINTS) {
    x = x + p.x * p.weight; y = y + p.y * p.weight; z = z + p.z * p.weight;
  }
  return [x * INVERSE_TOTAL, y * INVERSE_TOTAL, z * INVERSE_TOTAL];
}
const [CAX, CAY, CAZ] = modelCentroid();
const MODEL = Float64Array.from(CANONICAL_FACE_POINTS.flatMap((p) => [p.x, p.y, p.z]));
/** The model relative to its centroid. */
const CENTRED = Float64Array.from(CANONICAL_FACE_POINTS.flatMap((p) => [p.x - CAX, p.y - CAY, p.z - CAZ]));

/** RMS radius of the weighted canonical face (cm), for the relative residual. */
export const CANONICAL_FACE_RADIUS = Math.sqrt(
  CANONICAL_FACE_POINTS.reduce((s, p) => s + p.weight * (p.x * p.x + p.y * p.y + p.z * p.z), 0) /
    CANONICAL_FACE_POINTS.reduce((s, p) => s + p.weight, 0),
);

const bx = new Float64Array(COUNT);
const by = new Float64Array(COUNT);
const bz = new Float64Array(COUNT);
const a = new Float64Array(16);
const v = new Float64Array(16);

/** Cyclic Jacobi on the symmetric 4×4 `a` (row-major), eigenvectors in the columns of `v`. */
function jacobi4(): void {
  v.fill(0);
  v[0] = 1; v[5] = 1; v[10] = 1; v[15] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let offDiagonal = 0;
    for (let p = 0; p < 4; p += 1) for (let q = p + 1; q < 4; q += 1) offDiagonal += (a[4 * p + q] as number) ** 2;
    if (offDiagonal < 1e-24) break;
    for (let p = 0; p < 4; p += 1) {
      for (let q = p + 1; q < 4; q += 1) {
        const apq = a[4 * p + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[5 * q] as number) - (a[5 * p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 4; k += 1) {
          const akp = a[4 * k + p] as number, akq = a[4 * k + q] as number;
          a[4 * k + p] = c * akp - s * akq;
          a[4 * k + q] = s * akp + c * akq;
        }
        for (let k = 0; k < 4; k += 1) {
          const apk = a[4 * p + k] as number, aqk = a[4 * q + k] as number;
          a[4 * p + k] = c * apk - s * aqk;
          a[4 * q + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 4; k += 1) {
          const vkp = v[4 * k + p] as number, vkq = v[4 * k + q] as number;
          v[4 * k + p] = c * vkp - s * vkq;
          v[4 * k + q] = s * vkp + c * vkq;
        }
      }
    }
  }
}

let centroidX = 0, centroidY = 0, centroidZ = 0;
/** Σw|a − ā|² of the model and Σw|b − b̄|² of the observed points. */
let modelSpread = 0, observedSpread = 0;
/** The weighted cross-covariance S = Σ w (a − ā)(b − b̄)ᵀ, row-major. */
const s = new Float64Array(9);
const q = new Float64Array(4);

/**
 * Reads the fitted points (camera-oriented pixels, camera-space.ts landmarkToCamera) into the
 * scratch arrays and accumulates S, the spreads and Horn's matrix `a`. False when a point is
 * missing or not finite, or the model is degenerate.
 */
function accumulate(landmarks: readonly Landmark[], size: ImageSize): boolean {
  let sumX = 0, sumY = 0, sumZ = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const l = landmarks[MESH_INDEX[k] as number];
    if (!l) return false;
    // Each coordinate read once (landmark objects may come in many shapes: every read can be slow).
    const lx = l.x, ly = l.y, lz = l.z;
    if (!Number.isFinite(lx + ly + lz)) return false;
    const x = lx * size.width, y = -ly * size.height, z = -lz * size.width;
    bx[k] = x; by[k] = y; bz[k] = z;
    const w = WEIGHTS[k] as number;
    sumX = sumX + x * w; sumY = sumY + y * w; sumZ = sumZ + z * w;
  }
  const cbx = sumX * INVERSE_TOTAL, cby = sumY * INVERSE_TOTAL, cbz = sumZ * INVERSE_TOTAL;
  let sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0, spreadA = 0, spreadB = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const dax = CENTRED[3 * k] as number, day = CENTRED[3 * k + 1] as number, daz = CENTRED[3 * k + 2] as number;
    const dbx = (bx[k] as number) - cbx, dby = (by[k] as number) - cby, dbz = (bz[k] as number) - cbz;
    const wk = WEIGHTS[k] as number;
    sxx += wk * dax * dbx; sxy += wk * dax * dby; sxz += wk * dax * dbz;
    syx += wk * day * dbx; syy += wk * day * dby; syz += wk * day * dbz;
    szx += wk * daz * dbx; szy += wk * daz * dby; szz += wk * daz * dbz;
    spreadA += wk * (dax * dax + day * day + daz * daz);
    spreadB += wk * (dbx * dbx + dby * dby + dbz * dbz);
  }
  if (!(spreadA > 1e-12)) return false;
  centroidX = cbx; centroidY = cby; centroidZ = cbz;
  modelSpread = spreadA; observedSpread = spreadB;
  s[0] = sxx; s[1] = sxy; s[2] = sxz; s[3] = syx; s[4] = syy; s[5] = syz; s[6] = szx; s[7] = szy; s[8] = szz;
  a[0] = sxx + syy + szz; a[1] = syz - szy; a[2] = szx - sxz; a[3] = sxy - syx;
  a[4] = syz - szy; a[5] = sxx - syy - szz; a[6] = sxy + syx; a[7] = szx + sxz;
  a[8] = szx - sxz; a[9] = sxy + syx; a[10] = -sxx + syy - szz; a[11] = syz + szy;
  a[12] = sxy - syx; a[13] = szx + sxz; a[14] = syz + szy; a[15] = -sxx - syy + szz;
  return true;
}

/** The largest eigenvalue of Horn's matrix: the correlation Σ w (b − b̄)·R(a − ā) at the best rotation R. */
function bestCorrelation(): number {
  return hornLargestEigenvalue(a, s, Math.sqrt(modelSpread * observedSpread));
}

/** The best rotation's unit quaternion into `q`, by QCP, or by Jacobi when its eigenvalue is not simple. */
function bestQuaternion(lambda: number): boolean {
  if (hornEigenvector(a, lambda, q)) return true;
  // Jacobi diagonalises `a` in place: nothing reads Horn's matrix after this, accumulate() rebuilds it.
  jacobi4();
  let best = 0;
  for (let k = 0; k < 4; k += 1) if ((a[5 * k] as number) > (a[5 * best] as number)) best = k;
  const q0 = v[best] as number, q1 = v[4 + best] as number, q2 = v[8 + best] as number, q3 = v[12 + best] as number;
  const norm = Math.hypot(q0, q1, q2, q3);
  if (!(norm > 0)) return false;
  q[0] = q0 / norm; q[1] = q1 / norm; q[2] = q2 / norm; q[3] = q3 / norm;
  return true;
}

/**
 * Weighted similarity fit (observed ≈ scale · rotation · model + translation) of the canonical
 * face points to the face mesh's landmarks in camera-oriented pixels (camera-space.ts
 * landmarkToCamera). Null when a point is missing or not finite, or the fit is degenerate.
 */
export function fitCanonicalFace(landmarks: readonly Landmark[], size: ImageSize): CanonicalFaceFit | null {
  if (!accumulate(landmarks, size)) return null;
  if (!bestQuaternion(bestCorrelation())) return null;
  const w = q[0] as number, x = q[1] as number, y = q[2] as number, z = q[3] as number;
  const r0 = w * w + x * x - y * y - z * z, r1 = 2 * (x * y - w * z), r2 = 2 * (x * z + w * y);
  const r3 = 2 * (x * y + w * z), r4 = w * w - x * x + y * y - z * z, r5 = 2 * (y * z - w * x);
  const r6 = 2 * (x * z - w * y), r7 = 2 * (y * z + w * x), r8 = w * w - x * x - y * y + z * z;
  const cbx = centroidX, cby = centroidY, cbz = centroidZ;
  let correlation = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const dax = CENTRED[3 * k] as number, day = CENTRED[3 * k + 1] as number, daz = CENTRED[3 * k + 2] as number;
    const dbx = (bx[k] as number) - cbx, dby = (by[k] as number) - cby, dbz = (bz[k] as number) - cbz;
    const rx = r0 * dax + r1 * day + r2 * daz, ry = r3 * dax + r4 * day + r5 * daz, rz = r6 * dax + r7 * day + r8 * daz;
    correlation += (WEIGHTS[k] as number) * (dbx * rx + dby * ry + dbz * rz);
  }
  const scale = correlation / modelSpread;
  if (!(scale > 0)) return null;
  const tx = cbx - (r0 * CAX + r1 * CAY + r2 * CAZ) * scale;
  const ty = cby - (r3 * CAX + r4 * CAY + r5 * CAZ) * scale;
  const tz = cbz - (r6 * CAX + r7 * CAY + r8 * CAZ) * scale;
  let squared = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const mx = MODEL[3 * k] as number, my = MODEL[3 * k + 1] as number, mz = MODEL[3 * k + 2] as number;
    const dx = (r0 * mx + r1 * my + r2 * mz) * scale + tx - (bx[k] as number);
    const dy = (r3 * mx + r4 * my + r5 * mz) * scale + ty - (by[k] as number);
    const dz = (r6 * mx + r7 * my + r8 * mz) * scale + tz - (bz[k] as number);
    squared += (WEIGHTS[k] as number) * (dx * dx + dy * dy + dz * dz);
  }
  return {
    rotation: [r0, r1, r2, r3, r4, r5, r6, r7, r8],
    scale,
    translationX: tx,
    translationY: ty,
    translationZ: tz,
    rmsResidual: Math.sqrt(squared / TOTAL_WEIGHT),
  };
}

/**
 * The fit's relative residual alone (rmsResidual / (scale · CANONICAL_FACE_RADIUS)), for when the
 * rotation comes from elsewhere (MediaPipe's matrix) and only the mesh's rigidity is wanted. At
 * the best rotation the correlation is Horn's largest eigenvalue λ, the scale λ/Σw|a − ā|² and
 * the squared residual Σw|b − b̄|² − λ²/Σw|a − ā|², so no rotation is needed. Null as fitCanonicalFace.
 */
export function canonicalFaceRelativeResidual(landmarks: readonly Landmark[], size: ImageSize): number | null {
  if (!accumulate(landmarks, size)) return null;
  const lambda = bestCorrelation();
  const scale = lambda / modelSpread;
  if (!(scale > 0)) return null;
  const squared = Math.max(observedSpread - lambda * scale, 0);
  return Math.sqrt(squared / TOTAL_WEIGHT) / (scale * CANONICAL_FACE_RADIUS);
}
