import { isFaceSeedOrNull, type FaceSeed } from '../face-seed';
import type { FrameImage } from '../frame-source';
import type { FileProgress } from '../load-progress';
import type { LandmarkerConfig, LandmarkerDelegate, LandmarkerKind } from '../landmarkers';
import type { LandmarkerDetection } from '../to-observation';
import type { VisionErrorInfo } from '../vision-error';

/** Main thread → landmarker worker. */
export type LandmarkerRequest =
  | { readonly type: 'init'; readonly config: LandmarkerConfig }
  /** `image` is transferred: the worker closes it once the landmarker has read it. `seed`: see VideoLandmarker.detect. */
  | { readonly type: 'detect'; readonly frameId: number; readonly tMs: number; readonly image: FrameImage; readonly seed: FaceSeed | null }
  | { readonly type: 'begin-stream' }
  | { readonly type: 'close' };

/** Landmarker worker → main thread. */
export type LandmarkerResponse =
  /** `delegate` is what runs: CPU when the GPU was asked for but could not run the model. */
  | { readonly type: 'ready'; readonly kind: LandmarkerKind; readonly initMs: number; readonly delegate: LandmarkerDelegate; readonly fallbackReason: string | null }
  /** `liveTensors`: TF.js tensors alive in the worker after the frame (null for MediaPipe), a leak check. */
  | { readonly type: 'result'; readonly frameId: number; readonly tMs: number; readonly inferenceMs: number; readonly detection: LandmarkerDetection; readonly liveTensors: number | null }
  /** The frame was not analysed: its time did not move forward (see TimestampGuard). */
  | { readonly type: 'skipped'; readonly frameId: number; readonly tMs: number }
  /** While `init` downloads the wasm and the model (for the first-visit progress bar). */
  | { readonly type: 'progress'; readonly progress: FileProgress }
  /** frameId is null for errors outside a frame (init). */
  | { readonly type: 'error'; readonly frameId: number | null; readonly error: VisionErrorInfo };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const KINDS: readonly unknown[] = ['pose', 'face'] satisfies LandmarkerKind[];

/** Checks what arrives over postMessage before trusting its type. */
/** A transferable frame: an ImageBitmap or (from the camera) a VideoFrame. */
export function isFrameImage(value: unknown): value is FrameImage {
  return (typeof ImageBitmap !== 'undefined' && value instanceof ImageBitmap) || (typeof VideoFrame !== 'undefined' && value instanceof VideoFrame);
}

export function isLandmarkerRequest(value: unknown): value is LandmarkerRequest {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init':
      return isRecord(value.config) && KINDS.includes(value.config.kind);
    case 'detect':
      return (
        typeof value.frameId === 'number' &&
        typeof value.tMs === 'number' &&
        isFrameImage(value.image) &&
        isFaceSeedOrNull(value.seed)
      );
    case 'begin-stream':
    case 'close':
      return true;
    default:
      return false;
  }
}

export function isLandmarkerResponse(value: unknown): value is LandmarkerResponse {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return KINDS.includes(value.kind) && typeof value.initMs === 'number' && (value.delegate === 'CPU' || value.delegate === 'GPU');
    case 'result':
      return (
        typeof value.frameId === 'number' &&
        typeof value.tMs === 'number' &&
        typeof value.inferenceMs === 'number' &&
        isRecord(value.detection) &&
        KINDS.includes(value.detection.kind) &&
        (value.liveTensors === null || typeof value.liveTensors === 'number')
      );
    case 'skipped':
      return typeof value.frameId === 'number' && typeof value.tMs === 'number';
    case 'progress':
      return (
        isRecord(value.progress) &&
        typeof value.progress.url === 'string' &&
        typeof value.progress.loadedBytes === 'number' &&
        (value.progress.totalBytes === null || typeof value.progress.totalBytes === 'number')
      );
    case 'error':
      return (value.frameId === null || typeof value.frameId === 'number') && isRecord(value.error) && typeof value.error.code === 'string';
    default:
      return false;
  }
}
