import { backendModels, type BackendId } from '../backend-choice';
import { PROBE_FRAMES, PROBE_WARM_UP_FRAMES, type LandmarkerTimer } from '../backend-probe';
import { copyFrameImage, type CopyImage } from '../frame-copy';
import type { FrameImage } from '../frame-source';
import type { LandmarkerConfig } from '../landmarkers';
import type { OnFileProgress } from '../load-progress';
import { median } from '../probe-median';
import { VisionError } from '../vision-error';
import { WorkerLandmarker } from './worker-landmarker';

/** What starts a landmarker worker (WorkerLandmarker.start; a fake in tests). */
export type StartWorker = (config: LandmarkerConfig, onProgress: OnFileProgress) => Promise<Pick<WorkerLandmarker, 'detect' | 'terminate'>>;

export interface WorkerProbeOptions {
  readonly frames?: number;
  readonly warmUpFrames?: number;
  /** Download progress of the models the probe loads (a first visit downloads them here). */
  readonly onProgress?: OnFileProgress;
  readonly copyImage?: CopyImage;
  readonly startWorker?: StartWorker;
}

export function probeConfig(id: BackendId, kind: LandmarkerConfig['kind']): LandmarkerConfig {
  return { kind, ...backendModels(id) };
}

/**
 * Times each landmarker in a worker of its own, as the live pipeline runs it: copies of `image`
 * 33 ms apart, `warmUpFrames` untimed, then the median of `frames`; the worker's own inference
 * time is the figure (message passing is left out, as it is the same for every backend). The
 * worker is terminated afterwards. `image` stays the caller's.
 */
export function workerProbeTimer(image: FrameImage, options: WorkerProbeOptions = {}): LandmarkerTimer {
  const frames = options.frames ?? PROBE_FRAMES;
  const warmUpFrames = options.warmUpFrames ?? PROBE_WARM_UP_FRAMES;
  const copyImage = options.copyImage ?? copyFrameImage;
  const startWorker: StartWorker = options.startWorker ?? ((config, onProgress) => WorkerLandmarker.start(config, onProgress));
  return async (id, kind) => {
    const worker = await startWorker(probeConfig(id, kind), options.onProgress ?? (() => undefined));
    try {
      const times: number[] = [];
      for (let i = 0; i < warmUpFrames + frames; i++) {
        const outcome = await worker.detect(await copyImage(image), i * 33);
        if (i >= warmUpFrames && outcome.status === 'done') times.push(outcome.inferenceMs);
      }
      if (times.length === 0) throw new VisionError({ code: 'inference', message: `The ${kind} landmarker of ${id} gave no timing` });
      return median(times);
    } finally {
      worker.terminate();
    }
  };
}
