/**
 * `npm run check:prone-trace -- TRACE.jsonl TRUTH.json`: a face-down clip's landmarks (written by
 * `npm run analyze -- --trace`, on the clip or on it turned so the head is up) against its truth's
 * head turn (`lying.headTurnDeg`), grouped by the turn toward the camera's side (`camera.side`, the
 * left by default): how many frames have a body and a face, and the far ear's drop below the near
 * one in % of the near shoulder–ear distance (scripts/prone/side-reading.ts). Last, how many turns a
 * counter with no neutral would count: rises of the drop (a 5-frame running median, 0 where there is
 * no body) to each of COUNT_THRESHOLDS for 2 frames or more. The face, where the face landmarker
 * finds it: its yaw relative to the camera (the app's face reading), and the turns counted where it
 * comes within each of FACE_THRESHOLDS of facing the camera for FACE_FRAMES frames or more. See
 * docs/clipgen.md (face down).
 */
import { HeadPoseEstimator } from '../src/core/head-pose/estimate-head-pose';
import { clipTraceFromArgs } from './analyze/clip-trace';
import { countRises, farEarDrop, quarterTurnOf, runningMedian, type CameraSide } from './prone/side-reading';

/** Turn bins, degrees of the truth's head turn toward the camera. */
const BINS = [
  { name: 'toward ≥ 60', test: (t: number): boolean => t >= 60 },
  { name: 'toward 40–60', test: (t: number): boolean => t >= 40 && t < 60 },
  { name: 'toward 20–40', test: (t: number): boolean => t >= 20 && t < 40 },
  { name: 'toward 5–20', test: (t: number): boolean => t >= 5 && t < 20 },
  { name: 'face down |t| < 5', test: (t: number): boolean => Math.abs(t) < 5 },
  { name: 'away ≥ 20', test: (t: number): boolean => t <= -20 },
] as const;

const COUNT_THRESHOLDS = [30, 35, 40, 45] as const;
/** A turn is counted where the face's yaw to the camera is within this many degrees… */
const FACE_THRESHOLDS = [30, 35, 40] as const;
/** …for this many frames in a row (at 15 fps, 270 ms). */
const FACE_FRAMES = 4;

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
  const first = observations[0];
  if (first === undefined) throw new Error('the trace has no frames');
  const side: CameraSide = truth.scanView?.camera.side ?? 'left';
  const turn = quarterTurnOf(side, first.imageWidth, first.imageHeight, truth.width, truth.height);
  const toward = side === 'left' ? 1 : -1;
  const withBody = observations.filter((o) => o.poses.length > 0).length;
  const withFace = observations.filter((o) => o.faces.length > 0).length;
  process.stdout.write(`${truth.trajectoryId}: camera at the ${side}, frame turned ${turn}; ${observations.length} frames, a body in ${withBody}, a face in ${withFace}\n`);
  const estimator = new HeadPoseEstimator();
  const faceYaws = observations.map((o) => estimator.parts(o).face?.angles.yawDeg ?? null);
  process.stdout.write('| turn (truth) | frames | with a body | with a face | far ear drop % | face yaw to the camera ° |\n|---|---|---|---|---|---|\n');
  for (const bin of BINS) {
    const inBin = (i: number): boolean => bin.test(toward * (truth.frames[i]?.lying?.headTurnDeg ?? Number.NaN));
    const frames = observations.filter((_, i) => inBin(i));
    const yaws = faceYaws.flatMap((yaw, i) => (yaw !== null && inBin(i) ? [Math.abs(yaw)] : []));
    const drops = frames.flatMap((o) => {
      const pose = o.poses[0]?.landmarks;
      const drop = pose === undefined ? null : farEarDrop(pose, side, turn, truth.width, truth.height);
      return drop === null ? [] : [drop];
    });
    const bodies = frames.filter((o) => o.poses.length > 0).length;
    const faces = frames.filter((o) => o.faces.length > 0).length;
    process.stdout.write(`| ${bin.name} | ${frames.length} | ${bodies} | ${faces} | ${meanSd(drops)} | ${meanSd(yaws)} |\n`);
  }
  const drops = runningMedian(
    observations.map((o) => {
      const pose = o.poses[0]?.landmarks;
      return (pose === undefined ? null : farEarDrop(pose, side, turn, truth.width, truth.height)) ?? 0;
    }),
    5,
  );
  const counts = COUNT_THRESHOLDS.map((t) => `${t} %: ${countRises(drops, t, 2)}`).join(', ');
  process.stdout.write(`turns counted by the drop (expected ${truth.expectedCount.total}): ${counts}\n`);
  // How far the face has turned from its profile toward the camera: 90 − |yaw|, 0 where no face is found.
  const facing = faceYaws.map((yaw) => (yaw === null ? 0 : 90 - Math.abs(yaw)));
  const faceCounts = FACE_THRESHOLDS.map((t) => `${t}°: ${countRises(facing, 90 - t, FACE_FRAMES)}`).join(', ');
  process.stdout.write(`turns counted by the face within … of facing the camera for ${FACE_FRAMES} frames (expected ${truth.expectedCount.total}): ${faceCounts}\n`);
  return 0;
}

process.exit(main());
