import type { LandmarkerKind, PoseModel } from '../../src/vision/landmarkers';

export type BenchBackend = 'mediapipe' | 'tfjs';

/** One landmarker configuration timed by the bench page. */
export interface LandmarkerBenchSpec {
  readonly backend: BenchBackend;
  readonly kind: LandmarkerKind;
  readonly poseModel?: PoseModel;
  /** Input downscaling factor (1 = the 640×480 frame). */
  readonly scale?: number;
  /** Run the landmarker on every k-th frame only; the frames between reuse its last result. Default 1. */
  readonly everyK?: number;
  readonly frames: number;
}

/** Per-frame outputs kept for accuracy comparisons in Node (compact: no full meshes). */
export interface LandmarkerBenchResult {
  readonly spec: LandmarkerBenchSpec;
  readonly initMs: number;
  /** Over frames where the landmarker ran. */
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Total inference time / all frames (every-k amortised). */
  readonly msPerFrame: number;
  readonly framesRun: number;
  readonly framesFound: number;
  /** Head angles from this landmarker alone, per frame ([yaw, pitch, roll] degrees) or null. */
  readonly angles: readonly (readonly [number, number, number] | null)[];
  /** Pose: nose, shoulders, ears in image pixels [x0, y0, x1, y1, …] per frame, or null. */
  readonly keyPoints: readonly (readonly number[] | null)[];
}

/** Pose points compared across variants (the points every body model gave): nose, ears, shoulders. */
export const COMPARED_POSE_POINTS = [0, 7, 8, 11, 12] as const;

/** Values per point in a body run (body-runs.ts): x, y, z in image pixels (z: MediaPipe's image-width units × width), visibility. */
export const BODY_RUN_VALUES = 4;
