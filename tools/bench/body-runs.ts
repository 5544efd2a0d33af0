import type { BackendId } from '../../src/vision/backend-choice';
import { probeConfig } from '../../src/vision/worker/worker-probe-timer';
import { WorkerLandmarker } from '../../src/vision/worker/worker-landmarker';
import type { BenchFrame } from './bench-frames';

/** One backend's body landmarker in a worker of its own (as the app runs it) over the same frames. */
export interface BodyRun {
  readonly backend: BackendId;
  /** Width of the frames, pixels (the scale of z). */
  readonly imageWidth: number;
  /** The worker's inference time per frame, ms (NaN where it skipped). */
  readonly frameMs: readonly number[];
  /** Per frame, the first body's 33 points flattened (BODY_RUN_VALUES each, bench-spec.ts), or null when none. */
  readonly points: readonly (readonly number[] | null)[];
  readonly world: readonly boolean[];
}

interface Running {
  readonly backend: BackendId;
  readonly worker: WorkerLandmarker;
  readonly frameMs: number[];
  readonly points: (number[] | null)[];
  readonly world: boolean[];
}

async function detectOne(run: Running, frame: BenchFrame, tMs: number): Promise<void> {
  const outcome = await run.worker.detect(await createImageBitmap(frame.image), tMs);
  const pose = outcome.status === 'done' && outcome.detection.kind === 'pose' ? outcome.detection.poses[0] : undefined;
  run.frameMs.push(outcome.status === 'done' ? outcome.inferenceMs : Number.NaN);
  const { width, height } = frame.image;
  run.points.push(pose ? pose.landmarks.flatMap((l) => [l.x * width, l.y * height, l.z * width, l.visibility ?? 0]) : null);
  run.world.push(pose?.worldLandmarks != null);
}

/**
 * Each backend in a fresh worker of its own, on the same frames 33 ms apart (VIDEO mode, tracking
 * on), INTERLEAVED: frame i goes through every backend (rotating order, one at a time) before
 * frame i + 1, so that the shared machine's load weighs on all alike.
 */
export async function bodyRuns(frames: readonly BenchFrame[], backends: readonly BackendId[]): Promise<BodyRun[]> {
  // One person: the comparison is per body.
  const workers = await Promise.all(backends.map((backend) => WorkerLandmarker.start({ ...probeConfig(backend, 'pose'), maxPeople: 1 })));
  const runs: Running[] = backends.map((backend, i) => ({ backend, worker: workers[i] as WorkerLandmarker, frameMs: [], points: [], world: [] }));
  try {
    for (const [i, frame] of frames.entries()) {
      for (let k = 0; k < runs.length; k++) await detectOne(runs[(i + k) % runs.length] as Running, frame, i * 33);
    }
  } finally {
    for (const worker of workers) worker.terminate();
  }
  return runs.map(({ backend, frameMs, points, world }) => ({ backend, imageWidth: frames[0]?.image.width ?? Number.NaN, frameMs, points, world }));
}
