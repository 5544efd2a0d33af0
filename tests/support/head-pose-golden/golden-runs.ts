/**
 * The head-pose estimator's recorded outputs (fixtures/traces/head-pose-golden.json): recorded
 * bodies (the rendered scan's yaw sweep, two labelled clips' traces) with synthetic faces placed at
 * the scan's true angles (jittered, off the optical axis, with and without MediaPipe's matrix, lost
 * now and then), run frame by frame through a HeadPoseTracker. Recorded by
 * record-head-pose-golden.ts; compared with a tolerance by
 * tests/unit/core/head-pose/estimator-golden.test.ts, so that a faster kernel that changes the
 * arithmetic must still give the same angles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FaceEstimateOptions } from '../../../src/core/head-pose/from-face';
import type { HeadAngles, HeadPoseEstimate } from '../../../src/core/head-pose/head-angles';
import { HeadPoseTracker } from '../../../src/core/head-pose/head-pose-tracker';
import type { FaceObservation, FrameObservation } from '../../../src/core/landmarks';
import { gaussian, seededRandom } from '../../../tools/synthetic/seeded-random';
import { syntheticFace } from '../../../tools/synthetic/synthetic-subject';
import { parseSampleTrace } from '../traces/sample-trace';
import { readScanTrace } from '../traces/scan-trace';
import { packPoints, unpackPoints } from '../../../src/core/packed-points';

const TRACES = path.resolve(import.meta.dirname, '../../../fixtures/traces');
export const GOLDEN_FILE = path.join(TRACES, 'head-pose-golden.json');
const FRAME_MS = 1000 / 30;
/** Every frame runs; every STORE_EVERY-th is stored whole, the rest only in the per-run sums. */
export const STORE_EVERY = 5;

/** A synthetic face at the scan's true angles, jittered by ≈ 1 px and off the optical axis. */
function jitteredFace(k: number, truth: HeadAngles, withMatrix: boolean, random: () => number): FaceObservation {
  const position = { x: 9 * Math.sin(k / 40), y: 5 * Math.cos(k / 55), z: -60 - 8 * Math.sin(k / 90) };
  const face = syntheticFace({ head: truth, position }, { withMatrix });
  const landmarks = unpackPoints(face.points).map((l) => ({ x: l.x + 0.0015 * gaussian(random), y: l.y + 0.0015 * gaussian(random), z: l.z + 0.0015 * gaussian(random) }));
  return { points: packPoints(landmarks), matrix: face.matrix };
}

interface GoldenRunSpec {
  readonly name: string;
  readonly face?: Partial<FaceEstimateOptions>;
  readonly frames: () => FrameObservation[];
}

function scanFrames(faces: 'matrix' | 'landmarks' | 'none'): FrameObservation[] {
  const { width, height, frames } = readScanTrace();
  const random = seededRandom(16);
  return frames.map((f, k) => {
    // The face is lost for 6 frames in every 47 (the body and the hand-over carry them).
    const faceSeen = faces !== 'none' && k % 47 >= 6;
    const face = faceSeen ? [jitteredFace(k, f.truth, faces === 'matrix', random)] : [];
    return { tMs: k * FRAME_MS, imageWidth: width, imageHeight: height, faces: face, poses: f.pose ? [f.pose] : [] };
  });
}

function sampleTraceFrames(file: string): FrameObservation[] {
  const { header, samples } = parseSampleTrace(readFileSync(path.join(TRACES, file), 'utf8'));
  const height = 480;
  const width = Math.round(height * header.aspect);
  return samples.map((s) => ({ tMs: s.tMs, imageWidth: width, imageHeight: height, faces: [], poses: s.pose ? [{ landmarks: s.pose, worldLandmarks: null }] : [] }));
}

export const GOLDEN_RUNS: readonly GoldenRunSpec[] = [
  { name: 'scan, faces with matrix', frames: () => scanFrames('matrix') },
  { name: 'scan, faces without matrix', frames: () => scanFrames('landmarks') },
  { name: 'scan, blend, half ray correction', face: { method: 'blend', matrixRayCorrection: 0.5 }, frames: () => scanFrames('matrix') },
  { name: 'scan, landmark fit with a matrix given', face: { method: 'landmarks' }, frames: () => scanFrames('matrix') },
  { name: 'scan, body only', frames: () => scanFrames('none') },
  { name: 'head_turning trace, body only', frames: () => sampleTraceFrames('head_turning.samples.jsonl') },
  { name: 'head_nodding trace, body only', frames: () => sampleTraceFrames('head_nodding.samples.jsonl') },
];

/** The numbers compared per frame, null where the estimate has none. */
export const GOLDEN_FIELDS = ['headYaw', 'headPitch', 'headRoll', 'neckYaw', 'neckPitch', 'neckRoll', 'trunkYaw', 'trunkRoll', 'confidence', 'faceConfidence', 'bodyConfidence'] as const;

export function goldenRow(e: HeadPoseEstimate): (number | null)[] {
  return [
    e.head?.yawDeg ?? null, e.head?.pitchDeg ?? null, e.head?.rollDeg ?? null,
    e.neck?.yawDeg ?? null, e.neck?.pitchDeg ?? null, e.neck?.rollDeg ?? null,
    e.trunk?.yawDeg ?? null, e.trunk?.rollDeg ?? null,
    e.confidence, e.faceConfidence, e.bodyConfidence,
  ];
}

export interface GoldenRun {
  readonly name: string;
  readonly frames: number;
  /** Per field: the sum over every frame where it is not null, and how many those are. */
  readonly sums: readonly number[];
  readonly counts: readonly number[];
  readonly sources: string;
  /** Every STORE_EVERY-th frame's row. */
  readonly rows: readonly (readonly (number | null)[])[];
}

/** Runs one spec through a fresh tracker. */
export function runGolden(spec: GoldenRunSpec): GoldenRun {
  const tracker = new HeadPoseTracker(spec.face ? { face: spec.face } : {});
  const frames = spec.frames();
  const sums = GOLDEN_FIELDS.map(() => 0);
  const counts = GOLDEN_FIELDS.map(() => 0);
  const rows: (number | null)[][] = [];
  let sources = '';
  frames.forEach((frame, k) => {
    const estimate = tracker.update(frame);
    const row = goldenRow(estimate);
    row.forEach((value, i) => {
      if (value === null) return;
      sums[i] = (sums[i] ?? 0) + value;
      counts[i] = (counts[i] ?? 0) + 1;
    });
    sources += estimate.source[0] ?? '?';
    if (k % STORE_EVERY === 0) rows.push(row);
  });
  return { name: spec.name, frames: frames.length, sums, counts, sources, rows };
}
