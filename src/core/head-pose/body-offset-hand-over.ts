import { wrapDeg } from '../geometry/unwrap';
import { facePitchShare } from './face-pitch-share';
import { NO_OFFSET, type BodyOffset } from './fusion';
import type { SourceEstimate } from './source-estimate';

export interface BodyOffsetHandOverOptions {
  /** Time constant of the running face − body difference, ms. */
  readonly timeConstantMs: number;
  /** The difference is only learned while the face is at least this confident. */
  readonly minFaceConfidence: number;
}

/**
 * The yaw difference is learned only from a fully trusted face turned at most 20° (the matrix
 * read the rendered scan within 0.9° at 0–30°, and under-reads beyond) that the body agrees with
 * to within 25°. Off the camera's axis the two disagree by that much and both are right in their
 * way: the matrix holds part of the ray to the head (the rendered scan 0.48 m off the axis at 1 m
 * read the neutral head as turned 12.5°, and 0.4 m off at 1.1 m, 17°), the body's regression takes
 * the whole ray off; the gap carried lets a far turn read by the body continue from the face. The
 * limit was chosen on the head network's training clips (offsets to ±0.45 m): past 20–30° nothing
 * improved (docs/head-pose.md). A larger gap means one of the two misreads the view.
 */
const YAW_OFFSET_MIN_FACE_CONFIDENCE = 0.9;
const YAW_OFFSET_MAX_FACE_YAW_DEG = 20;
const YAW_OFFSET_MAX_GAP_DEG = 25;

export const DEFAULT_BODY_OFFSET_HAND_OVER: BodyOffsetHandOverOptions = { timeConstantMs: 300, minFaceConfidence: 0.3 };

/**
 * The body regression reads yaw well past the face's range but pitch and roll coarsely, and each
 * with a bias of its own (on the rendered scan at neutral it read yaw 1.9° right of the face's
 * matrix). While a face is seen this keeps the running face − body difference; as the face fades
 * or is lost the body's angles are moved by it, so they continue from the face's reading and
 * carry only their own change. Yaw's difference is learned near frontal only (below).
 */
export class BodyOffsetHandOver {
  private offset: BodyOffset = NO_OFFSET;
  private lastTMs: number | null = null;

  constructor(private readonly options: BodyOffsetHandOverOptions = DEFAULT_BODY_OFFSET_HAND_OVER) {}

  observe(face: SourceEstimate | null, body: SourceEstimate | null, tMs: number): void {
    if (!face || !body || face.confidence < this.options.minFaceConfidence) return;
    if (this.lastTMs !== null && !(tMs > this.lastTMs)) return;
    const alpha = this.lastTMs === null ? 1 : 1 - Math.exp(-(tMs - this.lastTMs) / this.options.timeConstantMs);
    this.lastTMs = tMs;
    const o = this.offset;
    const yawGap = wrapDeg(face.angles.yawDeg - body.angles.yawDeg);
    const nearFrontal = face.confidence >= YAW_OFFSET_MIN_FACE_CONFIDENCE && Math.abs(face.angles.yawDeg) <= YAW_OFFSET_MAX_FACE_YAW_DEG && Math.abs(yawGap) <= YAW_OFFSET_MAX_GAP_DEG;
    this.offset = {
      yawDeg: nearFrontal ? o.yawDeg + alpha * (yawGap - o.yawDeg) : o.yawDeg,
      pitchDeg: o.pitchDeg + alpha * facePitchShare(face.angles.pitchDeg) * (wrapDeg(face.angles.pitchDeg - body.angles.pitchDeg) - o.pitchDeg),
      rollDeg: o.rollDeg + alpha * (wrapDeg(face.angles.rollDeg - body.angles.rollDeg) - o.rollDeg),
    };
  }

  current(): BodyOffset {
    return this.offset;
  }

  reset(): void {
    this.offset = NO_OFFSET;
    this.lastTMs = null;
  }
}
