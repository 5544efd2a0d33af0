/**
 * Longest forward step between two consecutive frames of one stream that is believed at once (ms).
 * Real pauses (a hidden tab, a camera unplugged for a while, a gap in a recording) are far shorter.
 */
export const MAX_FRAME_GAP_MS = 10 * 60_000;

export interface FrameTimeVerdict {
  readonly accepted: boolean;
  /** The jump to remember for the next frame (see admitFrameTime); null after an accepted frame. */
  readonly jumpTMs: number | null;
}

/**
 * Whether a frame at `tMs` may follow the last accepted frame at `lastTMs` (null: none yet).
 * Refused: non-finite times, times not after the last one, and a forward jump of more than
 * MAX_FRAME_GAP_MS. Why the jump rule: one finite but absurd stamp (1e300, microseconds among
 * milliseconds) would otherwise become the last time and every true frame after it would look out
 * of order, for good. A refused jump is remembered (`jumpTMs`, which the caller keeps and passes
 * back): if the next frame follows it (later, within MAX_FRAME_GAP_MS), the stream really moved on
 * after a long pause and that frame is accepted, so a true long gap costs one frame, not the rest.
 * Limit: the first frame sets the timeline; a garbage stamp there is not recognised.
 */
export function admitFrameTime(lastTMs: number | null, jumpTMs: number | null, tMs: number): FrameTimeVerdict {
  if (!Number.isFinite(tMs)) return { accepted: false, jumpTMs };
  if (lastTMs === null) return { accepted: true, jumpTMs: null };
  if (tMs <= lastTMs) return { accepted: false, jumpTMs };
  if (tMs - lastTMs <= MAX_FRAME_GAP_MS) return { accepted: true, jumpTMs: null };
  const confirmsJump = jumpTMs !== null && tMs > jumpTMs && tMs - jumpTMs <= MAX_FRAME_GAP_MS;
  return confirmsJump ? { accepted: true, jumpTMs: null } : { accepted: false, jumpTMs: tMs };
}
