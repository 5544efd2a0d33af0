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

/** Plans frames in order and holds the last body to go with the frames that skip it. */
export class LandmarkerCadence {
  private frames = 0;
  private held: { readonly poses: readonly PoseObservation[]; readonly tMs: number } | null = null;

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
    if (!this.policy.bodyNeeded || this.held === null) return [];
    const age = tMs - this.held.tMs;
    return age >= 0 && age <= this.policy.maxBodyAgeMs ? this.held.poses : [];
  }
}
