import type { HeadAngles } from '../head-pose/head-angles';
import { clamp, DEG_PER_RAD, RAD_PER_DEG } from './angle-units';
import { anglesToMatrixInto, rotationToAngles } from './euler';
import type { Mat3Buffer } from './mat3-kernels';

/**
 * The same rotation as Atlas' angles in yaw-first order: R = Ry(yaw) · Rx(−pitch) · Rz(−roll),
 * the head turned about the vertical first, then nodded about its own ear-to-ear axis, then tilted
 * about its own nose axis (Atlas' order, euler.ts, is R = Rz(−roll) · Ry(yaw) · Rx(−pitch)). Signs
 * and units as Atlas' (degrees; yaw > 0 to the subject's left, pitch > 0 chin up, roll > 0 to the
 * left); the two agree to first order near neutral.
 *
 * Why a second order: Atlas' locks at yaw ±90°, the protocol's full turn. There pitch and roll turn
 * about one axis, so each alone is arbitrary and swings by tens of degrees from frame to frame
 * while the head barely moves; a filter or a step test run on them there drifts or trips. The
 * yaw-first order locks only at pitch ±90°, which a neck never reaches. Row-major matrices.
 */
export function yawFirstFromAnglesInto(out: Mat3Buffer, angles: HeadAngles): HeadAngles {
  const r = anglesToMatrixInto(out, angles.yawDeg, angles.pitchDeg, angles.rollDeg);
  // R02 = sin(y)·cos(x), R22 = cos(y)·cos(x), R12 = −sin(x), R10 = cos(x)·sin(z), R11 = cos(x)·cos(z).
  return {
    yawDeg: Math.atan2(r[2] as number, r[8] as number) * DEG_PER_RAD,
    pitchDeg: Math.asin(clamp(r[5] as number, -1, 1)) * DEG_PER_RAD,
    rollDeg: -Math.atan2(r[3] as number, r[4] as number) * DEG_PER_RAD,
  };
}

/** Inverse of yawFirstFromAnglesInto: Atlas' angles of the rotation given in yaw-first order. */
export function anglesFromYawFirstInto(out: Mat3Buffer, yawFirst: HeadAngles): HeadAngles {
  const y = yawFirst.yawDeg * RAD_PER_DEG, x = -yawFirst.pitchDeg * RAD_PER_DEG, z = -yawFirst.rollDeg * RAD_PER_DEG;
  const cy = Math.cos(y), sy = Math.sin(y), cx = Math.cos(x), sx = Math.sin(x), cz = Math.cos(z), sz = Math.sin(z);
  out[0] = cy * cz + sy * sx * sz; out[1] = -cy * sz + sy * sx * cz; out[2] = sy * cx;
  out[3] = cx * sz; out[4] = cx * cz; out[5] = -sx;
  out[6] = -sy * cz + cy * sx * sz; out[7] = sy * sz + cy * sx * cz; out[8] = cy * cx;
  return rotationToAngles(out);
}
