import type { TrunkAngles } from '../head-pose/head-angles';

export interface TrunkReferenceOptions {
  /** The trunk's neutral is the mean of its readings over this long after a (re)start, ms. */
  readonly neutralWindowMs: number;
  /** Time constant of the trunk's smoothing, ms (a trunk turns slowly; its reading is noisy). */
  readonly timeConstantMs: number;
  /**
   * Trunk turns smaller than this are taken as none (soft: the excess is kept, so there is no
   * step). BlazePose's shoulder line wobbles with the head: on a still torso it read ±6° of yaw
   * while the head turned ±45° (docs/head-pose.md), which must not be taken off the neck's turn.
   */
  readonly deadbandDeg: number;
  /**
   * The shoulder line is read only while the neck is within this of straight (head relative to
   * the trunk, per axis): BlazePose's shoulders follow a turned head (on the rendered scan turning
   * 75° with a still trunk its shoulder line read 35°, and −40…−88° to the other side), so beyond
   * it the last reading is held.
   */
  readonly maxNeckDeg: number;
}

export const DEFAULT_TRUNK_REFERENCE: TrunkReferenceOptions = { neutralWindowMs: 1000, timeConstantMs: 300, deadbandDeg: 8, maxNeckDeg: 25 };

const NONE: TrunkAngles = { yawDeg: 0, rollDeg: 0 };

function softDeadband(value: number, band: number): number {
  const excess = Math.abs(value) - band;
  return excess <= 0 ? 0 : Math.sign(value) * excess;
}

/**
 * How far the trunk (the shoulder line) has turned and tilted since the neutral posture, so that
 * the counters can read the neck (head relative to the trunk) rather than the head relative to
 * the camera: turning the whole body is not a neck rotation. Held through frames without shoulders.
 */
export class TrunkReference {
  private neutralSum: TrunkAngles = NONE;
  private neutralCount = 0;
  private neutralStartTMs: number | null = null;
  private neutral: TrunkAngles | null = null;
  private smoothed: TrunkAngles | null = null;
  private lastTMs: number | null = null;
  private turn: TrunkAngles = NONE;

  constructor(private readonly options: TrunkReferenceOptions = DEFAULT_TRUNK_REFERENCE) {}

  /**
   * The trunk's turn since neutral (deadbanded) after this frame's reading (null: not seen).
   * `head`: the head relative to neutral, to judge whether the shoulders can be read (maxNeckDeg).
   */
  update(trunk: TrunkAngles | null, tMs: number, head: { readonly yawDeg: number; readonly rollDeg: number }): TrunkAngles {
    if (trunk === null || !Number.isFinite(trunk.yawDeg + trunk.rollDeg)) return this.turn;
    const limit = this.options.maxNeckDeg;
    if (Math.abs(head.yawDeg - this.turn.yawDeg) > limit || Math.abs(head.rollDeg - this.turn.rollDeg) > limit) return this.turn;
    const alpha = this.lastTMs === null ? 1 : 1 - Math.exp(-Math.max(0, tMs - this.lastTMs) / this.options.timeConstantMs);
    this.lastTMs = tMs;
    const s = this.smoothed;
    this.smoothed = s === null ? trunk : { yawDeg: s.yawDeg + alpha * (trunk.yawDeg - s.yawDeg), rollDeg: s.rollDeg + alpha * (trunk.rollDeg - s.rollDeg) };
    if (this.neutral === null) {
      this.neutralStartTMs ??= tMs;
      this.neutralSum = { yawDeg: this.neutralSum.yawDeg + trunk.yawDeg, rollDeg: this.neutralSum.rollDeg + trunk.rollDeg };
      this.neutralCount += 1;
      if (tMs - this.neutralStartTMs >= this.options.neutralWindowMs) {
        this.neutral = { yawDeg: this.neutralSum.yawDeg / this.neutralCount, rollDeg: this.neutralSum.rollDeg / this.neutralCount };
      }
      return this.turn;
    }
    this.turn = {
      yawDeg: softDeadband(this.smoothed.yawDeg - this.neutral.yawDeg, this.options.deadbandDeg),
      rollDeg: softDeadband(this.smoothed.rollDeg - this.neutral.rollDeg, this.options.deadbandDeg),
    };
    return this.turn;
  }

  /** Takes the trunk's neutral afresh from the next frames (with a new head neutral). */
  reset(): void {
    this.neutralSum = NONE;
    this.neutralCount = 0;
    this.neutralStartTMs = null;
    this.neutral = null;
    this.smoothed = null;
    this.lastTMs = null;
    this.turn = NONE;
  }
}
