import { ConstantVelocityKalman } from '../filters/constant-velocity-kalman';
import type { HeadAngles } from './head-angles';

export interface HeadSmootherOptions {
  /** Spectral density of the head's angular acceleration noise, deg²/s³ (how briskly it may change speed). */
  readonly accelerationNoise: number;
  /** A reading's standard deviation when a fully trusted face carries it, degrees. */
  readonly faceStdDeg: number;
  /** … and when the body's regression carries it (the face lost or faded), degrees. */
  readonly bodyStdDeg: number;
  /**
   * While the body carries most of the reading (the face's share below a half), an innovation
   * beyond this many standard deviations is clipped (ConstantVelocityKalman, Huber).
   */
  readonly bodyOutlierSigmas: number;
}

/**
 * The body's reading noise chosen on four training clips held out of the network's training
 * (train-15, -16, -23, -24 of scripts/head-regressor, lite and full landmarks): 6° → 3° lowered the
 * yaw error at 30–60° from 10.5 to 9.3° (full) and 9.9 to 8.7° (lite) on those hard wanders
 * (docs/head-pose.md). The body's outlier bound, 4 sigmas, chosen among 3, 4 and 5 on those and
 * on the range clips: their largest error step on full 7.9 / 9.0 / 11.4° (12.8° unbounded), the
 * held-out wanders' yaw error at 45–75° up 0.9 / 0.4 / 0.2° (fast moves followed a little later).
 */
export const DEFAULT_HEAD_SMOOTHER: HeadSmootherOptions = { accelerationNoise: 5000, faceStdDeg: 0.5, bodyStdDeg: 3, bodyOutlierSigmas: 4 };

/** Fastest plausible head rotation at the first reading, deg/s (the rate is unknown then). */
const INITIAL_RATE_STD_DEG_PER_S = 100;

/**
 * Smooths the head's angles by how much each reading deserves: the face mesh is read with little
 * noise, the body's regression (past the face's range) with much more (frame-to-frame jitter of
 * 10–30° at 75–90° of yaw on the rendered scan). A constant-velocity Kalman filter per axis, with
 * the reading's noise interpolated by the face's confidence: a trusted face passes almost
 * untouched, a body-only reading moves the head only as far as the motion allows.
 */
export class HeadSmoother {
  private readonly yaw: ConstantVelocityKalman;
  private readonly pitch: ConstantVelocityKalman;
  private readonly roll: ConstantVelocityKalman;

  constructor(private readonly options: HeadSmootherOptions = DEFAULT_HEAD_SMOOTHER) {
    this.yaw = new ConstantVelocityKalman(options.accelerationNoise, INITIAL_RATE_STD_DEG_PER_S);
    this.pitch = new ConstantVelocityKalman(options.accelerationNoise, INITIAL_RATE_STD_DEG_PER_S);
    this.roll = new ConstantVelocityKalman(options.accelerationNoise, INITIAL_RATE_STD_DEG_PER_S);
  }

  /** `faceShare` 0..1: how much of the reading the face carries (its confidence; 0 when only the body). */
  apply(read: HeadAngles, faceShare: number, tMs: number): HeadAngles {
    const share = faceShare < 0 ? 0 : faceShare > 1 ? 1 : faceShare;
    const std = this.options.bodyStdDeg + (this.options.faceStdDeg - this.options.bodyStdDeg) * share;
    // The body's errors are heavy-tailed (BlazePose full jumps 15–20° from one frame to the next
    // at far yaw, where the face is lost); the face's are not, and a fast turn it reads is real.
    const outlierSigmas = share < 0.5 ? this.options.bodyOutlierSigmas : Infinity;
    return {
      yawDeg: this.yaw.update(read.yawDeg, std, tMs, outlierSigmas),
      pitchDeg: this.pitch.update(read.pitchDeg, std, tMs, outlierSigmas),
      rollDeg: this.roll.update(read.rollDeg, std, tMs, outlierSigmas),
    };
  }

  reset(): void {
    this.yaw.reset();
    this.pitch.reset();
    this.roll.reset();
  }
}
