import { estimateHeadPose } from '../core/head-pose/estimate-head-pose';
import type { FrameObservation } from '../core/landmarks';
import { createLandmarker, type VideoLandmarker } from '../vision/landmarkers';
import type { LandmarkerDetection } from '../vision/to-observation';
import { downscaled, type BenchFrame } from './bench-frames';
import { COMPARED_POSE_POINTS, type LandmarkerBenchResult, type LandmarkerBenchSpec } from './bench-spec';

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export async function createBenchLandmarker(spec: LandmarkerBenchSpec): Promise<VideoLandmarker> {
  if (spec.backend === 'tfjs') {
    // Dynamic, as in the app (backend-probe.ts): TF.js stays out of the chunks that do not need it.
    const { createTfjsLandmarker } = await import('../vision/tfjs/tfjs-landmarker');
    return createTfjsLandmarker({ kind: spec.kind });
  }
  return createLandmarker({ kind: spec.kind, poseModel: spec.poseModel, maxPeople: 1 });
}

function observationOf(detection: LandmarkerDetection | null, width: number, height: number, tMs: number): FrameObservation {
  return {
    tMs,
    imageWidth: width,
    imageHeight: height,
    faces: detection?.kind === 'face' ? detection.faces : [],
    poses: detection?.kind === 'pose' ? detection.poses : [],
  };
}

/**
 * Times one landmarker over the frames (main thread, VIDEO mode, synchronous detect: the time is
 * the landmarker's alone), and keeps per-frame angles and key points for accuracy comparisons.
 */
export async function runLandmarkerBench(allFrames: readonly BenchFrame[], spec: LandmarkerBenchSpec): Promise<LandmarkerBenchResult> {
  const frames = await downscaled(allFrames.slice(0, spec.frames), spec.scale ?? 1);
  const everyK = Math.max(1, spec.everyK ?? 1);
  const initStart = performance.now();
  const landmarker = await createBenchLandmarker(spec);
  const initMs = performance.now() - initStart;
  const times: number[] = [];
  const angles: (readonly [number, number, number] | null)[] = [];
  const keyPoints: (readonly number[] | null)[] = [];
  let last: LandmarkerDetection | null = null;
  let found = 0;
  try {
    // Warm-up on the first frame (graph set-up, XNNPACK packing), not timed; then a new stream
    // (the guard shifts its clock after the warm-up frame).
    const first = frames[0];
    if (first) landmarker.detect(first.image, first.tMs);
    landmarker.beginStream();
    for (const [i, frame] of frames.entries()) {
      if (i % everyK === 0) {
        const started = performance.now();
        last = landmarker.detect(frame.image, frame.tMs);
        times.push(performance.now() - started);
      }
      const observation = observationOf(last, allFrames[0]?.image.width ?? frame.image.width, allFrames[0]?.image.height ?? frame.image.height, frame.tMs);
      const present = observation.faces.length + observation.poses.length > 0;
      if (present) found += 1;
      const head = present ? estimateHeadPose(observation).head : null;
      angles.push(head ? [head.yawDeg, head.pitchDeg, head.rollDeg] : null);
      const pose = observation.poses[0];
      keyPoints.push(pose ? COMPARED_POSE_POINTS.flatMap((k) => [(pose.landmarks[k]?.x ?? Number.NaN) * observation.imageWidth, (pose.landmarks[k]?.y ?? Number.NaN) * observation.imageHeight]) : null);
    }
  } finally {
    landmarker.close();
    if (spec.scale !== undefined && spec.scale !== 1) for (const f of frames) f.image.close();
  }
  const total = times.reduce((a, b) => a + b, 0);
  return {
    spec,
    initMs,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    msPerFrame: total / frames.length,
    framesRun: times.length,
    framesFound: found,
    angles,
    keyPoints,
  };
}
