import { relativeAngles, RelativeRotationScratch } from '../geometry/relative-rotation';
import { continuousAngles } from '../geometry/unwrap';
import type { HeadAngles, TrunkAngles } from '../head-pose/head-angles';

/**
 * The neck's own rotation: the head's (relative to neutral) with the trunk's turn since neutral
 * taken off, R_neck = R_trunkᵀ · R_head (the trunk's pitch is not observable: 0). Kept continuous
 * with `previous` (the Euler twin nearest to it). No trunk turn: the head's angles unchanged.
 */
export function withoutTrunkTurn(head: HeadAngles, trunk: TrunkAngles, previous: HeadAngles | null, scratch = new RelativeRotationScratch()): HeadAngles {
  if (trunk.yawDeg === 0 && trunk.rollDeg === 0) return head;
  return continuousAngles(previous ?? head, relativeAngles({ yawDeg: trunk.yawDeg, pitchDeg: 0, rollDeg: trunk.rollDeg }, head, scratch));
}
