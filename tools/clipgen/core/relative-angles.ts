import { anglesToMatrix, rotationToAngles } from '../../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3 } from '../../../src/core/geometry/mat3';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';

/**
 * The rotation that takes the neutral head to the measured one, as angles: R = Rm · Rnᵀ. The
 * renderer applies its rotation on top of the photo's own pose, so this (not a difference of
 * angles) is what compares with the applied angles.
 */
export function relativeAngles(measured: HeadAngles, neutral: HeadAngles): HeadAngles {
  return rotationToAngles(multiplyMat3(anglesToMatrix(measured), transposeMat3(anglesToMatrix(neutral))));
}
