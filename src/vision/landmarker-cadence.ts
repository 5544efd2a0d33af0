import type { PoseObservation } from '../core/landmarks';

/**
 * Which landmarkers analyse a camera frame, so that the pipeline keeps up with the camera: the
 * body landmarker (30–40 ms a frame on 2 cores, more than a 30 fps frame interval) runs on every
 * k-th frame only, or not at all for exercises judged on the head alone; the face landmarker
 * (~10 ms) runs on every frame and carries the head in between. Pure: time is a parameter.
 */
export interface CadencePolicy {
  /** 1 = every frame. */
  readonly bodyEveryK: number;
  /** False for exercises that need no body (the pose worker can then sleep). */
  readonly bodyNeeded: boolean;
  /** A held body older than this is dropped rather than combined with a newer face, ms. */
  readonly maxBodyAgeMs: number;
}

export const MAX_BODY_EVERY_K = 6;
export const DEFAULT_MAX_BODY_AGE_MS = 250;

/**
 * The smallest k that keeps the body landmarker within `budgetShare` of the frame interval:
 * k = ⌈poseMs / (intervalMs × budgetShare)⌉, between 1 and MAX_BODY_EVERY_K.
 */
export function bodyEveryKFor(poseMs: number, frameIntervalMs: number, budgetShare = 0.8): number {
  if (!(poseMs > 0) || !(frameIntervalMs > 0) || !(budgetShare > 0)) return 1;
  return Math.min(MAX_BODY_EVERY_K, Math.max(1, Math.ceil(poseMs / (frameIntervalMs * budgetShare))));
}

export interface FramePlan {
  readonly face: boolean;
  readonly pose: boolean;
}

/** A body found in the frame at `tMs` (source time, ms). */
export interface HeldBody {
  readonly poses: readonly PoseObservation[];
  readonly tMs: number;
}

/** Plans frames in order and holds the last body to go with the frames that skip it. */
export class LandmarkerCadence {
  private frames = 0;
  private held: HeldBody | null = null;

  constructor(private policy: CadencePolicy) {}

  setPolicy(policy: CadencePolicy): void {
    this.policy = policy;
    this.frames = 0;
  }

  /** The plan for the next analysed frame. */
  next(): FramePlan {
    const k = Math.max(1, Math.floor(this.policy.bodyEveryK));
    const pose = this.policy.bodyNeeded && this.frames % k === 0;
    this.frames += 1;
    return { face: true, pose };
  }

  /** Remember the body found in the frame at `tMs`. */
  bodySeen(poses: readonly PoseObservation[], tMs: number): void {
    this.held = { poses, tMs };
  }

  /** The body to combine with a frame at `tMs` that did not run the body landmarker: the held one if recent enough. */
  bodyFor(tMs: number): readonly PoseObservation[] {
    return this.heldBodyFor(tMs)?.poses ?? [];
  }

  /** As `bodyFor`, with the time of the frame the body was found in (null: no body recent enough). */
  heldBodyFor(tMs: number): HeldBody | null {
    if (!this.policy.bodyNeeded || this.held === null) return null;
    const age = tMs - this.held.tMs;
    return age >= 0 && age <= this.policy.maxBodyAgeMs ? this.held : null;
  }
}

/** Weight of the newest sample in the running means (about the last 5 samples count). */
const SMOOTHING = 0.2;
/** Gaps longer than this between delivered frames (a stall, a new stream) say nothing of the frame rate, ms. */
const MAX_FRAME_GAP_MS = 1000;
const DEFAULT_FRAME_INTERVAL_MS = 1000 / 30;

/**
 * k for the live pipeline from what it measures: a running mean of the body landmarker's time
 * (inside its worker) and of the interval between delivered frames (source times). k = 1 until
 * the body landmarker has been timed once.
 */
export class AdaptiveBodyEveryK {
  private poseMs: number | null = null;
  private intervalMs: number | null = null;
  private lastFrameTMs: number | null = null;

  frameDelivered(tMs: number): void {
    const gap = this.lastFrameTMs === null ? null : tMs - this.lastFrameTMs;
    this.lastFrameTMs = tMs;
    if (gap === null || !(gap > 0) || gap > MAX_FRAME_GAP_MS) return;
    this.intervalMs = this.intervalMs === null ? gap : this.intervalMs + SMOOTHING * (gap - this.intervalMs);
  }

  bodyTimed(poseMs: number): void {
    if (!(poseMs >= 0) || !Number.isFinite(poseMs)) return;
    this.poseMs = this.poseMs === null ? poseMs : this.poseMs + SMOOTHING * (poseMs - this.poseMs);
  }

  get k(): number {
    return this.poseMs === null ? 1 : bodyEveryKFor(this.poseMs, this.intervalMs ?? DEFAULT_FRAME_INTERVAL_MS);
  }
}
