import type { Vec3 } from './vec3';

/** The model side of a weighted similarity fit (similarity-fit.ts), precomputed once and never written. */
export interface SimilarityModel {
  readonly count: number;
  readonly weights: Float64Array;
  /** x, y, z of each point. */
  readonly points: Float64Array;
  /** The points relative to their weighted centroid. */
  readonly centred: Float64Array;
  readonly centroid: Vec3;
  readonly totalWeight: number;
  /** Σ w·|a − ā|². */
  readonly spread: number;
}

export function similarityModel(points: readonly Vec3[], weights: readonly number[]): SimilarityModel {
  const count = Math.min(points.length, weights.length);
  const w = Float64Array.from({ length: count }, (_, k) => weights[k] ?? 0);
  const xyz = Float64Array.from({ length: 3 * count }, (_, i) => {
    const p = points[Math.floor(i / 3)] as Vec3;
    return i % 3 === 0 ? p.x : i % 3 === 1 ? p.y : p.z;
  });
  let total = 0, x = 0, y = 0, z = 0;
  for (let k = 0; k < count; k += 1) {
    const wk = w[k] as number;
    total += wk; x += wk * (xyz[3 * k] as number); y += wk * (xyz[3 * k + 1] as number); z += wk * (xyz[3 * k + 2] as number);
  }
  const centroid = { x: x / total, y: y / total, z: z / total };
  const centred = xyz.map((value, i) => value - (i % 3 === 0 ? centroid.x : i % 3 === 1 ? centroid.y : centroid.z));
  let spread = 0;
  for (let k = 0; k < count; k += 1) spread += (w[k] as number) * ((centred[3 * k] as number) ** 2 + (centred[3 * k + 1] as number) ** 2 + (centred[3 * k + 2] as number) ** 2);
  return { count, weights: w, points: xyz, centred, centroid, totalWeight: total, spread };
}
