import type { HeadAngles } from './head-angles';

export interface HeadMotionGateOptions {
  /**
   * Fastest plausible head rotation, °/s. Voluntary axial neck rotation peaks near 300–400°/s in
   * healthy adults at full speed; these exercises are done slowly (the protocol's limit is
   * ≤ 150°/s), so a reading that would need more than this is a misreading, not a movement.
   */
  readonly maxSpeedDegPerS: number;
  /** Jitter allowed on top of the speed limit (landmark noise), degrees. */
  readonly toleranceDeg: number;
  /** A disagreement lasting longer than this (ms) is believed: the head really is elsewhere. */
  readonly maxBridgeMs: number;
}

export const DEFAULT_HEAD_MOTION_GATE: HeadMotionGateOptions = { maxSpeedDegPerS: 400, toleranceDeg: 10, maxBridgeMs: 250 };

/**
 * No single-frame drops: a reading that disagrees with the last believed one by more than a head
 * can move in the time between them is bridged (the last believed angles are kept) rather than
 * believed, for at most `maxBridgeMs`; a disagreement that lasts longer is a real change (or a
 * source that re-acquired) and is taken. Angles must be continuous (unwrapped) across frames.
 */
export class HeadMotionGate {
  private believed: HeadAngles | null = null;
  private believedTMs = 0;
  private bridgingSinceTMs: number | null = null;

  constructor(private readonly options: HeadMotionGateOptions = DEFAULT_HEAD_MOTION_GATE) {}

  /** Whether `angles` at `tMs` is believed (true) or must be bridged (false). Times must increase. */
  admit(angles: HeadAngles, tMs: number): boolean {
    const believed = this.believed;
    if (believed !== null) {
      const allowed = this.options.toleranceDeg + (this.options.maxSpeedDegPerS * Math.max(0, tMs - this.believedTMs)) / 1000;
      const jump = Math.max(Math.abs(angles.yawDeg - believed.yawDeg), Math.abs(angles.pitchDeg - believed.pitchDeg), Math.abs(angles.rollDeg - believed.rollDeg));
      if (jump > allowed) {
        this.bridgingSinceTMs ??= tMs;
        if (tMs - this.bridgingSinceTMs < this.options.maxBridgeMs) return false;
      }
    }
    this.believed = angles;
    this.believedTMs = tMs;
    this.bridgingSinceTMs = null;
    return true;
  }

  /** The last believed angles (what a bridged frame shows). */
  current(): HeadAngles | null {
    return this.believed;
  }

  reset(): void {
    this.believed = null;
    this.bridgingSinceTMs = null;
  }
}
