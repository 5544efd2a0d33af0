import type { Mat3Buffer } from './mat3-kernels';

/**
 * A rotation's continuous 6D representation: its first two columns (x then y axis), as a learned
 * model outputs them. ref: Zhou, Barnes, Lu, Yang, Li, "On the Continuity of Rotation
 * Representations in Neural Networks", CVPR 2019. Unlike Euler angles it has no gimbal lock: near
 * 90° of yaw pitch and roll are not separable, but these six numbers stay well defined.
 */
export const SIX_D_SIZE = 6;

/** The first two columns of the row-major rotation `r`, into `out` (x axis then y axis). */
export function sixDFromRotationInto(out: Float64Array | number[], r: ArrayLike<number>): void {
  out[0] = r[0] as number; out[1] = r[3] as number; out[2] = r[6] as number;
  out[3] = r[1] as number; out[4] = r[4] as number; out[5] = r[7] as number;
}

/**
 * The rotation whose first two columns are nearest the six numbers `v` (Gram–Schmidt: the x axis
 * normalised, the y axis made orthogonal to it and normalised, z = x × y), into `out` (row-major).
 * False, `out` untouched, when the numbers are not finite or the two columns are (nearly) parallel.
 */
export function rotationFromSixDInto(out: Mat3Buffer, v: ArrayLike<number>): boolean {
  const x0 = v[0] as number, x1 = v[1] as number, x2 = v[2] as number;
  const y0 = v[3] as number, y1 = v[4] as number, y2 = v[5] as number;
  const xn = Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
  if (!(xn > 1e-9) || !Number.isFinite(xn + y0 + y1 + y2)) return false;
  const ax = x0 / xn, ay = x1 / xn, az = x2 / xn;
  const along = ax * y0 + ay * y1 + az * y2;
  const b0 = y0 - along * ax, b1 = y1 - along * ay, b2 = y2 - along * az;
  const bn = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2);
  if (!(bn > 1e-9)) return false;
  const bx = b0 / bn, by = b1 / bn, bz = b2 / bn;
  out[0] = ax; out[1] = bx; out[2] = ay * bz - az * by;
  out[3] = ay; out[4] = by; out[5] = az * bx - ax * bz;
  out[6] = az; out[7] = bz; out[8] = ax * by - ay * bx;
  return true;
}
