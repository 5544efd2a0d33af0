import type { Mat3 } from '../geometry/mat3';

/**
 * geometry/mat3.ts orthonormalizeMat3 (the polar decomposition's rotation by the iteration
 * X ← (X + X⁻ᵀ)/2) on scratch typed arrays, with the same arithmetic in the same order, so the
 * same result to the last bit (tests/unit/core/head-pose/orthonormalize.test.ts). Used for
 * every frame's fusion and MediaPipe matrix (docs/head-pose.md, Performance).
 */

const x = new Float64Array(9);
const next = new Float64Array(9);

/** The nearest rotation to the row-major 3×3 `m`; null when not finite or det(m) ≤ 1e-12. */
export function orthonormalized(m: ArrayLike<number>): Mat3 | null {
  for (let k = 0; k < 9; k += 1) if (!Number.isFinite(m[k])) return null;
  const det0 = determinant(m);
  if (!(det0 > 1e-12)) return null;
  const factor = 1 / Math.cbrt(det0);
  for (let k = 0; k < 9; k += 1) x[k] = factor * (m[k] as number);
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const a = x[0] as number, b = x[1] as number, c = x[2] as number, d = x[3] as number, e = x[4] as number;
    const f = x[5] as number, g = x[6] as number, h = x[7] as number, i = x[8] as number;
    const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
    const k = 1 / det;
    // next = (x + inverse(x)ᵀ) / 2, the inverse's entries as invertMat3 computes them.
    next[0] = 0.5 * (a + (e * i - f * h) * k); next[1] = 0.5 * (b + (f * g - d * i) * k); next[2] = 0.5 * (c + (d * h - e * g) * k);
    next[3] = 0.5 * (d + (c * h - b * i) * k); next[4] = 0.5 * (e + (a * i - c * g) * k); next[5] = 0.5 * (f + (b * g - a * h) * k);
    next[6] = 0.5 * (g + (b * f - c * e) * k); next[7] = 0.5 * (h + (c * d - a * f) * k); next[8] = 0.5 * (i + (a * e - b * d) * k);
    let sum = 0;
    for (let n = 0; n < 9; n += 1) sum += ((next[n] as number) - (x[n] as number)) ** 2;
    x.set(next);
    if (Math.sqrt(sum) < 1e-13) break;
  }
  return [x[0] as number, x[1] as number, x[2] as number, x[3] as number, x[4] as number, x[5] as number, x[6] as number, x[7] as number, x[8] as number];
}

function determinant(m: ArrayLike<number>): number {
  const a = m[0] as number, b = m[1] as number, c = m[2] as number, d = m[3] as number, e = m[4] as number;
  const f = m[5] as number, g = m[6] as number, h = m[7] as number, i = m[8] as number;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

const blend = new Float64Array(9);

/** orthonormalizeMat3(addScaledMat3(scaleMat3(a, 1 − share), b, share)): the chordal mean of fusion.ts. */
export function orthonormalizedBlend(a: Mat3, b: Mat3, share: number): Mat3 | null {
  const keep = 1 - share;
  for (let k = 0; k < 9; k += 1) blend[k] = keep * (a[k] as number) + share * (b[k] as number);
  return orthonormalized(blend);
}

const columnMajor = new Float64Array(9);

/** rotationFromColumnMajor4x4: the orthonormalised rotation part of a column-major 4×4. */
export function rotationOfColumnMajor4x4(m16: readonly number[]): Mat3 | null {
  if (m16.length < 16) return null;
  for (let r = 0; r < 3; r += 1) for (let c = 0; c < 3; c += 1) columnMajor[3 * r + c] = m16[4 * c + r] ?? Number.NaN;
  return orthonormalized(columnMajor);
}
