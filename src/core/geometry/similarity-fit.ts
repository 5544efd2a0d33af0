import type { Mat3 } from './mat3';
import { applyMat3 } from './mat3';
import { symmetricEigen } from './symmetric-eigen';
import { addVec3, dotVec3, scaleVec3, subVec3, type Vec3 } from './vec3';

export interface SimilarityFit {
  /** observed ≈ scale · rotation · model + translation */
  readonly rotation: Mat3;
  readonly scale: number;
  readonly translation: Vec3;
  /** Weighted RMS distance between the fitted model and the observed points, in observed units. */
  readonly rmsResidual: number;
}

function weightedCentroid(points: readonly Vec3[], weights: readonly number[], totalWeight: number): Vec3 {
  let sum: Vec3 = { x: 0, y: 0, z: 0 };
  points.forEach((p, k) => {
    sum = addVec3(sum, scaleVec3(p, weights[k] ?? 0));
  });
  return scaleVec3(sum, 1 / totalWeight);
}

function quaternionToMat3(w: number, x: number, y: number, z: number): Mat3 {
  return [
    w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
    2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
    2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
  ];
}

/**
 * Weighted least-squares similarity transform (rotation, uniform scale, translation) taking
 * `model` onto `observed`: Horn's closed-form quaternion solution (J. Opt. Soc. Am. A 4(4), 1987),
 * with Umeyama's scale (IEEE TPAMI 13(4), 1991). Null with fewer than 3 weighted points or a
 * degenerate configuration.
 */
export function fitSimilarity(model: readonly Vec3[], observed: readonly Vec3[], weights: readonly number[]): SimilarityFit | null {
  const count = Math.min(model.length, observed.length, weights.length);
  const used = Array.from({ length: count }, (_, k) => k).filter((k) => (weights[k] ?? 0) > 0);
  if (used.length < 3) return null;
  const a = used.map((k) => model[k] as Vec3);
  const b = used.map((k) => observed[k] as Vec3);
  const w = used.map((k) => weights[k] ?? 0);
  const totalWeight = w.reduce((s, x) => s + x, 0);
  const centroidA = weightedCentroid(a, w, totalWeight);
  const centroidB = weightedCentroid(b, w, totalWeight);
  let sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0, modelSpread = 0;
  a.forEach((pa, k) => {
    const da = subVec3(pa, centroidA);
    const db = subVec3(b[k] as Vec3, centroidB);
    const wk = w[k] ?? 0;
    sxx += wk * da.x * db.x; sxy += wk * da.x * db.y; sxz += wk * da.x * db.z;
    syx += wk * da.y * db.x; syy += wk * da.y * db.y; syz += wk * da.y * db.z;
    szx += wk * da.z * db.x; szy += wk * da.z * db.y; szz += wk * da.z * db.z;
    modelSpread += wk * dotVec3(da, da);
  });
  if (!(modelSpread > 1e-12)) return null;
  const n = [
    [sxx + syy + szz, syz - szy, szx - sxz, sxy - syx],
    [syz - szy, sxx - syy - szz, sxy + syx, szx + sxz],
    [szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy],
    [sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz],
  ];
  const { values, vectors } = symmetricEigen(n);
  let best = 0;
  values.forEach((value, k) => {
    if (value > (values[best] ?? -Infinity)) best = k;
  });
  const q = vectors[best] ?? [1, 0, 0, 0];
  const norm = Math.hypot(...q);
  if (!(norm > 0)) return null;
  const rotation = quaternionToMat3((q[0] ?? 1) / norm, (q[1] ?? 0) / norm, (q[2] ?? 0) / norm, (q[3] ?? 0) / norm);
  let correlation = 0;
  a.forEach((pa, k) => {
    correlation += (w[k] ?? 0) * dotVec3(subVec3(b[k] as Vec3, centroidB), applyMat3(rotation, subVec3(pa, centroidA)));
  });
  const scale = correlation / modelSpread;
  if (!(scale > 0)) return null;
  const translation = subVec3(centroidB, scaleVec3(applyMat3(rotation, centroidA), scale));
  let squared = 0;
  a.forEach((pa, k) => {
    const fitted = addVec3(scaleVec3(applyMat3(rotation, pa), scale), translation);
    const d = subVec3(fitted, b[k] as Vec3);
    squared += (w[k] ?? 0) * dotVec3(d, d);
  });
  return { rotation, scale, translation, rmsResidual: Math.sqrt(squared / totalWeight) };
}
