import type { FaceSeed } from '../face-seed';
import type { LandmarkerKind, LandmarkerImage, VideoLandmarker } from '../landmarkers';
import { TimestampGuard } from '../timestamp-guard';
import type { LandmarkerDetection } from '../to-observation';
import { VisionError, errorMessage } from '../vision-error';
import { TFJS_MODELS_PREFIX, TFJS_MODEL_NAMES } from './tfjs-assets';
import { BlazePoseRunner } from './tfjs-blazepose';
import { FaceMeshRunner } from './tfjs-face-mesh';
import { startTfjs, type TfjsBackendName } from './tfjs-runtime';

export interface TfjsLandmarkerConfig {
  readonly kind: LandmarkerKind;
  /** Default 'wasm'. */
  readonly tfBackend?: TfjsBackendName;
  /** Where the graph models are served. Default `/tfjs-models/` on this origin. */
  readonly modelBaseUrl?: string;
  /** Where tfjs-backend-wasm's `.wasm` files are served. Default `/tfjs-wasm/` on this origin. */
  readonly wasmBaseUrl?: string;
  /** Reuse the last frame's landmarks' region (face mesh, body) instead of running the detector on every frame. Default true. */
  readonly tracking?: boolean;
}

function baseUrl(config: TfjsLandmarkerConfig): string {
  const base = config.modelBaseUrl ?? new URL(TFJS_MODELS_PREFIX, globalThis.location.href).href;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The TF.js backend behind the same VideoLandmarker interface as MediaPipe's: pose = MediaPipe's
 * pose detector + BlazePose lite (33 points with depth and world landmarks, one person), face =
 * BlazeFace + FaceMesh (468 points padded to 478, matrix null).
 * Browser only (main thread or worker). Throws VisionError 'wasm' | 'model-fetch'.
 */
export async function createTfjsLandmarker(config: TfjsLandmarkerConfig): Promise<VideoLandmarker> {
  let tf: Awaited<ReturnType<typeof startTfjs>>;
  try {
    tf = await startTfjs(config.tfBackend ?? 'wasm', config.wasmBaseUrl);
  } catch (error) {
    throw new VisionError({ code: 'wasm', url: config.wasmBaseUrl ?? '/tfjs-wasm/', message: `TF.js failed to start: ${errorMessage(error)}` }, { cause: error });
  }
  const base = baseUrl(config);
  const load = async (name: string): Promise<Awaited<ReturnType<typeof tf.loadGraphModel>>> => {
    const url = `${base}${name}.json`;
    try {
      return await tf.loadGraphModel(url);
    } catch (error) {
      throw new VisionError({ code: 'model-fetch', url, status: 0, message: `Could not load the TF.js model ${url}: ${errorMessage(error)}` }, { cause: error });
    }
  };
  const guard = new TimestampGuard();
  const [detectorName, landmarksName] =
    config.kind === 'pose' ? [TFJS_MODEL_NAMES.bodyDetector, TFJS_MODEL_NAMES.body] : [TFJS_MODEL_NAMES.faceDetector, TFJS_MODEL_NAMES.faceMesh];
  const [detector, landmarks] = await Promise.all([load(detectorName), load(landmarksName)]);
  const models = { tf, detector, landmarks };
  const tracking = config.tracking ?? true;
  const runner = config.kind === 'pose' ? new BlazePoseRunner(models, tracking) : new FaceMeshRunner(models, tracking);
  const run = (image: LandmarkerImage, seed: FaceSeed | null): LandmarkerDetection =>
    runner instanceof BlazePoseRunner ? { kind: 'pose', poses: runner.detect(image) } : { kind: 'face', faces: runner.detect(image, seed) };
  return {
    kind: config.kind,
    detect(image, tMs, seed = null) {
      if (guard.accept(tMs) === null) return null;
      try {
        return run(image, seed);
      } catch (error) {
        throw new VisionError({ code: 'inference', message: `The TF.js landmarker failed on a frame: ${errorMessage(error)}` }, { cause: error });
      }
    },
    beginStream() {
      guard.beginStream();
      runner.resetTracking();
    },
    close() {
      detector.dispose();
      landmarks.dispose();
    },
    liveTensors() {
      return tf.memory().numTensors;
    },
  };
}
