import type { BackendId } from '../vision/backend-choice';
import { probeConfig } from '../vision/worker/worker-probe-timer';
import { WorkerLandmarker } from '../vision/worker/worker-landmarker';
import type { BenchFrame } from './bench-frames';
import { BODY_RUN_VALUES } from './bench-spec';


/** One backend's body landmarker in a worker of its own (as the app runs it) over the same frames. */
export interface BodyRun {
  readonly backend: BackendId;
  /** Width of the frames, pixels (the scale of z). */
  readonly imageWidth: number;
  /** The worker's inference time per frame, ms (NaN where it skipped). */
  readonly frameMs: readonly number[];
  /** Per frame, the first body's 33 points flattened (BODY_RUN_VALUES each), or null when none. */
  readonly points: readonly (readonly number[] | null)[];
  readonly world: readonly boolean[];
}

async function runOne(frames: readonly BenchFrame[], backend: BackendId): Promise<BodyRun> {
  // One person, as the comparison is per body; the live pipeline's second look does not change the first body.
  const worker = await WorkerLandmarker.start({ ...probeConfig(backend, 'pose'), maxPeople: 1 });
  const frameMs: number[] = [];
  const points: (number[] | null)[] = [];
  const world: boolean[] = [];
  try {
    for (const [i, frame] of frames.entries()) {
      const outcome = await worker.detect(await createImageBitmap(frame.image), i * 33);
      const pose = outcome.status === 'done' && outcome.detection.kind === 'pose' ? outcome.detection.poses[0] : undefined;
      frameMs.push(outcome.status === 'done' ? outcome.inferenceMs : Number.NaN);
      const { width, height } = frame.image;
      // BODY_RUN_VALUES per point.
      points.push(pose ? pose.landmarks.flatMap((l) => [l.x * width, l.y * height, l.z * width, l.visibility ?? 0]) : null);
      world.push(pose?.worldLandmarks != null);
    }
  } finally {
    worker.terminate();
  }
  return { backend, imageWidth: frames[0]?.image.width ?? Number.NaN, frameMs, points, world };
}

/** Each backend in turn, a fresh worker each, on the same frames 33 ms apart (VIDEO mode, tracking on). */
export async function bodyRuns(frames: readonly BenchFrame[], backends: readonly BackendId[]): Promise<BodyRun[]> {
  const runs: BodyRun[] = [];
  for (const backend of backends) runs.push(await runOne(frames, backend));
  return runs;
}
