import type { FaceSeed } from '../face-seed';
import type { FrameImage } from '../frame-source';
import type { OnFileProgress } from '../load-progress';
import type { LandmarkerConfig, LandmarkerDelegate, LandmarkerKind } from '../landmarkers';
import type { LandmarkerDetection } from '../to-observation';
import { VisionError } from '../vision-error';
import { isLandmarkerResponse, type LandmarkerRequest, type LandmarkerResponse } from './landmarker-messages';

/** What one frame sent to a worker gave. */
export type WorkerDetectOutcome =
  | { readonly status: 'done'; readonly detection: LandmarkerDetection; readonly inferenceMs: number }
  | { readonly status: 'skipped' };

interface PendingFrame {
  readonly frameId: number;
  readonly resolve: (outcome: WorkerDetectOutcome) => void;
  readonly reject: (error: VisionError) => void;
}

/**
 * Main-thread handle on a landmarker running in its own worker. At most one frame is in flight:
 * callers check `busy` and drop frames rather than queue them (the camera moves on meanwhile).
 */
export class WorkerLandmarker {
  readonly kind: LandmarkerKind;
  /** What actually runs (CPU when the GPU was asked for but could not run the model). */
  readonly delegate: LandmarkerDelegate;
  /** Why the GPU was not used although asked for; null otherwise. */
  readonly fallbackReason: string | null;
  private readonly worker: Worker;
  /** TF.js tensors alive in the worker after its latest frame (null for MediaPipe, or before a frame). */
  liveTensors: number | null = null;
  private pending: PendingFrame | null = null;
  private nextFrameId = 1;
  private terminated = false;

  private constructor(ready: Extract<LandmarkerResponse, { type: 'ready' }>, worker: Worker) {
    this.kind = ready.kind;
    this.delegate = ready.delegate;
    this.fallbackReason = ready.fallbackReason;
    this.worker = worker;
    const kind = ready.kind;
    worker.addEventListener('message', (event: MessageEvent<unknown>) => this.onMessage(event.data));
    worker.addEventListener('error', (event) => {
      // An uncaught error outside our message handling: the worker cannot be trusted to answer again.
      this.failPending(new VisionError({ code: 'worker', message: `The ${kind} landmarker worker crashed: ${event.message || 'script error'}` }));
      this.terminate();
    });
  }

  /** Starts a worker and its landmarker; rejects with the worker's VisionError when setup fails. */
  static start(config: LandmarkerConfig, onProgress: OnFileProgress = () => undefined): Promise<WorkerLandmarker> {
    const worker = new Worker(new URL('./landmarker.worker.ts', import.meta.url), { type: 'module', name: `atlas-${config.kind}-landmarker` });
    return new Promise<WorkerLandmarker>((resolve, reject) => {
      const onSetup = (event: MessageEvent<unknown>): void => {
        const message = event.data;
        if (!isLandmarkerResponse(message)) return;
        if (message.type === 'progress') {
          onProgress(message.progress);
        } else if (message.type === 'ready') {
          cleanUp();
          resolve(new WorkerLandmarker(message, worker));
        } else if (message.type === 'error' && message.frameId === null) {
          cleanUp();
          worker.terminate();
          reject(new VisionError(message.error));
        }
      };
      const onError = (event: ErrorEvent): void => {
        cleanUp();
        worker.terminate();
        reject(new VisionError({ code: 'worker', message: `The ${config.kind} landmarker worker failed to start: ${event.message || 'script error'}` }));
      };
      const cleanUp = (): void => {
        worker.removeEventListener('message', onSetup);
        worker.removeEventListener('error', onError);
      };
      worker.addEventListener('message', onSetup);
      worker.addEventListener('error', onError);
      const init: LandmarkerRequest = { type: 'init', config };
      worker.postMessage(init);
    });
  }

  get busy(): boolean {
    return this.pending !== null;
  }

  /**
   * Sends `image` to the worker (transferred: it is unusable here afterwards, and the worker closes
   * it). Throws synchronously when a frame is already in flight: check `busy` first.
   */
  detect(image: FrameImage, tMs: number, seed: FaceSeed | null = null): Promise<WorkerDetectOutcome> {
    if (this.terminated) {
      image.close();
      return Promise.reject(new VisionError({ code: 'worker', message: 'The landmarker worker was terminated' }));
    }
    if (this.pending) {
      image.close();
      throw new Error('WorkerLandmarker.detect called while busy: drop the frame instead');
    }
    const frameId = this.nextFrameId++;
    return new Promise<WorkerDetectOutcome>((resolve, reject) => {
      this.pending = { frameId, resolve, reject };
      const request: LandmarkerRequest = { type: 'detect', frameId, tMs, image, seed };
      this.worker.postMessage(request, [image]);
    });
  }

  /** The next frames start a new stream whose clock may start over (next file). */
  beginStream(): void {
    const request: LandmarkerRequest = { type: 'begin-stream' };
    this.worker.postMessage(request);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.worker.terminate();
    this.failPending(new VisionError({ code: 'worker', message: `The ${this.kind} landmarker worker was terminated` }));
  }

  private onMessage(data: unknown): void {
    if (!isLandmarkerResponse(data)) return;
    const pending = this.pending;
    if (!pending || !('frameId' in data) || data.frameId !== pending.frameId) {
      if (data.type === 'error' && data.frameId === null) this.failPending(new VisionError(data.error));
      return;
    }
    this.pending = null;
    if (data.type === 'result') this.liveTensors = data.liveTensors;
    settle(pending, data);
  }

  private failPending(error: VisionError): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}

function settle(pending: PendingFrame, response: LandmarkerResponse): void {
  switch (response.type) {
    case 'result':
      pending.resolve({ status: 'done', detection: response.detection, inferenceMs: response.inferenceMs });
      return;
    case 'skipped':
      pending.resolve({ status: 'skipped' });
      return;
    case 'error':
      pending.reject(new VisionError(response.error));
      return;
    case 'ready':
    case 'progress':
      return;
  }
}
