import type { FaceSeed } from './face-seed';
import { FaceLandmarker, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { OnFileProgress } from './load-progress';
import { fetchModelBytes } from './model-bytes';
import { SeededFaceLandmarker } from './seeded-face';
import { TimestampGuard } from './timestamp-guard';
import { faceDetectionFromResult, poseDetectionFromResult, type LandmarkerDetection } from './to-observation';
import { VisionError, errorMessage } from './vision-error';
import { ensureTrailingSlash, installVisionWasm, loadVisionWasm, uninstallVisionWasm, type VisionWasm } from './vision-wasm';

export type LandmarkerKind = LandmarkerDetection['kind'];
export type PoseModel = 'lite' | 'full';
export type LandmarkerDelegate = 'CPU' | 'GPU';
/** MediaPipe tasks-vision (default), or the TF.js models (src/vision/tfjs/) where MediaPipe's wasm does not start. */
export type LandmarkerBackend = 'mediapipe' | 'tfjs';

/** What the images given to `detect` may be (all of them work in a worker except the video element). */
export type LandmarkerImage = ImageBitmap | OffscreenCanvas | ImageData | HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | VideoFrame;

export interface LandmarkerConfig {
  readonly kind: LandmarkerKind;
  /** Default 'mediapipe'. With 'tfjs' only `kind` applies (no pose model choice, CPU, one person). */
  readonly backend?: LandmarkerBackend;
  /** Pose only: lite ≈ 30 ms/frame, full ≈ 41 ms/frame on a 2-core CPU. Default lite. */
  readonly poseModel?: PoseModel;
  /** CPU by default: the GPU delegate is ~10× slower where the GPU is software (headless, VMs). */
  readonly delegate?: LandmarkerDelegate;
  /** People detected per frame. Default: DEFAULT_MAX_PEOPLE of the kind. */
  readonly maxPeople?: number;
  /** Where `*.task` bundles are served. Default: `/models/` on this origin. */
  readonly modelBaseUrl?: string;
  /** Where tasks-vision's wasm is served. Default: `/wasm/` on this origin. */
  readonly wasmBaseUrl?: string;
}

/**
 * People looked for per frame, per kind (measured on the rendered yaw sweep, docs/head-pose.md):
 * faces 2, so that a second person in view is reported (the quality check counts faces); bodies 1.
 * Looking for a second body costs the pose landmarker ×1.45 a frame and, in a profile turned to
 * the subject's right, its person detector shrank the skeleton onto the head (15 frames without
 * a body, the rest with the shoulders at the ears); looking for one, the body was found on every
 * frame. Looking for one face would keep the face mesh 5–11° further into the turn, but then a
 * second person could not be reported.
 */
export const DEFAULT_MAX_PEOPLE: Readonly<Record<LandmarkerKind, number>> = { face: 2, pose: 1 };

export function modelFileName(kind: LandmarkerKind, poseModel: PoseModel = 'lite'): string {
  return kind === 'face' ? 'face_landmarker.task' : `pose_landmarker_${poseModel}.task`;
}

/** One MediaPipe landmarker in VIDEO mode, with the timestamp rule enforced. */
export interface VideoLandmarker {
  readonly kind: LandmarkerKind;
  /**
   * Landmarks in `image` (unmirrored) at the source time `tMs`; null when `tMs` does not move time
   * forward for this instance (the frame is skipped: see TimestampGuard). Throws VisionError
   * ('inference') when MediaPipe fails. Does not close `image`. `seed` (face only): where the body
   * landmarker saw the face (face-seed.ts), looked at when no face is found in the whole frame.
   */
  detect(image: LandmarkerImage, tMs: number, seed?: FaceSeed | null): LandmarkerDetection | null;
  /** The next frame starts a new stream (next file) whose times may start over at 0. */
  beginStream(): void;
  close(): void;
  /** Tensors alive in this thread's TF.js engine (a leak check; absent for MediaPipe, which has none). */
  liveTensors?(): number;
}

function defaultBaseUrl(folder: string): string {
  return new URL(`/${folder}/`, globalThis.location.href).href;
}

function creationError(error: unknown, modelUrl: string, wasmUrl: string): VisionError {
  if (error instanceof VisionError) return error;
  const message = errorMessage(error);
  // Emscripten reports a failed start as "Aborted(...)"; anything else comes from the graph reading the bundle.
  if (/Aborted\(|WebAssembly|\.wasm/i.test(message)) {
    return new VisionError({ code: 'wasm', url: wasmUrl, message: `tasks-vision's WebAssembly failed to start: ${message}` }, { cause: error });
  }
  return new VisionError({ code: 'model-invalid', url: modelUrl, message: `MediaPipe rejected the model ${modelUrl}: ${message}` }, { cause: error });
}

async function createTask(config: LandmarkerConfig, wasm: VisionWasm, modelUrl: string, model: Uint8Array): Promise<PoseLandmarker | FaceLandmarker> {
  const baseOptions = { modelAssetBuffer: model, delegate: config.delegate ?? 'CPU' };
  const people = config.maxPeople ?? DEFAULT_MAX_PEOPLE[config.kind];
  const { fileset, failed } = installVisionWasm(wasm);
  try {
    const created: Promise<PoseLandmarker | FaceLandmarker> =
      config.kind === 'pose'
        ? PoseLandmarker.createFromOptions(fileset, { baseOptions, runningMode: 'VIDEO', numPoses: people, outputSegmentationMasks: false })
        : FaceLandmarker.createFromOptions(fileset, {
            baseOptions,
            runningMode: 'VIDEO',
            numFaces: people,
            outputFacialTransformationMatrixes: true,
            outputFaceBlendshapes: false,
          });
    return await Promise.race([created, failed]);
  } catch (error) {
    throw creationError(error, modelUrl, wasm.url);
  } finally {
    uninstallVisionWasm();
  }
}

function inferenceError(error: unknown): VisionError {
  return new VisionError({ code: 'inference', message: `The landmarker failed on a frame: ${errorMessage(error)}` }, { cause: error });
}

/**
 * Creates a pose or face landmarker from this origin's `/models/*.task` and `/wasm/` (browser only:
 * tasks-vision needs a real page or worker). Pass `wasm` to share one download between landmarkers
 * of the same thread. Throws VisionError: 'model-fetch' | 'model-invalid' | 'wasm'.
 */
export async function createLandmarker(config: LandmarkerConfig, wasm?: VisionWasm, onProgress?: OnFileProgress): Promise<VideoLandmarker> {
  const modelUrl = new URL(modelFileName(config.kind, config.poseModel), ensureTrailingSlash(config.modelBaseUrl ?? defaultBaseUrl('models'))).href;
  const [runtime, model] = await Promise.all([
    wasm ? Promise.resolve(wasm) : loadVisionWasm(config.wasmBaseUrl ?? defaultBaseUrl('wasm'), fetch, onProgress),
    fetchModelBytes(modelUrl, fetch, undefined, onProgress),
  ]);
  const task = await createTask(config, runtime, modelUrl, model);
  // A face too small for the detector on the whole frame is looked for around the body's face points (seeded-face.ts).
  const seeded = config.kind === 'face' ? new SeededFaceLandmarker((await createTask({ ...config, maxPeople: 1 }, runtime, modelUrl, model)) as FaceLandmarker) : null;
  const guard = new TimestampGuard();
  return {
    kind: config.kind,
    detect(image, tMs, seed = null) {
      const timestamp = guard.accept(tMs);
      if (timestamp === null) return null;
      try {
        if (task instanceof PoseLandmarker) return poseDetectionFromResult(task.detectForVideo(image, timestamp));
        const detection = faceDetectionFromResult(task.detectForVideo(image, timestamp));
        if (detection.kind !== 'face' || detection.faces.length > 0 || seeded === null) return detection;
        return { kind: 'face', faces: seeded.detect(image, timestamp, seed) };
      } catch (error) {
        throw inferenceError(error);
      }
    },
    beginStream() {
      guard.beginStream();
      seeded?.reset();
    },
    close() {
      task.close();
      seeded?.close();
    },
  };
}
