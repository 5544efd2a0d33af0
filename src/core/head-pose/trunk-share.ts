import type { HeadPoseEstimate } from './head-angles';

export interface TrunkShareOptions {
  /** Largest acceptable share of the trunk in the head's rotation (0.3 = 30 %). */
  readonly maxShare: number;
  /** Below this head rotation (deg) the share is not judged: small angles make it meaningless. */
  readonly minHeadDeg: number;
}

export const DEFAULT_TRUNK_SHARE_OPTIONS: TrunkShareOptions = { maxShare: 0.3, minHeadDeg: 10 };

export interface TrunkShare {
  /** Trunk yaw ÷ head yaw (both camera-relative), null when not judged. */
  readonly yaw: number | null;
  readonly roll: number | null;
  /** True when the trunk carried more than `maxShare` of the movement: "turn the neck, not the body". */
  readonly yawTooMuch: boolean;
  readonly rollTooMuch: boolean;
}

function share(trunkDeg: number, headDeg: number, minHeadDeg: number): number | null {
  return Math.abs(headDeg) < minHeadDeg ? null : trunkDeg / headDeg;
}

/**
 * How much of a turn or tilt came from the trunk. The head's camera-relative angle is the neck's
 * plus the trunk's, so trunk ÷ head is the trunk's share (negative when the trunk moved the other way).
 * Pass angles relative to the neutral posture when the user does not face the camera squarely.
 */
export function trunkShare(estimate: Pick<HeadPoseEstimate, 'head' | 'trunk'>, options: Partial<TrunkShareOptions> = {}): TrunkShare {
  const o = { ...DEFAULT_TRUNK_SHARE_OPTIONS, ...options };
  const yaw = estimate.head && estimate.trunk ? share(estimate.trunk.yawDeg, estimate.head.yawDeg, o.minHeadDeg) : null;
  const roll = estimate.head && estimate.trunk ? share(estimate.trunk.rollDeg, estimate.head.rollDeg, o.minHeadDeg) : null;
  return { yaw, roll, yawTooMuch: yaw !== null && yaw > o.maxShare, rollTooMuch: roll !== null && roll > o.maxShare };
}
