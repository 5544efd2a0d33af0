import type { HeadAngles } from '../head-pose/head-angles';
import { clamp, DEG_PER_RAD, RAD_PER_DEG } from './angle-units';
import { hypot2 } from './hypot';
import { mat3At, multiplyMat3, rotationFromColumnMajor4x4, rotationX, rotationY, rotationZ, type Mat3 } from './mat3';

/**
 * Atlas' convention (head-angles.ts): R = Rz(−roll) · Ry(yaw) · Rx(−pitch), in camera space
 * (x right, y up, z toward the viewer), angles in degrees.
 */
export function anglesToMatrix(angles: HeadAngles): Mat3 {
  return multiplyMat3(
    rotationZ(-angles.rollDeg * RAD_PER_DEG),
    multiplyMat3(rotationY(angles.yawDeg * RAD_PER_DEG), rotationX(-angles.pitchDeg * RAD_PER_DEG)),
  );
}

/** Below this, cos(yaw) is treated as 0 (gimbal lock at yaw = ±90°). */
const GIMBAL_EPSILON = 1e-9;

/**
 * Inverse of anglesToMatrix for a rotation matrix: yaw in [−90, 90], pitch and roll in (−180, 180].
 * yaw = asin(−R20), pitch = −atan2(R21, R22), roll = −atan2(R10, R00). At yaw = ±90° pitch and
 * roll are not separable; roll is then reported as 0.
 */
export function rotationToAngles(r: Mat3): HeadAngles {
  const r20 = mat3At(r, 2, 0);
  const yaw = Math.asin(clamp(-r20, -1, 1));
  const cosYawSigned = hypot2(mat3At(r, 2, 1), mat3At(r, 2, 2));
  if (cosYawSigned < GIMBAL_EPSILON) {
    // R = Rz(γ)·Ry(±90°)·Rx(α): only α ∓ γ is observable; take γ = 0 (γ = −roll, α = −pitch).
    const alpha = r20 < 0 ? Math.atan2(mat3At(r, 0, 1), mat3At(r, 1, 1)) : Math.atan2(-mat3At(r, 0, 1), mat3At(r, 1, 1));
    return { yawDeg: yaw * DEG_PER_RAD, pitchDeg: normalizeZero(-alpha * DEG_PER_RAD), rollDeg: 0 };
  }
  return {
    yawDeg: yaw * DEG_PER_RAD,
    pitchDeg: normalizeZero(-Math.atan2(mat3At(r, 2, 1), mat3At(r, 2, 2)) * DEG_PER_RAD),
    rollDeg: normalizeZero(-Math.atan2(mat3At(r, 1, 0), mat3At(r, 0, 0)) * DEG_PER_RAD),
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
      if (c < 3 && row < 3) out.push(mat3At(r, row, c));
      else if (c === 3 && row < 3) out.push(translation[row] ?? 0);
      else out.push(c === 3 ? 1 : 0);
    }
  }
  return out;
}
