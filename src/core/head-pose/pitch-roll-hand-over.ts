import { wrapDeg } from '../geometry/unwrap';
import { facePitchShare } from './face-pitch-share';
import { NO_OFFSET, type PitchRollOffset } from './fusion';
import type { SourceEstimate } from './source-estimate';

export interface PitchRollHandOverOptions {
  /** Time constant of the running face − body difference, ms. */
  readonly timeConstantMs: number;
  /** The difference is only learned while the face is at least this confident. */
  readonly minFaceConfidence: number;
}

export const DEFAULT_PITCH_ROLL_HAND_OVER: PitchRollHandOverOptions = { timeConstantMs: 300, minFaceConfidence: 0.3 };

/**
 * The body regression reads yaw well past the face's range but pitch and roll coarsely (and with
 * a bias of its own). While a face is seen this keeps the running face − body difference of pitch
 * and roll; once the face is lost the body's pitch and roll are moved by it, so they continue from
 * the face's last reading and carry only their own change.
 */
export class PitchRollHandOver {
  private offset: PitchRollOffset = NO_OFFSET;
  private lastTMs: number | null = null;

  constructor(private readonly options: PitchRollHandOverOptions = DEFAULT_PITCH_ROLL_HAND_OVER) {}

  observe(face: SourceEstimate | null, body: SourceEstimate | null, tMs: number): void {
    if (!face || !body || face.confidence < this.options.minFaceConfidence) return;
    if (this.lastTMs !== null && !(tMs > this.lastTMs)) return;
    const alpha = this.lastTMs === null ? 1 : 1 - Math.exp(-(tMs - this.lastTMs) / this.options.timeConstantMs);
    this.lastTMs = tMs;
    const o = this.offset;
    this.offset = {
      pitchDeg: o.pitchDeg + alpha * facePitchShare(face.angles.pitchDeg) * (wrapDeg(face.angles.pitchDeg - body.angles.pitchDeg) - o.pitchDeg),
      rollDeg: o.rollDeg + alpha * (wrapDeg(face.angles.rollDeg - body.angles.rollDeg) - o.rollDeg),
    };
  }

  current(): PitchRollOffset {
    return this.offset;
  }

  reset(): void {
    this.offset = NO_OFFSET;
    this.lastTMs = null;
  }
}
