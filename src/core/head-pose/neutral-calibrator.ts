import { admitFrameTime } from '../frame-time';
import type { HeadAngles, HeadPoseEstimate } from './head-angles';
import { angleSpreadDeg, medianAngles } from './robust-median';
import { stringEnum, type EnumValue } from '../string-enum';

export const CALIBRATION_STATES = stringEnum(
  'collecting', // Gathering a still neutral hold.
  'moved', // The head moved more than allowed: the hold started over (say "hold still").
  'done', // A neutral was measured; further estimates are ignored until reset().
);
export type CalibrationState = EnumValue<typeof CALIBRATION_STATES>;

export interface NeutralCalibrationOptions {
  /** Length of the still hold, ms. 2 s is long enough to average jitter, short enough to hold. */
  readonly holdMs: number;
  /**
   * Largest per-axis range (deg) allowed during the hold. The face landmarker jitters by ≈ 4–6°
   * p5–p95 on a still head, so much lower values refuse honest attempts.
   */
  readonly maxSpreadDeg: number;
  /** Frames with a lower confidence are not used. */
  readonly minConfidence: number;
  /** A longer run of unusable frames starts the hold over (ms). */
  readonly maxGapMs: number;
}

export const DEFAULT_CALIBRATION_OPTIONS: NeutralCalibrationOptions = {
  holdMs: 2000,
  maxSpreadDeg: 8,
  minConfidence: 0.5,
  maxGapMs: 500,
};

export interface CalibrationStatus {
  readonly state: CalibrationState;
  /** 0..1, share of the hold done. */
  readonly progress: number;
  /** Current largest per-axis range of the hold, deg (stability: lower is steadier). */
  readonly spreadDeg: number;
  /** The neutral head angles (per-axis median of the hold), once done. */
  readonly neutral: HeadAngles | null;
}

/** Share of a new hold during which the "moved" state is kept. */
const MOVED_NOTICE_SHARE = 0.25;

interface Sample {
  readonly tMs: number;
  readonly angles: HeadAngles;
}

/**
 * Measures the user's neutral head posture from a still hold (their resting pose is not zero:
 * "neutral" webcam frames read yaw −4…−7°). Feed HeadPoseEstimates; time comes from their tMs.
 */
export class NeutralCalibrator {
  private readonly options: NeutralCalibrationOptions;
  private samples: Sample[] = [];
  private lastTMs: number | null = null;
  private jumpTMs: number | null = null;
  private state: CalibrationState = CALIBRATION_STATES.collecting;
  private neutral: HeadAngles | null = null;

  constructor(options: Partial<NeutralCalibrationOptions> = {}) {
    this.options = { ...DEFAULT_CALIBRATION_OPTIONS, ...options };
  }

  add(estimate: HeadPoseEstimate): CalibrationStatus {
    if (this.state === CALIBRATION_STATES.done) return this.status();
    const time = admitFrameTime(this.lastTMs, this.jumpTMs, estimate.tMs);
    this.jumpTMs = time.jumpTMs;
    if (!time.accepted) return this.status();
    this.lastTMs = estimate.tMs;
    const head = estimate.head;
    const usable = head !== null && estimate.confidence >= this.options.minConfidence && Number.isFinite(head.yawDeg + head.pitchDeg + head.rollDeg);
    const lastSample = this.samples.at(-1);
    if (lastSample && estimate.tMs - lastSample.tMs > this.options.maxGapMs) this.startOver(CALIBRATION_STATES.collecting);
    if (!usable) return this.status();
    this.samples.push({ tMs: estimate.tMs, angles: head });
    if (angleSpreadDeg(this.samples.map((s) => s.angles)) > this.options.maxSpreadDeg) {
      this.startOver(CALIBRATION_STATES.moved);
      this.samples.push({ tMs: estimate.tMs, angles: head });
      return this.status();
    }
    // "moved" stays up for a while so a UI can show it, then the new hold counts as collecting.
    if (this.state === CALIBRATION_STATES.moved && this.progress() >= MOVED_NOTICE_SHARE) this.state = CALIBRATION_STATES.collecting;
    if (this.progress() >= 1) {
      this.neutral = medianAngles(this.samples.map((s) => s.angles));
      this.state = CALIBRATION_STATES.done;
    }
    return this.status();
  }

  status(): CalibrationStatus {
    return { state: this.state, progress: this.progress(), spreadDeg: angleSpreadDeg(this.samples.map((s) => s.angles)), neutral: this.neutral };
  }

  reset(): void {
    this.startOver(CALIBRATION_STATES.collecting);
    this.lastTMs = null;
    this.jumpTMs = null;
    this.neutral = null;
  }

  private progress(): number {
    if (this.state === CALIBRATION_STATES.done) return 1;
    const first = this.samples[0];
    const last = this.samples.at(-1);
    return first && last ? Math.min(1, (last.tMs - first.tMs) / this.options.holdMs) : 0;
  }

  private startOver(state: CalibrationState): void {
    this.samples = [];
    this.state = state;
  }
}
