import type { PoseObservation } from '../../src/core/landmarks';
import { CameraSource } from '../../src/vision/camera-source';
import { LandmarkerCadence } from '../../src/vision/landmarker-cadence';
import { WorkerLandmarker } from '../../src/vision/worker/worker-landmarker';

/**
 * The live set-up (camera → one worker per landmarker) with a scheduling variant, to measure what
 * the cadence would gain in the real pipeline before it is wired there.
 */
export interface LiveVariantSpec {
  readonly name: string;
  /** true: a frame is analysed only when both workers are free and both finished (LandmarkPipeline today). */
  readonly waitForBoth: boolean;
  readonly bodyEveryK: number;
  readonly bodyNeeded: boolean;
  readonly seconds: number;
}

export interface LiveVariantResult {
  readonly name: string;
  readonly deliveredFrames: number;
  readonly analysedFrames: number;
  readonly ratio: number;
  readonly deliveredFps: number;
  readonly analysedFps: number;
  readonly p95LatencyMs: number;
  /** Analysed frames that carried a body (run on it or held from ≤ 250 ms before). */
  readonly bodyFraction: number;
  readonly bodyRuns: number;
}

const MAX_BODY_AGE_MS = 250;

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))] ?? Number.NaN;
}

export async function runLiveVariant(spec: LiveVariantSpec, face: WorkerLandmarker, pose: WorkerLandmarker): Promise<LiveVariantResult> {
  const camera = await CameraSource.open();
  const cadence = new LandmarkerCadence({ bodyEveryK: spec.bodyEveryK, bodyNeeded: spec.bodyNeeded, maxBodyAgeMs: MAX_BODY_AGE_MS });
  face.beginStream();
  pose.beginStream();
  const latencies: number[] = [];
  let delivered = 0;
  let analysed = 0;
  let withBody = 0;
  let bodyRuns = 0;
  let pending = 0;
  const start = performance.now();
  const end = start + spec.seconds * 1000;
  try {
    while (performance.now() < end) {
      const frame = await camera.nextFrame();
      if (frame === null) break;
      delivered += 1;
      const busy = spec.waitForBoth ? pending > 0 || face.busy || pose.busy : face.busy;
      if (busy) {
        frame.image.close();
        continue;
      }
      const plan = cadence.next();
      const runPose = spec.waitForBoth || (plan.pose && !pose.busy);
      const poseImage = runPose ? await createImageBitmap(frame.image) : null;
      const tMs = frame.tMs;
      pending += 1;
      const posePromise = poseImage
        ? pose.detect(poseImage, tMs).then((outcome) => {
            bodyRuns += 1;
            const poses: readonly PoseObservation[] = outcome.status === 'done' && outcome.detection.kind === 'pose' ? outcome.detection.poses : [];
            cadence.bodySeen(poses, tMs);
            return poses;
          })
        : null;
      const facePromise = face.detect(frame.image, tMs);
      void (async () => {
        try {
          // Waiting for both (today's pipeline) or for the face alone, the body being the latest held one.
          const [, poses] = await Promise.all([facePromise, spec.waitForBoth && posePromise ? posePromise : Promise.resolve(null)]);
          analysed += 1;
          latencies.push(performance.now() - tMs);
          const body = poses ?? cadence.bodyFor(tMs);
          if (body.length > 0) withBody += 1;
        } finally {
          pending -= 1;
        }
      })();
    }
  } finally {
    camera.close();
  }
  // Let the frames in flight finish (their results count: they were captured in the window).
  while (face.busy || pose.busy || pending > 0) await new Promise((r) => setTimeout(r, 10));
  const seconds = (performance.now() - start) / 1000;
  return {
    name: spec.name,
    deliveredFrames: delivered,
    analysedFrames: analysed,
    ratio: delivered > 0 ? analysed / delivered : 0,
    deliveredFps: delivered / seconds,
    analysedFps: analysed / seconds,
    p95LatencyMs: p95(latencies),
    bodyFraction: analysed > 0 ? withBody / analysed : 0,
    bodyRuns,
  };
}

/** Starts the two live workers (MediaPipe, CPU) once for all variants. */
export async function startLiveWorkers(): Promise<{ face: WorkerLandmarker; pose: WorkerLandmarker }> {
  const [face, pose] = await Promise.all([WorkerLandmarker.start({ kind: 'face', maxPeople: 1 }), WorkerLandmarker.start({ kind: 'pose', poseModel: 'lite', maxPeople: 1 })]);
  return { face, pose };
}
