/**
 * MediaPipe's VIDEO mode needs strictly increasing timestamps per landmarker instance (it turns the
 * milliseconds into whole microseconds; an equal or older one makes the graph fail for good).
 * The guard sits in front of one landmarker: frames that do not move time forward are refused, and
 * a new stream (the next file, a restarted camera) whose clock starts over is shifted so that it
 * continues after the last accepted frame.
 */

/** Closer than this, two timestamps could collapse into the same microsecond inside MediaPipe. */
export const MIN_TIMESTAMP_STEP_MS = 0.01;

/** Gap left between the last frame of one stream and the first frame of the next, in ms. */
export const STREAM_GAP_MS = 1;

export class TimestampGuard {
  private lastMs = Number.NEGATIVE_INFINITY;
  private offsetMs = 0;
  private streamStarting = true;

  /**
   * The timestamp to give the landmarker for a frame at `tMs` (the source's own time), or null when
   * the frame does not move time forward and must be skipped. Non-finite times are refused.
   */
  accept(tMs: number): number | null {
    if (!Number.isFinite(tMs)) return null;
    if (this.streamStarting) {
      this.streamStarting = false;
      if (Number.isFinite(this.lastMs) && tMs + this.offsetMs < this.lastMs + STREAM_GAP_MS) {
        this.offsetMs = this.lastMs + STREAM_GAP_MS - tMs;
      }
    }
    const shifted = tMs + this.offsetMs;
    if (shifted < this.lastMs + MIN_TIMESTAMP_STEP_MS) return null;
    this.lastMs = shifted;
    return shifted;
  }

  /** The next frame starts a new stream whose times may start over (e.g. at 0 for the next file). */
  beginStream(): void {
    this.streamStarting = true;
  }

  /** The last timestamp handed to the landmarker, or null before the first frame. */
  get lastAccepted(): number | null {
    return Number.isFinite(this.lastMs) ? this.lastMs : null;
  }
}
