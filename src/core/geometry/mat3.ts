import { hypot3 } from './hypot';
import { axisAngleToMat3Into, multiplyMat3Into, rotationBetweenInto, toMat3 } from './mat3-kernels';
import type { Vec3 } from './vec3';

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

/** a · b (multiplyMat3Into's arithmetic). */
export function multiplyMat3(a: Mat3, b: Mat3): Mat3 {
  return toMat3(multiplyMat3Into(new Float64Array(9), a, b));
}

export function transposeMat3(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  return [a, d, g, b, e, h, c, f, i];
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
  return toMat3(axisAngleToMat3Into(new Float64Array(9), axis.x, axis.y, axis.z, rad));
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
  return toMat3(rotationBetweenInto(new Float64Array(9), from.x, from.y, from.z, to.x, to.y, to.z, fraction));
}
