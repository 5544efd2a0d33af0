/// <reference lib="webworker" />
import { createLandmarker, type LandmarkerConfig, type VideoLandmarker } from '../landmarkers';
import { VisionError, errorMessage, type VisionErrorInfo } from '../vision-error';
import { FramePixels } from './frame-pixels';
import { isFrameImage, isLandmarkerRequest, type LandmarkerRequest, type LandmarkerResponse } from './landmarker-messages';

/** One landmarker per worker, so pose and face run in parallel on two cores. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: LandmarkerResponse): void {
  scope.postMessage(message);
}

function toInfo(error: unknown): VisionErrorInfo {
  return error instanceof VisionError ? error.info : { code: 'worker', message: errorMessage(error) };
}

class LandmarkerHost {
  private landmarker: VideoLandmarker | null = null;
  /** Camera frames to RGBA for MediaPipe (TF.js draws VideoFrames onto its crop canvas directly). */
  private pixels: FramePixels | null = null;
  private starting: Promise<void> | null = null;

  handle(request: LandmarkerRequest): void {
    switch (request.type) {
      case 'init':
        this.starting ??= this.init(request);
        return;
      case 'detect':
        void this.detect(request);
        return;
      case 'begin-stream':
        this.landmarker?.beginStream();
        return;
      case 'close':
        this.landmarker?.close();
        this.landmarker = null;
        scope.close();
        return;
    }
  }

  private async init(request: Extract<LandmarkerRequest, { type: 'init' }>): Promise<void> {
    const started = performance.now();
    const { config } = request;
    try {
      let fallbackReason: string | null = null;
      let landmarker = await createFor(config);
      if (config.delegate === 'GPU' && config.backend !== 'tfjs') {
        fallbackReason = gpuProblem(landmarker);
        if (fallbackReason !== null) {
          landmarker.close();
          landmarker = await createLandmarker({ ...config, delegate: 'CPU' });
        }
      }
      this.landmarker = landmarker;
      this.pixels = config.backend === 'tfjs' ? null : new FramePixels();
      const delegate = config.delegate === 'GPU' && config.backend !== 'tfjs' && fallbackReason === null ? 'GPU' : 'CPU';
      post({ type: 'ready', kind: landmarker.kind, initMs: performance.now() - started, delegate, fallbackReason });
    } catch (error) {
      post({ type: 'error', frameId: null, error: toInfo(error) });
    }
  }

  private async detect(request: Extract<LandmarkerRequest, { type: 'detect' }>): Promise<void> {
    const { frameId, tMs, image, seed } = request;
    try {
      const started = performance.now();
      const pixels = this.pixels ? await this.pixels.read(image) : image;
      // Checked after the conversion: a 'close' may have arrived meanwhile.
      if (!this.landmarker) {
        post({ type: 'error', frameId, error: { code: 'worker', message: 'The landmarker is not ready yet' } });
        return;
      }
      const detection = this.landmarker.detect(pixels, tMs, seed);
      if (detection === null) post({ type: 'skipped', frameId, tMs });
      else post({ type: 'result', frameId, tMs, inferenceMs: performance.now() - started, detection, liveTensors: this.landmarker.liveTensors?.() ?? null });
    } catch (error) {
      post({ type: 'error', frameId, error: toInfo(error) });
    } finally {
      image.close();
    }
  }
}

/** TF.js (~300 KB gzip) is imported only by the workers that use it. */
async function createFor(config: LandmarkerConfig): Promise<VideoLandmarker> {
  if (config.backend !== 'tfjs') return createLandmarker(config, undefined, (progress) => post({ type: 'progress', progress }));
  const { createTfjsLandmarker } = await import('../tfjs/tfjs-landmarker');
  return createTfjsLandmarker({ kind: config.kind });
}

/** Side of the blank frame used to try the GPU graph: small, the graph opens every model anyway. */
const PROBE_SIZE_PX = 64;

/**
 * Runs one blank frame: the graph opens all its calculators on the first frame, and that is where
 * the WebGL delegate refuses ops it lacks (e.g. GATHER in the assembled face model). Returns why
 * the GPU cannot be used, or null. The probe frame's time (0) is followed by a new stream.
 */
function gpuProblem(landmarker: VideoLandmarker): string | null {
  try {
    landmarker.detect(new OffscreenCanvas(PROBE_SIZE_PX, PROBE_SIZE_PX), 0);
    landmarker.beginStream();
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

const host = new LandmarkerHost();
scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isLandmarkerRequest(event.data)) host.handle(event.data);
  else if (event.data !== null && typeof event.data === 'object' && 'image' in event.data && isFrameImage(event.data.image)) {
    event.data.image.close();
  }
});
