import type { BackendId } from '../../src/vision/backend-choice';
import type { LandmarkerKind } from '../../src/vision/landmarkers';
import { createLandmarkerOf } from '../../src/vision/main-thread-probe-timer';
import { probeConfig } from '../../src/vision/worker/worker-probe-timer';
import { WorkerLandmarker } from '../../src/vision/worker/worker-landmarker';
import type { BenchFrame } from './bench-frames';

/** One new landmarker, timed frame by frame from its creation. */
export interface WarmUpSpec {
  readonly backend: BackendId;
  readonly kind: LandmarkerKind;
  /** 'worker': a worker of its own, as the probe and the live pipeline run it (its own wasm, cold). */
  readonly thread: 'main' | 'worker';
  /** People MediaPipe looks for: 2 in the probe and the live pipeline, 1 in the bench's timings. */
  readonly maxPeople: number;
}

export interface WarmUpCurve {
  readonly spec: WarmUpSpec;
  /** ms per frame from the first frame on (which builds the graph); NaN where the worker skipped. */
  readonly frameMs: readonly number[];
}

async function onMainThread(frames: readonly BenchFrame[], spec: WarmUpSpec): Promise<number[]> {
  const landmarker = await createLandmarkerOf(spec.backend, spec.kind, spec.maxPeople);
  try {
    return frames.map((frame, i) => {
      const started = performance.now();
      landmarker.detect(frame.image, i * 33);
      return performance.now() - started;
    });
  } finally {
    landmarker.close();
  }
}

async function inWorker(frames: readonly BenchFrame[], spec: WarmUpSpec): Promise<number[]> {
  const worker = await WorkerLandmarker.start({ ...probeConfig(spec.backend, spec.kind), maxPeople: spec.maxPeople });
  try {
    const times: number[] = [];
    for (const [i, frame] of frames.entries()) {
      const outcome = await worker.detect(await createImageBitmap(frame.image), i * 33);
      times.push(outcome.status === 'done' ? outcome.inferenceMs : Number.NaN);
    }
    return times;
  } finally {
    worker.terminate();
  }
}

/**
 * How long a new landmarker stays slow: each spec in turn, a fresh landmarker on `frames` (33 ms
 * apart). The main thread's landmarkers share the page's compiled wasm, warmed by whatever ran
 * before; each worker compiles its own, as the first-run probe's do.
 */
export async function warmUpCurves(frames: readonly BenchFrame[], specs: readonly WarmUpSpec[]): Promise<WarmUpCurve[]> {
  const curves: WarmUpCurve[] = [];
  for (const spec of specs) {
    curves.push({ spec, frameMs: spec.thread === 'main' ? await onMainThread(frames, spec) : await inWorker(frames, spec) });
  }
  return curves;
}
