import { hypot3 } from './hypot';
import type { Mat3 } from './mat3';

/**
 * The 3×3 kernels the per-frame paths run, written into a caller's buffer (row-major, 9 entries)
 * instead of allocating: the allocating forms in mat3.ts are these plus a copy. Inputs are any
 * row-major 9 numbers (a Mat3 or a buffer); `out` may be one of them (every input entry is read
 * before any is written).
 */
export type Mat3Buffer = Float64Array;

export function mat3Buffer(): Mat3Buffer {
  return new Float64Array(9);
}

/** A buffer's entries as a Mat3 value (for results that outlive the buffer). */
export function toMat3(m: ArrayLike<number>): Mat3 {
  return [m[0] as number, m[1] as number, m[2] as number, m[3] as number, m[4] as number, m[5] as number, m[6] as number, m[7] as number, m[8] as number];
}

function write(out: Mat3Buffer, a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number): Mat3Buffer {
  out[0] = a; out[1] = b; out[2] = c; out[3] = d; out[4] = e; out[5] = f; out[6] = g; out[7] = h; out[8] = i;
  return out;
}

/** out = A · b for A given by its entries (row-major), each element summed over k = 0, 1, 2 in that order. */
function productInto(
  out: Mat3Buffer,
  a00: number, a01: number, a02: number, a10: number, a11: number, a12: number, a20: number, a21: number, a22: number,
  b: ArrayLike<number>,
): Mat3Buffer {
  const b00 = b[0] as number, b01 = b[1] as number, b02 = b[2] as number, b10 = b[3] as number, b11 = b[4] as number;
  const b12 = b[5] as number, b20 = b[6] as number, b21 = b[7] as number, b22 = b[8] as number;
  return write(
    out,
    a00 * b00 + a01 * b10 + a02 * b20, a00 * b01 + a01 * b11 + a02 * b21, a00 * b02 + a01 * b12 + a02 * b22,
    a10 * b00 + a11 * b10 + a12 * b20, a10 * b01 + a11 * b11 + a12 * b21, a10 * b02 + a11 * b12 + a12 * b22,
    a20 * b00 + a21 * b10 + a22 * b20, a20 * b01 + a21 * b11 + a22 * b21, a20 * b02 + a21 * b12 + a22 * b22,
  );
}

/** out = a · b. */
export function multiplyMat3Into(out: Mat3Buffer, a: ArrayLike<number>, b: ArrayLike<number>): Mat3Buffer {
  return productInto(out, a[0] as number, a[1] as number, a[2] as number, a[3] as number, a[4] as number, a[5] as number, a[6] as number, a[7] as number, a[8] as number, b);
}

/** out = aᵀ · b (b relative to a: a rotation's inverse applied first). */
export function transposeMultiplyMat3Into(out: Mat3Buffer, a: ArrayLike<number>, b: ArrayLike<number>): Mat3Buffer {
  return productInto(out, a[0] as number, a[3] as number, a[6] as number, a[1] as number, a[4] as number, a[7] as number, a[2] as number, a[5] as number, a[8] as number, b);
}

export function identityInto(out: Mat3Buffer): Mat3Buffer {
  return write(out, 1, 0, 0, 0, 1, 0, 0, 0, 1);
}

/** Rodrigues: rotation by `rad` about the unit vector (x, y, z). */
export function axisAngleToMat3Into(out: Mat3Buffer, x: number, y: number, z: number, rad: number): Mat3Buffer {
  return rodriguesInto(out, x, y, z, Math.cos(rad), Math.sin(rad));
}

/** Rodrigues from the angle's cosine `c` and sine `s`. */
function rodriguesInto(out: Mat3Buffer, x: number, y: number, z: number, c: number, s: number): Mat3Buffer {
  const t = 1 - c;
  return write(
    out,
    t * x * x + c, t * x * y - s * z, t * x * z + s * y,
    t * x * y + s * z, t * y * y + c, t * y * z - s * x,
    t * x * z - s * y, t * y * z + s * x, t * z * z + c,
  );
}

/**
 * The smallest rotation taking direction (fx, fy, fz) onto direction (tx, ty, tz), scaled by
 * `fraction` (0 = identity, 1 = the full rotation). Identity for zero or parallel inputs.
 */
export function rotationBetweenInto(out: Mat3Buffer, fx: number, fy: number, fz: number, tx: number, ty: number, tz: number, fraction: number): Mat3Buffer {
  // None of the rotation (the face fit's default ray share): the identity, without the trigonometry.
  if (fraction === 0) return identityInto(out);
  const lengthA = hypot3(fx, fy, fz);
  const lengthB = hypot3(tx, ty, tz);
  if (!(lengthA > 1e-12) || !(lengthB > 1e-12)) return identityInto(out);
  const fa = 1 / lengthA, fb = 1 / lengthB;
  const ax = fx * fa, ay = fy * fa, az = fz * fa;
  const bx = tx * fb, by = ty * fb, bz = tz * fb;
  const cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
  const lengthC = hypot3(cx, cy, cz);
  if (!(lengthC > 1e-12)) return identityInto(out);
  const fc = 1 / lengthC;
  const cos = Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz));
  // The whole rotation needs no angle: |a × b| and a · b are its sine and cosine (unit a, b).
  if (fraction === 1) return rodriguesInto(out, cx * fc, cy * fc, cz * fc, cos, lengthC);
  return axisAngleToMat3Into(out, cx * fc, cy * fc, cz * fc, Math.acos(cos) * fraction);
}
