import { RAD_PER_DEG } from '../geometry/angle-units';
import type { Mat3 } from '../geometry/mat3';
import type { HeadAngles } from './head-angles';

/**
 * geometry/euler.ts anglesToMatrix without the generic helpers' intermediate matrices, with the
 * same arithmetic in the same order (the zero entries included), so the same results to the last
 * bit (tests/unit/core/head-pose/rotation-kernels.test.ts). It runs several times per frame.
 */

const yx = new Float64Array(9);

/** R = Rz(−roll) · Ry(yaw) · Rx(−pitch) (Atlas' convention, head-angles.ts). */
export function anglesToRotation(angles: HeadAngles): Mat3 {
  const z = -angles.rollDeg * RAD_PER_DEG, y = angles.yawDeg * RAD_PER_DEG, x = -angles.pitchDeg * RAD_PER_DEG;
  const cz = Math.cos(z), sz = Math.sin(z), cy = Math.cos(y), sy = Math.sin(y), cx = Math.cos(x), sx = Math.sin(x);
  // Ry · Rx with Ry = [cy 0 sy; 0 1 0; −sy 0 cy], Rx = [1 0 0; 0 cx −sx; 0 sx cx].
  const nsx = -sx, nsy = -sy;
  yx[0] = cy * 1 + 0 * 0 + sy * 0; yx[1] = cy * 0 + 0 * cx + sy * sx; yx[2] = cy * 0 + 0 * nsx + sy * cx;
  yx[3] = 0 * 1 + 1 * 0 + 0 * 0; yx[4] = 0 * 0 + 1 * cx + 0 * sx; yx[5] = 0 * 0 + 1 * nsx + 0 * cx;
  yx[6] = nsy * 1 + 0 * 0 + cy * 0; yx[7] = nsy * 0 + 0 * cx + cy * sx; yx[8] = nsy * 0 + 0 * nsx + cy * cx;
  // Rz · (Ry · Rx) with Rz = [cz −sz 0; sz cz 0; 0 0 1].
  const nsz = -sz;
  const b00 = yx[0] as number, b01 = yx[1] as number, b02 = yx[2] as number;
  const b10 = yx[3] as number, b11 = yx[4] as number, b12 = yx[5] as number;
  const b20 = yx[6] as number, b21 = yx[7] as number, b22 = yx[8] as number;
  return [
    cz * b00 + nsz * b10 + 0 * b20, cz * b01 + nsz * b11 + 0 * b21, cz * b02 + nsz * b12 + 0 * b22,
    sz * b00 + cz * b10 + 0 * b20, sz * b01 + cz * b11 + 0 * b21, sz * b02 + cz * b12 + 0 * b22,
    0 * b00 + 0 * b10 + 1 * b20, 0 * b01 + 0 * b11 + 1 * b21, 0 * b02 + 0 * b12 + 1 * b22,
  ];
}
