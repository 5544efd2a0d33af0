import { admitFrameTime } from '../frame-time';
import type { HeadAngles } from '../head-pose/head-angles';
import type { FrameObservation } from '../landmarks';
import { checkFrame, inspectFrame } from './frame-checks';
import { jumpBetween, motionPoints, type MotionPoints } from './landmark-jump';
import { DEFAULT_QUALITY_OPTIONS, type QualityOptions } from './quality-options';
import { QUALITY_PROBLEMS, QUALITY_STATUSES, type FrameVerdict, type QualityProblem, type TrackingQuality } from './quality-status';

/**
 * Frame verdicts → a reported quality with hysteresis: a problem must last `enterMs` before it is
 * reported, and a poor status clears only after `exitMs` of good frames (exitMs > enterMs, so a
 * person at the edge of detection does not make the message flicker). Jumps and invalid data are
 * reported at once: they are single-frame faults, and counting must not go on through them.
 */
export interface QualityState {
  readonly quality: TrackingQuality;
  /** Start of the current run of good frames (null while frames are bad). */
  readonly goodSinceMs: number | null;
  /** Start of the current run of bad frames, whatever their reasons (null while frames are good). */
  readonly badSinceMs: number | null;
  /** The last bad frame's reason and since when that reason has been seen without a break. */
  readonly lastReason: QualityProblem | null;
  readonly lastReasonSinceMs: number | null;
  readonly lastTMs: number | null;
  /** A refused forward jump in time, kept to see whether the next frame confirms it (admitFrameTime). */
  readonly jumpTMs: number | null;
  readonly previous: MotionPoints | null;
}

export interface QualityStep {
  readonly state: QualityState;
  /** This frame on its own (before hysteresis). */
  readonly verdict: FrameVerdict;
}

export const INITIAL_QUALITY_STATE: QualityState = {
  quality: { status: QUALITY_STATUSES.good, sinceMs: null },
  goodSinceMs: null,
  badSinceMs: null,
  lastReason: null,
  lastReasonSinceMs: null,
  lastTMs: null,
  jumpTMs: null,
  previous: null,
};

const IMMEDIATE: ReadonlySet<QualityProblem> = new Set([QUALITY_PROBLEMS.jumpy, QUALITY_PROBLEMS.invalidData]);

function judge(
  state: QualityState,
  frame: FrameObservation,
  head: HeadAngles | null,
  options: QualityOptions,
): { verdict: FrameVerdict; points: MotionPoints | null } {
  const { verdict, faceCentre } = inspectFrame(frame, options);
  if (!verdict.ok) {
    // Nobody, several people, garbage: nothing trustworthy to compare the next frame with.
    return { verdict, points: null };
  }
  const points = motionPoints(frame, head, faceCentre);
  const jump = jumpBetween(state.previous, points, options);
  // The new position becomes the reference either way: a lasting swap is one jump, not a stream of them.
  return { verdict: jump === null ? verdict : { ok: false, reason: QUALITY_PROBLEMS.jumpy, detail: jump }, points };
}

function nextQuality(state: QualityState, verdict: FrameVerdict, tMs: number, options: QualityOptions): Omit<QualityState, 'lastTMs' | 'jumpTMs' | 'previous'> {
  if (verdict.ok) {
    const goodSinceMs = state.goodSinceMs ?? tMs;
    const clears = state.quality.status === QUALITY_STATUSES.poor && tMs - goodSinceMs >= options.exitMs;
    return {
      quality: clears ? { status: QUALITY_STATUSES.good, sinceMs: tMs } : state.quality,
      goodSinceMs,
      badSinceMs: null,
      lastReason: null,
      lastReasonSinceMs: null,
    };
  }
  const reason = verdict.reason;
  const badSinceMs = state.badSinceMs ?? tMs;
  const lastReasonSinceMs = state.lastReason === reason ? (state.lastReasonSinceMs ?? tMs) : tMs;
  const runs = { goodSinceMs: null, badSinceMs, lastReason: reason, lastReasonSinceMs };
  const immediate = IMMEDIATE.has(reason);
  if (state.quality.status === QUALITY_STATUSES.good) {
    const enters = immediate || tMs - badSinceMs >= options.enterMs;
    return { ...runs, quality: enters ? { status: QUALITY_STATUSES.poor, reason, sinceMs: tMs } : state.quality };
  }
  if (state.quality.reason === reason) return { ...runs, quality: state.quality };
  // Already poor for another reason: switch the message only once the new reason has lasted.
  const switches = immediate || tMs - lastReasonSinceMs >= options.enterMs;
  return { ...runs, quality: switches ? { status: QUALITY_STATUSES.poor, reason, sinceMs: tMs } : state.quality };
}

/**
 * Pure: the next quality state after `frame` (`head`: that frame's head angles, if known, to
 * catch angular jumps). Frames that cannot be placed in time (not finite, not after the last one,
 * an unconfirmed jump of more than MAX_FRAME_GAP_MS: see admitFrameTime) leave the tracking state
 * as it was (and get their verdict).
 */
export function updateQuality(
  state: QualityState,
  frame: FrameObservation,
  head: HeadAngles | null = null,
  options: QualityOptions = DEFAULT_QUALITY_OPTIONS,
): QualityStep {
  const tMs = frame.tMs;
  const time = admitFrameTime(state.lastTMs, state.jumpTMs, tMs);
  if (!time.accepted) {
    return { state: time.jumpTMs === state.jumpTMs ? state : { ...state, jumpTMs: time.jumpTMs }, verdict: checkFrame(frame, options) };
  }
  const { verdict, points } = judge(state, frame, head, options);
  const next = nextQuality(state, verdict, tMs, options);
  // Field by field, not `{ ...next, … }`: V8 copies an object spread on a slow generic path (per frame).
  return {
    state: {
      quality: next.quality,
      goodSinceMs: next.goodSinceMs,
      badSinceMs: next.badSinceMs,
      lastReason: next.lastReason,
      lastReasonSinceMs: next.lastReasonSinceMs,
      lastTMs: tMs,
      jumpTMs: null,
      previous: points,
    },
    verdict,
  };
}
