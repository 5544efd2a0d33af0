import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import type { FrameObservation } from '../../src/core/landmarks';
import type { NeutralSetting } from '../../src/core/pipeline/frame-to-sample';
import { parseTraceLine } from '../../tools/analyze/trace-format';
import { syntheticBody, syntheticFace, syntheticFrame } from '../../tools/synthetic/synthetic-subject';

/**
 * The frames `bench:core` runs the ExerciseTracker on (looped, restamped 30 fps on), with the
 * neutral each is run with.
 */
export interface TrackerPool {
  readonly stage: string;
  readonly frames: readonly FrameObservation[];
  readonly neutral: NeutralSetting;
  /** The target (≥ 100,000 frames per CPU second) is judged on these. */
  readonly judged: boolean;
}

export const FRAME_MS = 1000 / 30;
/** One synthetic movement cycle: 3 s of 60° turns left and right, 90 frames. */
export const CYCLE_FRAMES = 90;

/** Head yaw of frame k of the synthetic cycle: a left turn then a right turn (sinusoidal, ±60°). */
export function yawAt(k: number): number {
  return 60 * Math.sin((2 * Math.PI * (k % CYCLE_FRAMES)) / CYCLE_FRAMES);
}

/**
 * `npm run analyze -- --trace` of fixtures/clips/scan-series-a-turns.mp4 (MediaPipe, pose lite),
 * its first 4.2 s: still, a 45° turn left, one right, back still (fixtures/traces/README.md).
 */
const RECORDED_TRACE = new URL('../../fixtures/traces/scan-series-a-turns-first-two.trace.jsonl.br', import.meta.url);

/**
 * The trace's frames as structured clones: the live page's main thread gets its landmarks from the
 * landmarker workers by postMessage, which clones them so (V8 lays the objects out otherwise than
 * JSON.parse does: the tracker reads JSON.parse's measurably slower).
 */
function recordedFrames(): FrameObservation[] {
  const text = brotliDecompressSync(readFileSync(RECORDED_TRACE)).toString('utf8');
  const parsed = text.split('\n').filter((line) => line.length > 0).map(parseTraceLine).flatMap((line) => (line.type === 'observation' ? [line.observation] : []));
  return structuredClone(parsed);
}

/** The faces as TF.js gives them: no transformation matrix (the estimator fits the mesh itself). */
function withoutMatrix(frame: FrameObservation): FrameObservation {
  return { ...frame, faces: frame.faces.map((face) => ({ points: face.points, matrix: null })) };
}

/**
 * Synthetic faces and bodies (tools/synthetic/) turning ±60°: the head network reads the body as
 * turned about 60° whatever the turn, so the face is doubted and the network runs on most frames.
 */
function syntheticPool(withMatrix: boolean): FrameObservation[] {
  return Array.from({ length: CYCLE_FRAMES }, (_, k) => {
    const pose = { head: { yawDeg: yawAt(k), pitchDeg: 0, rollDeg: 0 } };
    return syntheticFrame(0, [syntheticFace(pose, { withMatrix })], [syntheticBody(pose)]);
  });
}

/** The recorded turns with and without the matrix (judged; the automatic neutral, as `analyze`), then the synthetic worst path. */
export function trackerPools(): TrackerPool[] {
  const recorded = recordedFrames();
  const zero = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
  return [
    { stage: 'tracker, recorded turns', frames: recorded, neutral: 'auto', judged: true },
    { stage: 'tracker, recorded turns, no matrix', frames: recorded.map(withoutMatrix), neutral: 'auto', judged: true },
    { stage: 'tracker, synthetic (body reads 60°)', frames: syntheticPool(true), neutral: zero, judged: false },
    { stage: 'the same, no matrix', frames: syntheticPool(false), neutral: zero, judged: false },
  ];
}
