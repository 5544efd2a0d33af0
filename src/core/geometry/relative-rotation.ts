import type { HeadAngles } from '../head-pose/head-angles';
import { anglesToMatrixInto, rotationToAngles } from './euler';
import { mat3Buffer, transposeMultiplyMat3Into } from './mat3-kernels';

/** relativeAngles' scratch: one per object that calls it per frame. */
export class RelativeRotationScratch {
  readonly reference = mat3Buffer();
  readonly rotation = mat3Buffer();
  readonly relative = mat3Buffer();
}

/**
 * `angles` as seen from `reference`: the angles of R(reference)ᵀ · R(angles) (the neck's rotation
 * from the trunk's, the head's from its neutral), in (−180, 180] as rotationToAngles gives them.
 */
export function relativeAngles(reference: HeadAngles, angles: HeadAngles, scratch = new RelativeRotationScratch()): HeadAngles {
  anglesToMatrixInto(scratch.reference, reference.yawDeg, reference.pitchDeg, reference.rollDeg);
  anglesToMatrixInto(scratch.rotation, angles.yawDeg, angles.pitchDeg, angles.rollDeg);
  return rotationToAngles(transposeMultiplyMat3Into(scratch.relative, scratch.reference, scratch.rotation));
}
