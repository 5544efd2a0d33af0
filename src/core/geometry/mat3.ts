import { hypot3 } from './hypot';
import { lengthVec3, type Vec3 } from './vec3';

/** A 3x3 matrix, row-major: [r0c0, r0c1, r0c2, r1c0, …, r2c2]. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

export const IDENTITY3: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Element at row r, column c (0-based). */
export function mat3At(m: Mat3, r: number, c: number): number {
  return m[3 * r + c] ?? Number.NaN;
}

export function mat3FromFunction(element: (r: number, c: number) => number): Mat3 {
  return [
    element(0, 0), element(0, 1), element(0, 2),
    element(1, 0), element(1, 1), element(1, 2),
    element(2, 0), element(2, 1), element(2, 2),
  ];
}

/** a · b, each element summed over k = 0, 1, 2 in that order (written out: it runs several times per frame). */
export function multiplyMat3(a: Mat3, b: Mat3): Mat3 {
  const [a00, a01, a02, a10, a11, a12, a20, a21, a22] = a;
  const [b00, b01, b02, b10, b11, b12, b20, b21, b22] = b;
  return [
    a00 * b00 + a01 * b10 + a02 * b20, a00 * b01 + a01 * b11 + a02 * b21, a00 * b02 + a01 * b12 + a02 * b22,
    a10 * b00 + a11 * b10 + a12 * b20, a10 * b01 + a11 * b11 + a12 * b21, a10 * b02 + a11 * b12 + a12 * b22,
    a20 * b00 + a21 * b10 + a22 * b20, a20 * b01 + a21 * b11 + a22 * b21, a20 * b02 + a21 * b12 + a22 * b22,
  ];
}

export function transposeMat3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  return [a, d, g, b, e, h, c, f, i];
}

export function addScaledMat3(a: Mat3, b: Mat3, bFactor: number): Mat3 {
  return mat3FromFunction((r, c) => mat3At(a, r, c) + bFactor * mat3At(b, r, c));
}

export function scaleMat3(m: Mat3, factor: number): Mat3 {
  return mat3FromFunction((r, c) => factor * mat3At(m, r, c));
}

export function applyMat3(m: Mat3, v: Vec3): Vec3 {
  return {
    x: m[0] * v.x + m[1] * v.y + m[2] * v.z,
    y: m[3] * v.x + m[4] * v.y + m[5] * v.z,
    z: m[6] * v.x + m[7] * v.y + m[8] * v.z,
  };
}

export function determinantMat3(m: Mat3): number {
  const [a, b, c, d, e, f, g, h, i] = m;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/** Inverse, or null for a (near-)singular matrix. */
export function invertMat3(m: Mat3): Mat3 | null {
  const [a, b, c, d, e, f, g, h, i] = m;
  const det = determinantMat3(m);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  const k = 1 / det;
  return [
    (e * i - f * h) * k, (c * h - b * i) * k, (b * f - c * e) * k,
    (f * g - d * i) * k, (a * i - c * g) * k, (c * d - a * f) * k,
    (d * h - e * g) * k, (b * g - a * h) * k, (a * e - b * d) * k,
  ];
}

/** Frobenius norm of a − b. */
export function distanceMat3(a: Mat3, b: Mat3): number {
  let sum = 0;
  for (let k = 0; k < 9; k += 1) sum += ((a[k] ?? 0) - (b[k] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** Right-handed rotations by `rad` about the camera axes (counter-clockwise seen from the axis' tip). */
export function rotationX(rad: number): Mat3 {
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}

export function rotationY(rad: number): Mat3 {
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}

export function rotationZ(rad: number): Mat3 {
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

/** Rodrigues: rotation by `rad` about the unit vector `axis`. */
export function axisAngleToMat3(axis: Vec3, rad: number): Mat3 {
  const c = Math.cos(rad);
  const s = Math.sin(rad);
  const t = 1 - c;
  const { x, y, z } = axis;
  return [
    t * x * x + c, t * x * y - s * z, t * x * z + s * y,
    t * x * y + s * z, t * y * y + c, t * y * z - s * x,
    t * x * z - s * y, t * y * z + s * x, t * z * z + c,
  ];
}

/** Rotation by the vector `omega` (axis × angle in rad): the exponential map. */
export function rotationFromVector(omega: Vec3): Mat3 {
  const angle = hypot3(omega.x, omega.y, omega.z);
  if (angle < 1e-12) return IDENTITY3;
  return axisAngleToMat3({ x: omega.x / angle, y: omega.y / angle, z: omega.z / angle }, angle);
}

/**
 * The smallest rotation taking direction `from` onto direction `to`, scaled by `fraction`
 * (0 = identity, 1 = the full rotation). Identity for zero or parallel inputs.
 */
export function rotationBetween(from: Vec3, to: Vec3, fraction = 1): Mat3 {
  // normalizeVec3(from), normalizeVec3(to), their cross product normalised, on plain numbers:
  // the same arithmetic without four intermediate objects (this runs several times per frame).
  const lengthA = lengthVec3(from);
  const lengthB = lengthVec3(to);
  if (!(lengthA > 1e-12) || !(lengthB > 1e-12)) return IDENTITY3;
  const fa = 1 / lengthA, fb = 1 / lengthB;
  const ax = from.x * fa, ay = from.y * fa, az = from.z * fa;
  const bx = to.x * fb, by = to.y * fb, bz = to.z * fb;
  const cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
  const lengthC = hypot3(cx, cy, cz);
  if (!(lengthC > 1e-12)) return IDENTITY3;
  const fc = 1 / lengthC;
  const angle = Math.acos(Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz)));
  return axisAngleToMat3({ x: cx * fc, y: cy * fc, z: cz * fc }, angle * fraction);
}

/**
 * The rotation nearest to `m` (the orthogonal factor of its polar decomposition, by Newton's
 * iteration X ← (X + X⁻ᵀ)/2), which also strips a uniform scale. Null when `m` is singular,
 * not finite, or a reflection (det < 0).
 */
export function orthonormalizeMat3(m: Mat3): Mat3 | null {
  if (!m.every(Number.isFinite)) return null;
  const det = determinantMat3(m);
  if (!(det > 1e-12)) return null;
  let x = scaleMat3(m, 1 / Math.cbrt(det));
  for (let iteration = 0; iteration < 30; iteration += 1) {
    const inverse = invertMat3(x);
    if (!inverse) return null;
    const next = scaleMat3(addScaledMat3(x, transposeMat3(inverse), 1), 0.5);
    const change = distanceMat3(next, x);
    x = next;
    if (change < 1e-13) break;
  }
  return x;
}

/**
 * The rotation part of a 4x4 matrix given as 16 numbers in column-major order
 * (MediaPipe's facial transformation matrix: R[r][c] = m[4*c + r]), orthonormalised.
 */
export function rotationFromColumnMajor4x4(m16: readonly number[]): Mat3 | null {
  if (m16.length < 16) return null;
  return orthonormalizeMat3(mat3FromFunction((r, c) => m16[4 * c + r] ?? Number.NaN));
}
