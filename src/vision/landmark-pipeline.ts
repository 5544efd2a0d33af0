import type { FrameObservation } from '../core/landmarks';
import type { FrameSource, SourceFrame } from './frame-source';
import type { LandmarkerConfig, LandmarkerDelegate, LandmarkerKind } from './landmarkers';
import { PipelineStats, type PipelineStatsSnapshot } from './pipeline-stats';
import { combineDetections, type LandmarkerDetection } from './to-observation';
import { VisionError, errorMessage } from './vision-error';
import { WorkerLandmarker, type WorkerDetectOutcome } from './worker/worker-landmarker';

/** What the pipeline needs of a landmarker running elsewhere (WorkerLandmarker; fakes in tests). */
export interface RemoteLandmarker {
  readonly kind: LandmarkerKind;
  readonly delegate: LandmarkerDelegate;
  readonly fallbackReason: string | null;
  /** A frame is in flight: the pipeline drops frames rather than queue them. */
  readonly busy: boolean;
  /** Takes ownership of `image` (transfers or closes it). */
  detect(image: ImageBitmap, tMs: number): Promise<WorkerDetectOutcome>;
  beginStream(): void;
  terminate(): void;
}

/** Makes an independent copy of a frame (a transferred bitmap can go to one worker only). */
export type CopyImage = (image: ImageBitmap) => Promise<ImageBitmap>;

export interface LandmarkPipelineOptions extends Omit<LandmarkerConfig, 'kind'> {
  /** Which landmarkers run, each in its own worker. Default both. */
  readonly landmarkers?: readonly LandmarkerKind[];
}

export interface PipelineResult {
  readonly observation: FrameObservation;
  /** Capture → result for a camera; receipt → result for recorded sources. ms. */
  readonly latencyMs: number;
  /** Time each landmarker spent on this frame inside its worker, ms. */
  readonly inferenceMs: Readonly<Partial<Record<LandmarkerKind, number>>>;
  readonly stats: PipelineStatsSnapshot;
}

export interface PipelineCallbacks {
  readonly onResult: (result: PipelineResult) => void;
  /** The run stopped on an error (the source is left open: its owner closes it). */
  readonly onError?: (error: VisionError) => void;
}

/** Why `run` returned. */
export type PipelineEnd = 'source-ended' | 'stopped' | 'error';

const ALL_LANDMARKERS: readonly LandmarkerKind[] = ['pose', 'face'];

/**
 * source → landmarker workers (in parallel) → FrameObservation. A frame is analysed only when
 * every worker is free; frames arriving meanwhile are closed and counted as dropped, so latency
 * stays bounded instead of growing a queue. Not for recorded files that need every frame (the
 * analyze command drives the landmarkers itself).
 */
export class LandmarkPipeline {
  private readonly workers: readonly RemoteLandmarker[];
  private readonly copyImage: CopyImage;
  private readonly stats = new PipelineStats();
  private inFlight: Promise<void> | null = null;
  private running = false;
  private disposed = false;

  /** Over landmarkers already started (`start()` makes worker ones). The pipeline terminates them on dispose. */
  constructor(workers: readonly RemoteLandmarker[], copyImage: CopyImage = (image) => createImageBitmap(image)) {
    this.workers = workers;
    this.copyImage = copyImage;
  }

  /** Starts the workers and loads the models (a second or two). Throws VisionError. */
  static async start(options: LandmarkPipelineOptions = {}): Promise<LandmarkPipeline> {
    const kinds = options.landmarkers ?? ALL_LANDMARKERS;
    const started = await Promise.allSettled(kinds.map((kind) => WorkerLandmarker.start({ ...options, kind })));
    const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) {
      for (const worker of workers) worker.terminate();
      throw failure.reason instanceof VisionError ? failure.reason : new VisionError({ code: 'worker', message: errorMessage(failure.reason) });
    }
    return new LandmarkPipeline(workers);
  }

  get kinds(): readonly LandmarkerKind[] {
    return this.workers.map((w) => w.kind);
  }

  /** Per landmarker: the delegate that runs, and why the GPU was not used when asked for. */
  get delegates(): readonly { readonly kind: LandmarkerKind; readonly delegate: LandmarkerDelegate; readonly fallbackReason: string | null }[] {
    return this.workers.map((w) => ({ kind: w.kind, delegate: w.delegate, fallbackReason: w.fallbackReason }));
  }

  statsSnapshot(): PipelineStatsSnapshot {
    return this.stats.snapshot(performance.now());
  }

  /**
   * Pulls frames from `source` until it ends, `stop()` is called or a landmarker fails. Frames are
   * closed here (or by the workers). The source is not closed.
   */
  async run(source: FrameSource, callbacks: PipelineCallbacks): Promise<PipelineEnd> {
    if (this.running) throw new Error('LandmarkPipeline.run is already running');
    if (this.disposed) throw new Error('LandmarkPipeline was disposed');
    this.running = true;
    for (const worker of this.workers) worker.beginStream();
    let failed = null as VisionError | null;
    const fail = (error: VisionError): void => {
      if (failed) return;
      failed = error;
      this.running = false;
      callbacks.onError?.(error);
    };
    let end: PipelineEnd = 'stopped';
    try {
      while (this.running) {
        const frame = await source.nextFrame();
        if (frame === null) {
          if (this.running) end = 'source-ended';
          break;
        }
        const receivedAt = performance.now();
        this.stats.frameDelivered(receivedAt);
        if (!this.running || this.inFlight !== null || this.workers.some((w) => w.busy)) {
          frame.image.close();
          if (this.running) this.stats.frameDropped();
          continue;
        }
        const analysis = this.analyse(frame, source.kind === 'camera' ? frame.tMs : receivedAt, callbacks, fail);
        this.inFlight = analysis.finally(() => {
          this.inFlight = null;
        });
      }
      // The last frame's result still arrives (unless stopped) before run() returns.
      await this.inFlight;
    } finally {
      this.running = false;
    }
    return failed ? 'error' : end;
  }

  /** Ends the current run after the frame being awaited (results in flight are not reported). */
  stop(): void {
    this.running = false;
  }

  /** Stops and terminates the workers. Idempotent. */
  dispose(): void {
    this.stop();
    this.disposed = true;
    for (const worker of this.workers) worker.terminate();
  }

  private async analyse(frame: SourceFrame, startMs: number, callbacks: PipelineCallbacks, fail: (error: VisionError) => void): Promise<void> {
    try {
      const images = await imagesFor(frame.image, this.workers.length, this.copyImage);
      const outcomes = await Promise.all(this.workers.map((worker, i) => worker.detect(images[i] ?? frame.image, frame.tMs)));
      if (!this.running) return;
      const detections: LandmarkerDetection[] = [];
      const inferenceMs: Partial<Record<LandmarkerKind, number>> = {};
      for (const outcome of outcomes) {
        if (outcome.status === 'skipped') return;
        detections.push(outcome.detection);
        inferenceMs[outcome.detection.kind] = outcome.inferenceMs;
      }
      const now = performance.now();
      const latencyMs = now - startMs;
      this.stats.frameAnalysed(now, latencyMs);
      callbacks.onResult({ observation: combineDetections(frame, detections), latencyMs, inferenceMs, stats: this.stats.snapshot(now) });
    } catch (error) {
      // After stop()/dispose() the workers are gone on purpose: their rejections are not failures.
      if (!this.running) return;
      fail(error instanceof VisionError ? error : new VisionError({ code: 'worker', message: errorMessage(error) }, { cause: error }));
    }
  }
}

/** One bitmap per worker (a transferred bitmap can go to one worker only): the original plus copies. */
async function imagesFor(image: ImageBitmap, count: number, copyImage: CopyImage): Promise<ImageBitmap[]> {
  const copies = await Promise.allSettled(Array.from({ length: Math.max(0, count - 1) }, () => copyImage(image)));
  const made = copies.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
  const failure = copies.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failure) {
    for (const bitmap of [image, ...made]) bitmap.close();
    throw new VisionError({ code: 'worker', message: `Could not copy the frame: ${errorMessage(failure.reason)}` });
  }
  return [image, ...made];
}
