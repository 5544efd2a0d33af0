import { toMat3, type Mat3Buffer } from './mat3-kernels';
import type { Mat3 } from './mat3';

const MIN_RELATIVE_DET = 1e-9;

/**
 * The rotation nearest to the row-major 3×3 `m` (the orthogonal factor of its polar decomposition,
 * by Newton's iteration X ← (X + X⁻ᵀ)/2 from m / ∛det m), which also strips a uniform scale,
 * written to `out` (which may be `m`). False, `out` untouched, when `m` is not finite, a
 * reflection, or singular or nearly so: det ≤ 1e-9 of its size cubed (size: the Frobenius norm
 * over √3, 1 for a rotation). Past that, 30 Newton steps do not reach a rotation (a property test
 * found det 1e-12 of a size-1.3 matrix left 1e-4 off orthonormal).
 */
export function orthonormalizeMat3Into(out: Mat3Buffer, m: ArrayLike<number>): boolean {
  let a = m[0] as number, b = m[1] as number, c = m[2] as number, d = m[3] as number, e = m[4] as number;
  let f = m[5] as number, g = m[6] as number, h = m[7] as number, i = m[8] as number;
  if (!Number.isFinite(a + b + c + d + e + f + g + h + i)) return false;
  const det0 = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  const size = Math.sqrt((a * a + b * b + c * c + d * d + e * e + f * f + g * g + h * h + i * i) / 3);
  if (!(det0 > MIN_RELATIVE_DET * size * size * size)) return false;
  const factor = 1 / Math.cbrt(det0);
  a *= factor; b *= factor; c *= factor; d *= factor; e *= factor; f *= factor; g *= factor; h *= factor; i *= factor;
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return false;
    const k = 1 / det;
    // (X + X⁻ᵀ) / 2: X⁻ᵀ's entries are X's cofactors over det.
    const na = 0.5 * (a + (e * i - f * h) * k), nb = 0.5 * (b + (f * g - d * i) * k), nc = 0.5 * (c + (d * h - e * g) * k);
    const nd = 0.5 * (d + (c * h - b * i) * k), ne = 0.5 * (e + (a * i - c * g) * k), nf = 0.5 * (f + (b * g - a * h) * k);
    const ng = 0.5 * (g + (b * f - c * e) * k), nh = 0.5 * (h + (c * d - a * f) * k), ni = 0.5 * (i + (a * e - b * d) * k);
    const change = (na - a) ** 2 + (nb - b) ** 2 + (nc - c) ** 2 + (nd - d) ** 2 + (ne - e) ** 2 + (nf - f) ** 2 + (ng - g) ** 2 + (nh - h) ** 2 + (ni - i) ** 2;
    a = na; b = nb; c = nc; d = nd; e = ne; f = nf; g = ng; h = nh; i = ni;
    if (change < 1e-26) break;
  }
  out[0] = a; out[1] = b; out[2] = c; out[3] = d; out[4] = e; out[5] = f; out[6] = g; out[7] = h; out[8] = i;
  return true;
}

/**
 * The orthonormalised rotation part of a 4×4 matrix given as 16 numbers in column-major order
 * (MediaPipe's facial transformation matrix: R[r][c] = m[4c + r]), into `out`. False as
 * orthonormalizeMat3Into, or for fewer than 16 numbers.
 */
export function rotationFromColumnMajor4x4Into(out: Mat3Buffer, m16: ArrayLike<number>): boolean {
  if (m16.length < 16) return false;
  out[0] = m16[0] as number; out[1] = m16[4] as number; out[2] = m16[8] as number;
  out[3] = m16[1] as number; out[4] = m16[5] as number; out[5] = m16[9] as number;
  out[6] = m16[2] as number; out[7] = m16[6] as number; out[8] = m16[10] as number;
  return orthonormalizeMat3Into(out, out);
}

/** orthonormalizeMat3Into as a value: null where it fails. */
export function orthonormalizeMat3(m: ArrayLike<number>): Mat3 | null {
  const out = new Float64Array(9);
  return orthonormalizeMat3Into(out, m) ? toMat3(out) : null;
}

/** rotationFromColumnMajor4x4Into as a value. */
export function rotationFromColumnMajor4x4(m16: ArrayLike<number>): Mat3 | null {
  const out = new Float64Array(9);
  return rotationFromColumnMajor4x4Into(out, m16) ? toMat3(out) : null;
}
