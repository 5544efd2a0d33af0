import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraSource, type CameraOptions } from '../../vision/camera-source';
import type { FrameImage } from '../../vision/frame-source';
import { HeadUpSource } from '../../vision/head-up-source';
import type { CameraSide } from '../../core/protocol/camera-side';
import { LandmarkPipeline, type LandmarkPipelineOptions, type PipelineResult } from '../../vision/landmark-pipeline';
import type { LoadProgress } from '../../vision/load-progress';
import type { PipelineStatsSnapshot } from '../../vision/pipeline-stats';
import { VisionError, errorMessage } from '../../vision/vision-error';
import { stringEnum, type EnumValue } from '../../core/string-enum';

export const LIVE_STATUS = stringEnum('idle', 'starting', 'running', 'stopped', 'error');
export type LiveStatus = EnumValue<typeof LIVE_STATUS>;

export interface LandmarkPipelineControllerOptions {
  /** Called for every analysed frame (draw here: it runs outside Lit's render cycle). */
  readonly onResult?: (result: PipelineResult) => void;
  /** Called when the status changes (also after `error` is set). */
  readonly onStatus?: (status: LiveStatus) => void;
}

export interface LiveStartOptions {
  /** Camera settings; pass the on-screen `<video>` as `video` so it shows the analysed stream. */
  readonly camera?: CameraOptions;
  readonly pipeline?: LandmarkPipelineOptions;
}

/**
 * Owns a live camera and the landmark workers for a Lit element: `start()` opens both, results
 * go to `onResult`, and everything is released (camera tracks stopped, workers terminated, frames
 * closed) on `stop()` or when the host leaves the DOM. The host re-renders on status changes only.
 */
export class LandmarkPipelineController implements ReactiveController {
  status: LiveStatus = LIVE_STATUS.idle;
  error: VisionError | null = null;
  /** While starting: how much of the wasm and the models has arrived (a render trigger). */
  progress: LoadProgress | null = null;
  /** While starting on a first visit: the landmark backends are being timed on this device (a render trigger). */
  probing = false;
  /** The latest stats (updated with every result; not a render trigger). */
  stats: PipelineStatsSnapshot | null = null;
  private readonly host: ReactiveControllerHost;
  private readonly options: LandmarkPipelineControllerOptions;
  private camera: CameraSource | null = null;
  /** What the landmarkers read: the camera, turned head-up face down (HeadUpSource). */
  private frames: HeadUpSource | null = null;
  private headUpSide: CameraSide | null = null;
  private pipeline: LandmarkPipeline | null = null;
  /** Bumped by every start/stop so that a slow start finishing after a stop cleans up after itself. */
  private generation = 0;

  constructor(host: ReactiveControllerHost, options: LandmarkPipelineControllerOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  get cameraSource(): CameraSource | null {
    return this.camera;
  }

  /**
   * Face down: the landmarkers get the frames turned head-up for a floor camera on `side` (null:
   * as the camera gives them), from the next frame on, the same turn `npm run analyze` makes.
   */
  setHeadUpSide(side: CameraSide | null): void {
    this.headUpSide = side;
    this.frames?.setSide(side);
  }

  /** While running: which delegate each landmarker uses (and why not the GPU when it was asked for). */
  get delegates(): LandmarkPipeline['delegates'] {
    return this.pipeline?.delegates ?? [];
  }

  /** While running: which models run in the workers ('mediapipe', or 'tfjs' when chosen by the probe or as the fallback). */
  get backend(): LandmarkPipeline['backend'] | null {
    return this.pipeline?.backend ?? null;
  }

  /** While running: the landmarkers that started (a backend may run without its body model). */
  get kinds(): LandmarkPipeline['kinds'] {
    return this.pipeline?.kinds ?? [];
  }

  /** While running: MediaPipe's pose model ('lite' | 'full'), null on TF.js or when not running. */
  get poseModel(): LandmarkPipeline['poseModel'] {
    return this.pipeline?.poseModel ?? null;
  }

  /** While running on TF.js: tensors alive per worker (a leak check). */
  liveTensors(): ReturnType<LandmarkPipeline['liveTensors']> {
    return this.pipeline?.liveTensors() ?? {};
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Opens the camera and starts the workers in parallel, then runs until stopped. Never throws: see `error`. */
  async start(options: LiveStartOptions = {}): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    this.error = null;
    this.stats = null;
    this.progress = null;
    this.probing = false;
    this.setStatus(LIVE_STATUS.starting);
    const cameraOpening = CameraSource.open(options.camera);
    const onProgress = (progress: LoadProgress): void => {
      if (generation !== this.generation) return;
      this.progress = progress;
      this.host.requestUpdate();
    };
    const onProbe = (probing: boolean): void => {
      if (generation !== this.generation) return;
      this.probing = probing;
      this.host.requestUpdate();
    };
    const pipelineStarting = LandmarkPipeline.start({ ...options.pipeline, onProgress, onProbe, probeImage: () => firstCameraFrame(cameraOpening) });
    let opened: CameraSource;
    let started: LandmarkPipeline;
    try {
      // The first failure is reported at once (a refused camera should not wait for the models).
      [opened, started] = await Promise.all([cameraOpening, pipelineStarting]);
    } catch (error) {
      cameraOpening.then((camera) => camera.close(), () => undefined);
      pipelineStarting.then((pipeline) => pipeline.dispose(), () => undefined);
      if (generation === this.generation) this.fail(error);
      return;
    }
    if (generation !== this.generation) {
      opened.close();
      started.dispose();
      return;
    }
    this.camera = opened;
    this.frames = new HeadUpSource(opened, this.headUpSide);
    this.pipeline = started;
    this.probing = false;
    this.setStatus(LIVE_STATUS.running);
    const end = await started.run(this.frames, {
      onResult: (result) => {
        this.stats = result.stats;
        this.options.onResult?.(result);
      },
      onError: (error) => {
        if (generation === this.generation) this.fail(error);
      },
    });
    if (generation !== this.generation) return;
    if (end === 'source-ended') this.fail(opened.failure ?? new VisionError({ code: 'camera-ended', message: 'The camera stopped.' }));
    this.release();
  }

  /** Stops the camera and the workers. Idempotent. */
  stop(): void {
    this.generation += 1;
    const wasActive = this.camera !== null || this.status === LIVE_STATUS.starting;
    this.release();
    if (wasActive && this.status !== LIVE_STATUS.error) this.setStatus(LIVE_STATUS.stopped);
  }

  private release(): void {
    this.pipeline?.dispose();
    this.camera?.close();
    this.pipeline = null;
    this.camera = null;
    this.frames = null;
  }

  private fail(reason: unknown): void {
    this.error = reason instanceof VisionError ? reason : new VisionError({ code: 'worker', message: errorMessage(reason) });
    this.release();
    this.setStatus(LIVE_STATUS.error);
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
    this.host.requestUpdate();
  }
}

/** The camera's first frame, for the first-run backend probe (which closes it). */
async function firstCameraFrame(opening: Promise<CameraSource>): Promise<FrameImage> {
  const frame = await (await opening).nextFrame();
  if (frame === null) throw new VisionError({ code: 'camera-ended', message: 'The camera stopped before its first frame.' });
  return frame.image;
}
