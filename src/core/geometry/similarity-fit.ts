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
 * The fit of `model` to ws.observed (its first model.count points) into ws.rotation, scale,
 * translation and rmsResidual. False with a degenerate configuration or non-finite points.
 */
export function fitSimilarityInto(ws: SimilarityFitWorkspace, model: SimilarityModel): boolean {
  if (!moments(ws, model) || !bestQuaternion(ws, bestCorrelation(ws, model))) return false;
  const q = ws.quaternion;
  const w = q[0] as number, x = q[1] as number, y = q[2] as number, z = q[3] as number;
  const r0 = w * w + x * x - y * y - z * z, r1 = 2 * (x * y - w * z), r2 = 2 * (x * z + w * y);
  const r3 = 2 * (x * y + w * z), r4 = w * w - x * x + y * y - z * z, r5 = 2 * (y * z - w * x);
  const r6 = 2 * (x * z - w * y), r7 = 2 * (y * z + w * x), r8 = w * w - x * x - y * y + z * z;
  const b = ws.observed, a = model.centred, weights = model.weights, count = model.count;
  const cbx = ws.observedCentroid[0] as number, cby = ws.observedCentroid[1] as number, cbz = ws.observedCentroid[2] as number;
  let correlation = 0;
  for (let k = 0; k < count; k += 1) {
    const dax = a[3 * k] as number, day = a[3 * k + 1] as number, daz = a[3 * k + 2] as number;
    const dbx = (b[3 * k] as number) - cbx, dby = (b[3 * k + 1] as number) - cby, dbz = (b[3 * k + 2] as number) - cbz;
    const rx = r0 * dax + r1 * day + r2 * daz, ry = r3 * dax + r4 * day + r5 * daz, rz = r6 * dax + r7 * day + r8 * daz;
    correlation += (weights[k] as number) * (dbx * rx + dby * ry + dbz * rz);
  }
  const scale = correlation / model.spread;
  if (!(scale > 0)) return false;
  const { x: cax, y: cay, z: caz } = model.centroid;
  const tx = cbx - (r0 * cax + r1 * cay + r2 * caz) * scale;
  const ty = cby - (r3 * cax + r4 * cay + r5 * caz) * scale;
  const tz = cbz - (r6 * cax + r7 * cay + r8 * caz) * scale;
  const p = model.points;
  let squared = 0;
  for (let k = 0; k < count; k += 1) {
    const mx = p[3 * k] as number, my = p[3 * k + 1] as number, mz = p[3 * k + 2] as number;
    const dx = (r0 * mx + r1 * my + r2 * mz) * scale + tx - (b[3 * k] as number);
    const dy = (r3 * mx + r4 * my + r5 * mz) * scale + ty - (b[3 * k + 1] as number);
    const dz = (r6 * mx + r7 * my + r8 * mz) * scale + tz - (b[3 * k + 2] as number);
    squared += (weights[k] as number) * (dx * dx + dy * dy + dz * dz);
  }
  const r = ws.rotation;
  r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3; r[4] = r4; r[5] = r5; r[6] = r6; r[7] = r7; r[8] = r8;
  ws.translation[0] = tx; ws.translation[1] = ty; ws.translation[2] = tz;
  ws.scale = scale;
  ws.rmsResidual = Math.sqrt(squared / model.totalWeight);
  return true;
}

/**
 * The fit's scale and rmsResidual alone, into `ws` (its rotation is not computed). At the best
 * rotation the correlation is N's largest eigenvalue λ, the scale λ/Σw|a − ā|² and the squared
 * residual Σw|b − b̄|² − λ²/Σw|a − ā|². False as fitSimilarityInto.
 */
export function fitSimilarityResidualInto(ws: SimilarityFitWorkspace, model: SimilarityModel): boolean {
  if (!moments(ws, model)) return false;
  const lambda = bestCorrelation(ws, model);
  const scale = lambda / model.spread;
  if (!(scale > 0)) return false;
  ws.scale = scale;
  ws.rmsResidual = Math.sqrt(Math.max(ws.observedSpread - lambda * scale, 0) / model.totalWeight);
  return true;
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
