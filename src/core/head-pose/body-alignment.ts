import { wrapDeg } from '../geometry/unwrap';
import type { HeadAngles } from './head-angles';
import { anglesToRotation } from './rotation-kernels';
import type { SourceEstimate } from './source-estimate';

export interface BodyAlignmentOptions {
  /** Time constant (ms) of the running face − body offset. */
  readonly timeConstantMs: number;
  /** The offset is only learned while the face is at least this confident. */
  readonly minFaceConfidence: number;
  /** …and the body at least this confident. */
  readonly minBodyConfidence: number;
}

export const DEFAULT_BODY_ALIGNMENT: BodyAlignmentOptions = { timeConstantMs: 500, minFaceConfidence: 0.5, minBodyConfidence: 0.2 };

const ZERO: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

/**
 * BlazePose's head points are not a rigid head: on real webcam frames its yaw read ≈ 0.45× the
 * face mesh's at 30° and its pitch barely followed a 50° nod (docs/head-pose.md). So the body is
 * re-aligned to the face while the face is trusted: a running per-axis offset (face − body),
 * frozen when the face fades. At the hand-over the body then continues from where the face left
 * off, without a jump, and carries the further change.
 */
export class BodyAlignment {
  private offset: HeadAngles = ZERO;
  private lastTMs: number | null = null;

  constructor(private readonly options: BodyAlignmentOptions = DEFAULT_BODY_ALIGNMENT) {}

  observe(face: SourceEstimate | null, rawBody: SourceEstimate | null, tMs: number): void {
    if (!face || !rawBody || face.confidence < this.options.minFaceConfidence || rawBody.confidence < this.options.minBodyConfidence) return;
    if (this.lastTMs !== null && !(tMs > this.lastTMs)) return;
    const alpha = this.lastTMs === null ? 1 : 1 - Math.exp(-(tMs - this.lastTMs) / this.options.timeConstantMs);
    this.lastTMs = tMs;
    const o = this.offset, f = face.angles, b = rawBody.angles;
    this.offset = {
      yawDeg: o.yawDeg + alpha * (wrapDeg(f.yawDeg - b.yawDeg) - o.yawDeg),
      pitchDeg: o.pitchDeg + alpha * (wrapDeg(f.pitchDeg - b.pitchDeg) - o.pitchDeg),
      rollDeg: o.rollDeg + alpha * (wrapDeg(f.rollDeg - b.rollDeg) - o.rollDeg),
    };
  }

  apply(body: SourceEstimate): SourceEstimate {
    if (this.offset === ZERO) return body;
    const angles = {
      yawDeg: body.angles.yawDeg + this.offset.yawDeg,
      pitchDeg: body.angles.pitchDeg + this.offset.pitchDeg,
      rollDeg: body.angles.rollDeg + this.offset.rollDeg,
    };
    return { rotation: anglesToRotation(angles), angles, confidence: body.confidence };
  }

  /** The inverse of apply() on angles: aligned angles back in the body's raw terms (to seed its fit). */
  unapply(angles: HeadAngles): HeadAngles {
    return {
      yawDeg: angles.yawDeg - this.offset.yawDeg,
      pitchDeg: angles.pitchDeg - this.offset.pitchDeg,
      rollDeg: angles.rollDeg - this.offset.rollDeg,
    };
  }

  current(): HeadAngles {
    return this.offset;
  }

  reset(): void {
    this.offset = ZERO;
    this.lastTMs = null;
  }
}
