import type { HeadAngles } from '../head-pose/head-angles';
import { DEFAULT_ONE_EURO, OneEuroFilter, type OneEuroConfig } from './one-euro-filter';
import { lowPassAlpha } from './scalar-filter';

export interface AngleSmootherConfig {
  readonly filter: OneEuroConfig;
  /**
   * Cutoff (Hz) of the low-pass on the angular velocity (derivative of the smoothed angles).
   * Higher follows speed changes faster but is noisier; 4 Hz keeps a 1 s rep's speed profile.
   */
  readonly velocityCutoffHz: number;
}

export const DEFAULT_ANGLE_SMOOTHER: AngleSmootherConfig = { filter: DEFAULT_ONE_EURO, velocityCutoffHz: 4 };

export interface SmoothedAngles {
  readonly angles: HeadAngles;
  /** deg/s per axis, same signs as the angles. */
  readonly velocity: HeadAngles;
}

const AXES = ['yawDeg', 'pitchDeg', 'rollDeg'] as const;

/**
 * One Euro filters on yaw, pitch and roll plus a smoothed angular velocity. A sample with a
 * non-finite axis, or with a time not after the last accepted one, is ignored as a whole.
 */
export class AngleSmoother {
  private readonly config: AngleSmootherConfig;
  private readonly filters: Record<(typeof AXES)[number], OneEuroFilter>;
  private last: { tMs: number; smoothed: SmoothedAngles } | null = null;

  constructor(config: Partial<AngleSmootherConfig> = {}) {
    this.config = { ...DEFAULT_ANGLE_SMOOTHER, ...config };
    this.filters = {
      yawDeg: new OneEuroFilter(this.config.filter),
      pitchDeg: new OneEuroFilter(this.config.filter),
      rollDeg: new OneEuroFilter(this.config.filter),
    };
  }

  /** The smoothed angles and velocity; null until a first valid sample. */
  apply(angles: HeadAngles, tMs: number): SmoothedAngles | null {
    // Plain checks, no closures: this runs every frame (bench:core).
    const valid = Number.isFinite(tMs) && Number.isFinite(angles.yawDeg) && Number.isFinite(angles.pitchDeg) && Number.isFinite(angles.rollDeg);
    if (!valid || (this.last && !(tMs > this.last.tMs))) return this.last?.smoothed ?? null;
    const smoothedAngles = {
      yawDeg: this.filters.yawDeg.apply(angles.yawDeg, tMs),
      pitchDeg: this.filters.pitchDeg.apply(angles.pitchDeg, tMs),
      rollDeg: this.filters.rollDeg.apply(angles.rollDeg, tMs),
    };
    let velocity: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
    if (this.last) {
      const previous = this.last.smoothed;
      const dtS = (tMs - this.last.tMs) / 1000;
      const alpha = lowPassAlpha(this.config.velocityCutoffHz, dtS);
      const v = previous.velocity, a = previous.angles;
      velocity = {
        yawDeg: v.yawDeg + alpha * ((smoothedAngles.yawDeg - a.yawDeg) / dtS - v.yawDeg),
        pitchDeg: v.pitchDeg + alpha * ((smoothedAngles.pitchDeg - a.pitchDeg) / dtS - v.pitchDeg),
        rollDeg: v.rollDeg + alpha * ((smoothedAngles.rollDeg - a.rollDeg) / dtS - v.rollDeg),
      };
    }
    const smoothed = { angles: smoothedAngles, velocity };
    this.last = { tMs, smoothed };
    return smoothed;
  }

  reset(): void {
    for (const axis of AXES) this.filters[axis].reset();
    this.last = null;
  }
}
