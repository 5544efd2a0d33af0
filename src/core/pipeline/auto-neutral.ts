import type { HeadAngles } from '../head-pose/head-angles';
import { medianAngles } from '../head-pose/robust-median';

export interface AutoNeutralOptions {
  /** How long (ms, from the first confident frame) frames are gathered before the neutral is frozen. */
  readonly windowMs: number;
  /** Frames below this confidence are not used. */
  readonly minConfidence: number;
}

export const DEFAULT_AUTO_NEUTRAL: AutoNeutralOptions = { windowMs: 1000, minConfidence: 0.5 };

/**
 * The neutral of a recorded clip that had no calibration: the per-axis median of the head angles
 * over the first ~1 s of confident frames (a clip usually starts at rest; the median ignores a
 * few bad frames). Until the window is full, the median so far is used (provisional).
 */
export class AutoNeutral {
  private readonly samples: HeadAngles[] = [];
  private firstTMs: number | null = null;
  private frozen: HeadAngles | null = null;

  constructor(private readonly options: AutoNeutralOptions = DEFAULT_AUTO_NEUTRAL) {}

  /** Feeds a frame's head angles; returns the (provisional or frozen) neutral, null before any confident frame. */
  add(head: HeadAngles | null, confidence: number, tMs: number): HeadAngles | null {
    if (this.frozen) return this.frozen;
    if (head && confidence >= this.options.minConfidence) {
      this.firstTMs ??= tMs;
      if (tMs - this.firstTMs > this.options.windowMs && this.samples.length > 0) {
        this.frozen = medianAngles(this.samples);
        return this.frozen;
      }
      this.samples.push(head);
    }
    return this.current();
  }

  current(): HeadAngles | null {
    return this.frozen ?? (this.samples.length > 0 ? medianAngles(this.samples) : null);
  }

  isFrozen(): boolean {
    return this.frozen !== null;
  }
}
