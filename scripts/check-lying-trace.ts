/**
 * `npm run check:lying-trace -- TRACE.jsonl TRUTH.json`: a lying clip's landmarks (written by
 * `npm run analyze -- --trace`) against its ground truth, frame by frame: how many frames have a
 * body, on how many the hands are placed for supine-breathing (`supineHandsPlaced`) against the
 * frames whose truth has the hands on the torso, and the torso's and neck's rise (body-signals.ts,
 * each less its first second's median, as the counters' baselines) at the truth's largest. See
 * docs/clipgen.md.
 */
import { neckRiseDeg, torsoRiseDeg } from '../src/core/reps/body-signals';
import { supineHandsPlaced } from '../src/core/reps/placements';
import { median } from '../tools/clipgen/core/clip-scoring';
import { clipTraceFromArgs } from './analyze/clip-trace';

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : v.toFixed(1));

/** The reading at the frame where the truth's value is largest, less the median over the first second. */
function atTruthPeak(readings: readonly (number | null)[], truth: readonly number[], fps: number): { measured: number | null; truth: number } {
  const rest = median(readings.slice(0, fps).filter((r): r is number => r !== null));
  const truthRest = truth[0] ?? 0;
  let peak = 0;
  truth.forEach((v, i) => {
    if (v > (truth[peak] ?? -Infinity)) peak = i;
  });
  const at = readings[peak] ?? null;
  return { measured: at === null || rest === null ? null : at - rest, truth: (truth[peak] ?? 0) - truthRest };
}

function main(): number {
  const clip = clipTraceFromArgs('check:lying-trace', process.argv.slice(2));
  if (clip === null) return 2;
  const { truth, observations } = clip;
  let withBody = 0;
  let placed = 0;
  let placedWhenOn = 0;
  const handsOn = truth.frames.filter((f) => f.arms === 'hands-on-torso').length;
  const torso: (number | null)[] = [];
  const neck: (number | null)[] = [];
  observations.forEach((o, i) => {
    const pose = o.poses[0]?.landmarks;
    const aspect = o.imageWidth / o.imageHeight;
    torso.push(pose === undefined ? null : torsoRiseDeg(pose, aspect));
    neck.push(pose === undefined ? null : neckRiseDeg(pose, aspect));
    if (pose === undefined) return;
    withBody++;
    if (!supineHandsPlaced(pose, aspect).ok) return;
    placed++;
    if (truth.frames[i]?.arms === 'hands-on-torso') placedWhenOn++;
  });
  const lying = truth.frames.map((f) => f.lying);
  const t = atTruthPeak(torso, lying.map((l) => l?.torsoRiseDeg ?? 0), truth.fps);
  const n = atTruthPeak(neck, lying.map((l) => l?.neckRiseDeg ?? 0), truth.fps);
  process.stdout.write(
    `${truth.trajectoryId}: ${observations.length} frames, a body in ${withBody}; hands placed in ${placed} ` +
      `(${placedWhenOn} of the ${handsOn} with the hands on the torso); at the truth's largest: torso rise ${f1(t.measured)}° (truth ${f1(t.truth)}°), ` +
      `neck rise ${f1(n.measured)}° (truth ${f1(n.truth)}°)\n`,
  );
  return 0;
}

process.exit(main());
