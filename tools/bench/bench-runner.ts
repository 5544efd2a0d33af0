import { HeadPoseEstimator } from '../../src/core/head-pose/estimate-head-pose';
import type { FrameObservation } from '../../src/core/landmarks';
import { createLandmarker, type VideoLandmarker } from '../../src/vision/landmarkers';
import type { LandmarkerDetection } from '../../src/vision/to-observation';
import { downscaled, type BenchFrame } from './bench-frames';
import { COMPARED_POSE_POINTS, type LandmarkerBenchResult, type LandmarkerBenchSpec } from './bench-spec';

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export async function createBenchLandmarker(spec: LandmarkerBenchSpec): Promise<VideoLandmarker> {
  if (spec.backend === 'tfjs') {
    // Dynamic, as in the app (backend-probe.ts): TF.js stays out of the chunks that do not need it.
    const { createTfjsLandmarker } = await import('../../src/vision/tfjs/tfjs-landmarker');
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

interface Prepared {
  readonly spec: LandmarkerBenchSpec;
  readonly frames: readonly BenchFrame[];
  readonly landmarker: VideoLandmarker;
  readonly initMs: number;
  readonly everyK: number;
  /** Each frame read on its own (no tracking), on one estimator's workspaces. */
  readonly estimator: HeadPoseEstimator;
  readonly times: number[];
  readonly angles: (readonly [number, number, number] | null)[];
  readonly keyPoints: (readonly number[] | null)[];
  last: LandmarkerDetection | null;
  found: number;
}

async function prepare(allFrames: readonly BenchFrame[], spec: LandmarkerBenchSpec): Promise<Prepared> {
  const frames = await downscaled(allFrames.slice(0, spec.frames), spec.scale ?? 1);
  const initStart = performance.now();
  const landmarker = await createBenchLandmarker(spec);
  const initMs = performance.now() - initStart;
  // Warm-up on the first frame (graph set-up, XNNPACK packing), not timed; then a new stream
  // (the guard shifts its clock after the warm-up frame).
  const first = frames[0];
  if (first) landmarker.detect(first.image, first.tMs);
  landmarker.beginStream();
  return { spec, frames, landmarker, initMs, everyK: Math.max(1, spec.everyK ?? 1), estimator: new HeadPoseEstimator(), times: [], angles: [], keyPoints: [], last: null, found: 0 };
}

function step(p: Prepared, i: number, width: number, height: number): void {
  const frame = p.frames[i];
  if (!frame) return;
  if (i % p.everyK === 0) {
    const started = performance.now();
    p.last = p.landmarker.detect(frame.image, frame.tMs);
    p.times.push(performance.now() - started);
  }
  // Angles and points in the full frame's pixels, whatever the input scale (landmarks are normalised).
  const observation = observationOf(p.last, width, height, frame.tMs);
  const present = observation.faces.length + observation.poses.length > 0;
  if (present) p.found += 1;
  const head = present ? p.estimator.estimate(observation).head : null;
  p.angles.push(head ? [head.yawDeg, head.pitchDeg, head.rollDeg] : null);
  const pose = observation.poses[0];
  p.keyPoints.push(pose ? COMPARED_POSE_POINTS.flatMap((k) => [(pose.landmarks[k]?.x ?? Number.NaN) * width, (pose.landmarks[k]?.y ?? Number.NaN) * height]) : null);
}

function resultOf(p: Prepared): LandmarkerBenchResult {
  const total = p.times.reduce((a, b) => a + b, 0);
  return {
    spec: p.spec,
    initMs: p.initMs,
    medianMs: quantile(p.times, 0.5),
    p95Ms: quantile(p.times, 0.95),
    msPerFrame: total / Math.max(1, p.frames.length),
    framesRun: p.times.length,
    framesFound: p.found,
    angles: p.angles,
    keyPoints: p.keyPoints,
  };
}

/**
 * Times several landmarkers over the same frames, INTERLEAVED: frame i goes through every
 * landmarker (in an order that rotates with i) before frame i + 1, so that the load of a shared
 * machine weighs on all of them alike and their ratios hold within the run. Main thread, VIDEO
 * mode, synchronous detect (the time is the landmarker's alone). A spec whose landmarker fails to
 * start gives an `error` instead of figures.
 */
export async function runLandmarkerBenchSet(allFrames: readonly BenchFrame[], specs: readonly LandmarkerBenchSpec[]): Promise<(LandmarkerBenchResult | { readonly spec: LandmarkerBenchSpec; readonly error: string })[]> {
  const width = allFrames[0]?.image.width ?? 0;
  const height = allFrames[0]?.image.height ?? 0;
  const prepared: (Prepared | { spec: LandmarkerBenchSpec; error: string })[] = [];
  for (const spec of specs) {
    try {
      prepared.push(await prepare(allFrames, spec));
    } catch (error) {
      prepared.push({ spec, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const running = prepared.filter((p): p is Prepared => 'landmarker' in p);
  try {
    const count = Math.max(0, ...running.map((p) => p.frames.length));
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < running.length; j++) step(running[(i + j) % running.length] as Prepared, i, width, height);
    }
  } finally {
    for (const p of running) {
      p.landmarker.close();
      if (p.spec.scale !== undefined && p.spec.scale !== 1) for (const f of p.frames) f.image.close();
    }
  }
  return prepared.map((p) => ('landmarker' in p ? resultOf(p) : p));
}
