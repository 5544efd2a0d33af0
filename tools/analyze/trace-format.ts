import type { FaceObservation, FrameObservation, Landmark, PoseObservation } from '../../src/core/landmarks';
import type { LandmarkerBackend } from '../../src/vision/landmarkers';
import { packPoints, unpackPoints } from '../../src/core/packed-points';

/**
 * `npm run analyze -- --trace OUT.jsonl` writes, per file, one `file` line then one `observation`
 * line per frame: the landmarkers' raw output (numbers only, never pixels), so the pure core can
 * be replayed in Node without a browser. The analyzer itself runs the core on exactly these
 * rounded observations, so a replay reproduces its output.
 */
export interface TraceFileLine {
  readonly type: 'file';
  readonly file: string;
  readonly kind: 'image' | 'video';
  readonly width: number;
  readonly height: number;
  /** The landmarkers that made the observations; absent in traces recorded before TF.js could analyse (MediaPipe). */
  readonly backend?: LandmarkerBackend;
}

export interface TraceObservationLine {
  readonly type: 'observation';
  readonly file: string;
  readonly observation: FrameObservation;
}

export type TraceLine = TraceFileLine | TraceObservationLine;

/** 1e-5 of the image size (0.006 px at 640 px) for landmarks, 1e-6 for the matrix: below model noise. */
const LANDMARK_DECIMALS = 5;
const MATRIX_DECIMALS = 6;

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}

function roundLandmark(landmark: Landmark): Landmark {
  const x = round(landmark.x, LANDMARK_DECIMALS);
  const y = round(landmark.y, LANDMARK_DECIMALS);
  const z = round(landmark.z, LANDMARK_DECIMALS);
  return landmark.visibility === undefined
    ? { x, y, z }
    : { x, y, z, visibility: round(landmark.visibility, LANDMARK_DECIMALS) };
}

/** A face's points rounded as the trace stores them, still packed (float32 of the rounded decimals). */
function roundFace(face: FaceObservation): FaceObservation {
  return {
    points: face.points.map((v) => round(v, LANDMARK_DECIMALS)),
    matrix: face.matrix ? face.matrix.map((v) => round(v, MATRIX_DECIMALS)) : null,
  };
}

/** A face as a trace line holds it: the points as {x, y, z} objects (readable, and the format of every trace recorded). */
interface TraceFace {
  readonly landmarks: readonly Landmark[];
  readonly matrix: readonly number[] | null;
}

function faceToTrace(face: FaceObservation): TraceFace {
  // Rounded again from float32: the decimals the analyzer rounded to, not float32's long tails.
  return { landmarks: unpackPoints(face.points).map(roundLandmark), matrix: face.matrix };
}

function faceFromTrace(face: unknown): FaceObservation {
  if (!isRecord(face) || !Array.isArray(face.landmarks)) throw new Error('a trace face without landmarks');
  const matrix = face.matrix === null || Array.isArray(face.matrix) ? (face.matrix as readonly number[] | null) : null;
  return { points: packPoints(face.landmarks as Landmark[]), matrix };
}

function roundPose(pose: PoseObservation): PoseObservation {
  return {
    landmarks: pose.landmarks.map(roundLandmark),
    worldLandmarks: pose.worldLandmarks ? pose.worldLandmarks.map(roundLandmark) : null,
  };
}

/** The observation as the trace stores it (and as the analyzer's core sees it). */
export function traceRounded(observation: FrameObservation): FrameObservation {
  return {
    tMs: observation.tMs,
    imageWidth: observation.imageWidth,
    imageHeight: observation.imageHeight,
    faces: observation.faces.map(roundFace),
    poses: observation.poses.map(roundPose),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** One trace line as the analyzer writes it (a JSON line without its newline). */
export function traceLineText(line: TraceLine): string {
  if (line.type === 'file') return JSON.stringify(line);
  const { observation } = line;
  return JSON.stringify({ ...line, observation: { ...observation, faces: observation.faces.map(faceToTrace) } });
}

/** Parses one trace line; throws with the reason when it is not one. */
export function parseTraceLine(text: string): TraceLine {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || typeof value.file !== 'string') throw new Error('not a trace line');
  if (value.type === 'file') {
    if (value.backend !== undefined && value.backend !== 'mediapipe' && value.backend !== 'tfjs') throw new Error(`unknown backend ${String(value.backend)}`);
    return value as unknown as TraceFileLine;
  }
  if (value.type === 'observation' && isRecord(value.observation) && typeof value.observation.tMs === 'number' && Array.isArray(value.observation.faces)) {
    const observation = { ...value.observation, faces: value.observation.faces.map(faceFromTrace) } as unknown as FrameObservation;
    return { type: 'observation', file: value.file, observation };
  }
  throw new Error(`unknown trace line type ${String(value.type)}`);
}

/** The backend of a trace's file line (MediaPipe for traces that do not say). */
export function traceBackend(line: TraceFileLine): LandmarkerBackend {
  return line.backend ?? 'mediapipe';
}

/** Groups a whole trace by file, frames in order. */
export function traceObservationsByFile(lines: readonly TraceLine[]): Map<string, FrameObservation[]> {
  const byFile = new Map<string, FrameObservation[]>();
  for (const line of lines) {
    const list = byFile.get(line.file) ?? [];
    if (line.type === 'observation') list.push(line.observation);
    byFile.set(line.file, list);
  }
  return byFile;
}
