/**
 * `npm run check:prone-trace -- TRACE.jsonl TRUTH.json`: a face-down clip's landmarks (written by
 * `npm run analyze -- --trace`) against its truth's head turn (`lying.headTurnDeg`), grouped by the
 * turn: how many frames have a body, and two readings a side camera could count the turn by, each
 * in % of the near shoulder–ear distance in the image: `earDrop` (the right ear below the left:
 * > 0 when the face turns to the subject's left, the right ear toward the floor) and `noseDrop`
 * (the nose below the ears' midpoint: largest face down, smaller at either ear on the floor). See
 * docs/clipgen.md (face down).
 */
import type { Landmark } from '../src/core/landmarks';
import { POSE } from '../src/core/pose-indices';
import { clipTraceFromArgs } from './analyze/clip-trace';

/** Turn bins, degrees of the truth's head turn (> 0 = the face to the subject's left). */
const BINS = [
  { name: 'left ≥ 60', test: (t: number): boolean => t >= 60 },
  { name: 'left 20–60', test: (t: number): boolean => t >= 20 && t < 60 },
  { name: 'face down |t| < 5', test: (t: number): boolean => Math.abs(t) < 5 },
  { name: 'right 20–60', test: (t: number): boolean => t <= -20 && t > -60 },
  { name: 'right ≥ 60', test: (t: number): boolean => t <= -60 },
] as const;

interface Reading {
  readonly earDrop: number;
  readonly noseDrop: number;
}

function reading(pose: readonly Landmark[], width: number, height: number): Reading | null {
  const at = (i: number): { x: number; y: number } | null => {
    const p = pose[i];
    return p === undefined ? null : { x: p.x * width, y: p.y * height };
  };
  const nose = at(POSE.nose);
  const left = at(POSE.leftEar);
  const right = at(POSE.rightEar);
  const shoulder = at(POSE.leftShoulder);
  if (nose === null || left === null || right === null || shoulder === null) return null;
  const scale = Math.hypot(shoulder.x - left.x, shoulder.y - left.y);
  if (scale < 1) return null;
  return { earDrop: ((right.y - left.y) / scale) * 100, noseDrop: ((nose.y - (left.y + right.y) / 2) / scale) * 100 };
}

const meanSd = (values: readonly number[]): string => {
  if (values.length === 0) return 'n/a';
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return `${mean.toFixed(1)} ± ${sd.toFixed(1)}`;
};

function main(): number {
  const clip = clipTraceFromArgs('check:prone-trace', process.argv.slice(2));
  if (clip === null) return 2;
  const { truth, observations } = clip;
  const withBody = observations.filter((o) => o.poses.length > 0).length;
  process.stdout.write(`${truth.trajectoryId}: ${observations.length} frames, a body in ${withBody}, a face in ${observations.filter((o) => o.faces.length > 0).length}\n`);
  process.stdout.write('| turn (truth) | frames | with a body | earDrop % | noseDrop % |\n|---|---|---|---|---|\n');
  for (const bin of BINS) {
    const frames = observations.filter((_, i) => bin.test(truth.frames[i]?.lying?.headTurnDeg ?? Number.NaN));
    const readings = frames.flatMap((o) => {
      const pose = o.poses[0]?.landmarks;
      const r = pose === undefined ? null : reading(pose, o.imageWidth, o.imageHeight);
      return r === null ? [] : [r];
    });
    const bodies = frames.filter((o) => o.poses.length > 0).length;
    process.stdout.write(`| ${bin.name} | ${frames.length} | ${bodies} | ${meanSd(readings.map((r) => r.earDrop))} | ${meanSd(readings.map((r) => r.noseDrop))} |\n`);
  }
  return 0;
}

process.exit(main());
