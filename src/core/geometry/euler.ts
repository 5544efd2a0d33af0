import type { HeadAngles } from '../head-pose/head-angles';
import { clamp, DEG_PER_RAD, RAD_PER_DEG } from './angle-units';
import { hypot2 } from './hypot';
import type { Mat3 } from './mat3';
import { toMat3, type Mat3Buffer } from './mat3-kernels';
import { rotationFromColumnMajor4x4 } from './orthonormalize';

/**
 * Atlas' convention (head-angles.ts): R = Rz(−roll) · Ry(yaw) · Rx(−pitch), in camera space
 * (x right, y up, z toward the viewer), angles in degrees; written out, into `out`.
 */
export function anglesToMatrixInto(out: Mat3Buffer, yawDeg: number, pitchDeg: number, rollDeg: number): Mat3Buffer {
  const z = -rollDeg * RAD_PER_DEG, y = yawDeg * RAD_PER_DEG, x = -pitchDeg * RAD_PER_DEG;
  const cz = Math.cos(z), sz = Math.sin(z), cy = Math.cos(y), sy = Math.sin(y), cx = Math.cos(x), sx = Math.sin(x);
  const sysx = sy * sx, sycx = sy * cx;
  out[0] = cz * cy; out[1] = cz * sysx - sz * cx; out[2] = cz * sycx + sz * sx;
  out[3] = sz * cy; out[4] = sz * sysx + cz * cx; out[5] = sz * sycx - cz * sx;
  out[6] = -sy; out[7] = cy * sx; out[8] = cy * cx;
  return out;
}

export function anglesToMatrix(angles: HeadAngles): Mat3 {
  return toMat3(anglesToMatrixInto(new Float64Array(9), angles.yawDeg, angles.pitchDeg, angles.rollDeg));
}

/** Below this, cos(yaw) is treated as 0 (gimbal lock at yaw = ±90°). */
const GIMBAL_EPSILON = 1e-9;

/**
 * Inverse of anglesToMatrix for a rotation matrix: yaw in [−90, 90], pitch and roll in (−180, 180].
 * yaw = asin(−R20), pitch = −atan2(R21, R22), roll = −atan2(R10, R00). At yaw = ±90° pitch and
 * roll are not separable; roll is then reported as 0.
 */
export function rotationToAngles(r: ArrayLike<number>): HeadAngles {
  const r20 = r[6] as number;
  const yaw = Math.asin(clamp(-r20, -1, 1));
  const cosYawSigned = hypot2(r[7] as number, r[8] as number);
  if (cosYawSigned < GIMBAL_EPSILON) {
    // R = Rz(γ)·Ry(±90°)·Rx(α): only α ∓ γ is observable; take γ = 0 (γ = −roll, α = −pitch).
    const alpha = r20 < 0 ? Math.atan2(r[1] as number, r[4] as number) : Math.atan2(-(r[1] as number), r[4] as number);
    return { yawDeg: yaw * DEG_PER_RAD, pitchDeg: normalizeZero(-alpha * DEG_PER_RAD), rollDeg: 0 };
  }
  return {
    yawDeg: yaw * DEG_PER_RAD,
    pitchDeg: normalizeZero(-Math.atan2(r[7] as number, r[8] as number) * DEG_PER_RAD),
    rollDeg: normalizeZero(-Math.atan2(r[3] as number, r[0] as number) * DEG_PER_RAD),
  };
}

/** Avoids −0 in outputs (it prints and compares oddly). */
function normalizeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/**
 * Head angles from a 4x4 matrix given as 16 numbers, column-major (MediaPipe's facial
 * transformation matrix). The rotation part is orthonormalised first; the translation is ignored.
 * Null when the matrix is not a usable rotation.
 */
export function matrixToAngles(m16ColumnMajor: readonly number[]): HeadAngles | null {
  const rotation = rotationFromColumnMajor4x4(m16ColumnMajor);
  return rotation ? rotationToAngles(rotation) : null;
}

/** A column-major 4x4 matrix (MediaPipe layout) with the rotation of `angles` and a translation. */
export function anglesToMatrix16(angles: HeadAngles, translation: readonly [number, number, number] = [0, 0, 0]): number[] {
  const r = anglesToMatrix(angles);
  const out: number[] = [];
  for (let c = 0; c < 4; c += 1) {
    for (let row = 0; row < 4; row += 1) {
      if (c < 3 && row < 3) out.push(r[3 * row + c] as number);
      else if (c === 3 && row < 3) out.push(translation[row] ?? 0);
      else out.push(c === 3 ? 1 : 0);
    }
  }
  return out;
}
