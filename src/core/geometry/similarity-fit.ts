import { hornEigenvector, hornLargestEigenvalue } from './horn-eigen';
import { toMat3 } from './mat3-kernels';
import type { Mat3 } from './mat3';
import { symmetricEigenInPlace } from './symmetric-eigen';
import { similarityModel, type SimilarityModel } from './similarity-model';
import type { Vec3 } from './vec3';

/**
 * Weighted least-squares similarity transform (rotation, uniform scale, translation) taking a
 * model onto observed points: Horn's closed-form quaternion solution (J. Opt. Soc. Am. A 4(4),
 * 1987) with Umeyama's scale (IEEE TPAMI 13(4), 1991); the 4×4 eigenproblem by QCP (horn-eigen.ts),
 * cyclic Jacobi only where its top eigenvalue is repeated. The model side is precomputed once
 * (SimilarityModel); every per-fit number lives in the caller's SimilarityFitWorkspace, so a fit
 * allocates nothing and two workspaces fit independently.
 */

/** A fit's scratch and its results: one per object that fits (not shared between fits in flight). */
export class SimilarityFitWorkspace {
  /** x, y, z of each observed point, in the model's order: the caller writes them before a fit. */
  readonly observed: Float64Array;
  /** The result: observed ≈ scale · rotation · model + translation (rotation row-major). */
  readonly rotation = new Float64Array(9);
  readonly translation = new Float64Array(3);
  scale = 0;
  /** Weighted RMS distance between the fitted model and the observed points, in observed units. */
  rmsResidual = 0;
  /** Horn's matrix N (row-major 4×4), the cross-covariance S, the best unit quaternion. */
  readonly horn = new Float64Array(16);
  readonly crossCovariance = new Float64Array(9);
  readonly quaternion = new Float64Array(4);
  readonly shifted = new Float64Array(16);
  readonly eigenvectors = new Float64Array(16);
  readonly observedCentroid = new Float64Array(3);
  observedSpread = 0;

  constructor(readonly capacity: number) {
    this.observed = new Float64Array(3 * capacity);
  }
}

/**
 * The observed centroid and spread, S = Σ w (a − ā)(b − b̄)ᵀ and Horn's N from it, in `ws`. False
 * when an observed number is not finite or the model is degenerate.
 */
function moments(ws: SimilarityFitWorkspace, model: SimilarityModel): boolean {
  const b = ws.observed, w = model.weights, a = model.centred, count = model.count;
  let sumX = 0, sumY = 0, sumZ = 0;
  for (let k = 0; k < count; k += 1) {
    const wk = w[k] as number;
    sumX += (b[3 * k] as number) * wk; sumY += (b[3 * k + 1] as number) * wk; sumZ += (b[3 * k + 2] as number) * wk;
  }
  const inverseTotal = 1 / model.totalWeight;
  const cbx = sumX * inverseTotal, cby = sumY * inverseTotal, cbz = sumZ * inverseTotal;
  let sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0, spreadB = 0;
  for (let k = 0; k < count; k += 1) {
    const dax = a[3 * k] as number, day = a[3 * k + 1] as number, daz = a[3 * k + 2] as number;
    const dbx = (b[3 * k] as number) - cbx, dby = (b[3 * k + 1] as number) - cby, dbz = (b[3 * k + 2] as number) - cbz;
    const wk = w[k] as number;
    const wx = wk * dax, wy = wk * day, wz = wk * daz;
    sxx += wx * dbx; sxy += wx * dby; sxz += wx * dbz;
    syx += wy * dbx; syy += wy * dby; syz += wy * dbz;
    szx += wz * dbx; szy += wz * dby; szz += wz * dbz;
    spreadB += wk * (dbx * dbx + dby * dby + dbz * dbz);
  }
  if (!(model.spread > 1e-12) || !Number.isFinite(spreadB)) return false;
  ws.observedCentroid[0] = cbx; ws.observedCentroid[1] = cby; ws.observedCentroid[2] = cbz;
  ws.observedSpread = spreadB;
  const s = ws.crossCovariance, n = ws.horn;
  s[0] = sxx; s[1] = sxy; s[2] = sxz; s[3] = syx; s[4] = syy; s[5] = syz; s[6] = szx; s[7] = szy; s[8] = szz;
  n[0] = sxx + syy + szz; n[1] = syz - szy; n[2] = szx - sxz; n[3] = sxy - syx;
  n[4] = syz - szy; n[5] = sxx - syy - szz; n[6] = sxy + syx; n[7] = szx + sxz;
  n[8] = szx - sxz; n[9] = sxy + syx; n[10] = -sxx + syy - szz; n[11] = syz + szy;
  n[12] = sxy - syx; n[13] = szx + sxz; n[14] = syz + szy; n[15] = -sxx - syy + szz;
  return true;
}

/** The largest eigenvalue of N: the correlation Σ w (b − b̄)·R(a − ā) at the best rotation R. */
function bestCorrelation(ws: SimilarityFitWorkspace, model: SimilarityModel): number {
  return hornLargestEigenvalue(ws.horn, ws.crossCovariance, Math.sqrt(model.spread * ws.observedSpread));
}

/** The best rotation's unit quaternion into ws.quaternion: by QCP, or by Jacobi when its eigenvalue is not simple. */
function bestQuaternion(ws: SimilarityFitWorkspace, lambda: number): boolean {
  const q = ws.quaternion;
  if (hornEigenvector(ws.horn, lambda, q, ws.shifted)) return true;
  // Jacobi diagonalises N in place: nothing reads it after this (moments() rebuilds it).
  const a = ws.horn, v = ws.eigenvectors;
  symmetricEigenInPlace(a, v, 4);
  let best = 0;
  for (let k = 0; k < 4; k += 1) if ((a[5 * k] as number) > (a[5 * best] as number)) best = k;
  const q0 = v[best] as number, q1 = v[4 + best] as number, q2 = v[8 + best] as number, q3 = v[12 + best] as number;
  const norm = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
  if (!(norm > 0)) return false;
  q[0] = q0 / norm; q[1] = q1 / norm; q[2] = q2 / norm; q[3] = q3 / norm;
  return true;
}

/**
 * The scale and rmsResidual at the best rotation, from N's largest eigenvalue λ, into `ws`: at that
 * rotation the correlation Σ w (b − b̄)·R(a − ā) is λ, so the scale is λ / Σ w|a − ā|² and the squared
 * residual Σ w|b − b̄|² − λ · scale (Umeyama 1991), with no pass over the points. False when the
 * scale is not positive.
 */
function scaleAndResidualInto(ws: SimilarityFitWorkspace, model: SimilarityModel, lambda: number): boolean {
  const scale = lambda / model.spread;
  if (!(scale > 0)) return false;
  ws.scale = scale;
  ws.rmsResidual = Math.sqrt(Math.max(ws.observedSpread - lambda * scale, 0) / model.totalWeight);
  return true;
}

/**
 * The fit of `model` to ws.observed (its first model.count points) into ws.rotation, scale,
 * translation and rmsResidual. False with a degenerate configuration or non-finite points.
 */
export function fitSimilarityInto(ws: SimilarityFitWorkspace, model: SimilarityModel): boolean {
  if (!moments(ws, model)) return false;
  const lambda = bestCorrelation(ws, model);
  if (!bestQuaternion(ws, lambda) || !scaleAndResidualInto(ws, model, lambda)) return false;
  const q = ws.quaternion;
  const w = q[0] as number, x = q[1] as number, y = q[2] as number, z = q[3] as number;
  const r = ws.rotation;
  r[0] = w * w + x * x - y * y - z * z; r[1] = 2 * (x * y - w * z); r[2] = 2 * (x * z + w * y);
  r[3] = 2 * (x * y + w * z); r[4] = w * w - x * x + y * y - z * z; r[5] = 2 * (y * z - w * x);
  r[6] = 2 * (x * z - w * y); r[7] = 2 * (y * z + w * x); r[8] = w * w - x * x - y * y + z * z;
  // observed centroid = scale · R · model centroid + translation
  const { x: cax, y: cay, z: caz } = model.centroid, scale = ws.scale, c = ws.observedCentroid;
  ws.translation[0] = (c[0] as number) - ((r[0] as number) * cax + (r[1] as number) * cay + (r[2] as number) * caz) * scale;
  ws.translation[1] = (c[1] as number) - ((r[3] as number) * cax + (r[4] as number) * cay + (r[5] as number) * caz) * scale;
  ws.translation[2] = (c[2] as number) - ((r[6] as number) * cax + (r[7] as number) * cay + (r[8] as number) * caz) * scale;
  return true;
}

/**
 * The fit's scale and rmsResidual alone, into `ws` (its rotation is not computed). False as
 * fitSimilarityInto.
 */
export function fitSimilarityResidualInto(ws: SimilarityFitWorkspace, model: SimilarityModel): boolean {
  return moments(ws, model) && scaleAndResidualInto(ws, model, bestCorrelation(ws, model));
}

export interface SimilarityFit {
  /** observed ≈ scale · rotation · model + translation */
  readonly rotation: Mat3;
  readonly scale: number;
  readonly translation: Vec3;
  /** Weighted RMS distance between the fitted model and the observed points, in observed units. */
  readonly rmsResidual: number;
}

/** fitSimilarityInto on plain points (those of positive weight); null with fewer than 3 of them or a degenerate fit. */
export function fitSimilarity(model: readonly Vec3[], observed: readonly Vec3[], weights: readonly number[]): SimilarityFit | null {
  const count = Math.min(model.length, observed.length, weights.length);
  const used = Array.from({ length: count }, (_, k) => k).filter((k) => (weights[k] ?? 0) > 0);
  if (used.length < 3) return null;
  const fitModel = similarityModel(used.map((k) => model[k] as Vec3), used.map((k) => weights[k] ?? 0));
  const ws = new SimilarityFitWorkspace(used.length);
  used.forEach((k, i) => {
    const b = observed[k] as Vec3;
    ws.observed[3 * i] = b.x; ws.observed[3 * i + 1] = b.y; ws.observed[3 * i + 2] = b.z;
  });
  if (!fitSimilarityInto(ws, fitModel)) return null;
  const t = ws.translation;
  return { rotation: toMat3(ws.rotation), scale: ws.scale, translation: { x: t[0] as number, y: t[1] as number, z: t[2] as number }, rmsResidual: ws.rmsResidual };
}
