import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { Landmark } from '../../../src/core/landmarks';
import type { ExerciseSample } from '../../../src/core/reps/exercise-sample';

/**
 * A recorded clip as the exercise engine sees it: one JSON line per frame with the
 * FrameProcessor's ExerciseSample, numbers only (no pixels, no face mesh):
 *   {"t":ms,"p":present,"c":confidence,"a":[yaw,pitch,roll]|null,"v":[...]|null,"b":[[x,y,z,vis]×33]|null}
 * and, face down, "f": the face's turn toward the floor camera (ExerciseSample.towardCameraDeg)
 * plus a first line {"clip":name,"aspect":w/h,"frames":n,"source":...}.
 */
export interface SampleTraceHeader {
  readonly clip: string;
  readonly aspect: number;
  readonly frames: number;
  readonly source: string;
}

interface SampleLine {
  readonly t: number;
  readonly p: boolean;
  readonly c: number;
  readonly a: readonly number[] | null;
  readonly v: readonly number[] | null;
  readonly b: readonly (readonly number[])[] | null;
  readonly f?: number;
}

const ANGLE_DECIMALS = 3;
/** 1e-4 of the image (0.06 px at 640 px): far below landmark noise. */
const LANDMARK_DECIMALS = 4;

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

function anglesToArray(a: HeadAngles | null): number[] | null {
  return a === null ? null : [a.yawDeg, a.pitchDeg, a.rollDeg].map((x) => round(x, ANGLE_DECIMALS));
}

function arrayToAngles(a: readonly number[] | null): HeadAngles | null {
  if (a === null || a.length !== 3) return null;
  return { yawDeg: a[0] ?? Number.NaN, pitchDeg: a[1] ?? Number.NaN, rollDeg: a[2] ?? Number.NaN };
}

export function encodeSample(sample: ExerciseSample): string {
  const line: SampleLine = {
    t: round(sample.tMs, 3),
    p: sample.present,
    c: round(sample.confidence, 3),
    a: anglesToArray(sample.angles),
    v: anglesToArray(sample.velocity),
    b: sample.pose === null ? null : sample.pose.map((l) => [round(l.x, LANDMARK_DECIMALS), round(l.y, LANDMARK_DECIMALS), round(l.z, LANDMARK_DECIMALS), round(l.visibility ?? 1, 3)]),
    ...(sample.towardCameraDeg === undefined ? {} : { f: round(sample.towardCameraDeg, ANGLE_DECIMALS) }),
  };
  return JSON.stringify(line);
}

export function decodeSample(text: string, aspect: number): ExerciseSample {
  const line = JSON.parse(text) as SampleLine;
  const pose: Landmark[] | null = line.b === null ? null : line.b.map(([x = 0, y = 0, z = 0, visibility = 0]) => ({ x, y, z, visibility }));
  const sample: ExerciseSample = { tMs: line.t, present: line.p, confidence: line.c, angles: arrayToAngles(line.a), velocity: arrayToAngles(line.v), pose, imageAspect: aspect };
  return line.f === undefined ? sample : { ...sample, towardCameraDeg: line.f };
}

export function parseSampleTrace(text: string): { header: SampleTraceHeader; samples: ExerciseSample[] } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as SampleTraceHeader;
  return { header, samples: lines.slice(1).map((l) => decodeSample(l, header.aspect)) };
}
