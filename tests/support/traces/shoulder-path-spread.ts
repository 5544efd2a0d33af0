/**
 * How noisy a shoulder circle's path is on recorded samples (`shoulderCirclePath`, % of the head's
 * breadth): the frame-to-frame spread (sd) of x (forward) and y (up) while at rest before 1.2 s,
 * the path's range over the circles (1.8–10.6 s, the shoulder-circles trajectories' timing), and
 * how far the engine's loops turned: for each rep, how far its loop had turned the frame before
 * (`~`: not counted; a loop counts on the frame it crosses 360°, or when it is given up past
 * closeAtDeg), and the most any loop turned:
 *   npm run analyze -- [--backend tfjs] --exercise shoulder-circles --trace T.jsonl CLIP.mp4…
 *   npx tsx tests/support/traces/record-sample-traces.ts --out DIR T.jsonl
 *   npx tsx tests/support/traces/shoulder-path-spread.ts DIR/shoulder-circles*.samples.jsonl
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shoulderCirclePath } from '../../../src/core/reps/body-signals';
import type { LoopState, PathPoint } from '../../../src/core/reps/loop-counter';
import { createEngineForExercise } from '../../../src/core/reps/run-engine';
import type { ExerciseSample } from '../../../src/core/reps/exercise-sample';
import { parseSampleTrace } from './sample-trace';

const REST_BEFORE_MS = 1200;
const CIRCLES_MS = [1800, 10_600] as const;

function sd(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

const steps = (points: readonly PathPoint[], axis: 'x' | 'y'): number[] => points.slice(1).map((p, i) => p[axis] - (points[i]?.[axis] ?? p[axis]));
const spanOf = (points: readonly PathPoint[], axis: 'x' | 'y'): number => Math.max(...points.map((p) => p[axis])) - Math.min(...points.map((p) => p[axis]));

const turnedDeg = (loop: LoopState): number => Math.max(loop.highDeg - loop.windingDeg, loop.windingDeg - loop.lowDeg, loop.highDeg - loop.lowDeg);

/** For each rep, its loop's turn the frame before (`~` not counted); the most any loop turned. */
function loopTurns(samples: readonly ExerciseSample[]): { reps: string[]; mostDeg: number } {
  const engine = createEngineForExercise('shoulder-circles');
  let state = engine.initial;
  let before = 0;
  let mostDeg = 0;
  const reps: string[] = [];
  for (const sample of samples) {
    const step = engine.step(state, sample);
    state = step.state;
    for (const e of step.events) if (e.type === 'rep') reps.push(`${Math.round(before)}${e.complete ? '' : '~'}`);
    const loop = state.counter.kind === 'loop' ? state.counter : null;
    before = loop === null ? 0 : turnedDeg(loop);
    mostDeg = Math.max(mostDeg, before);
  }
  return { reps, mostDeg };
}

for (const file of process.argv.slice(2)) {
  const { samples } = parseSampleTrace(readFileSync(file, 'utf8'));
  const timed = samples.flatMap((s) => {
    const point = s.pose === null ? null : shoulderCirclePath(s.pose, s.imageAspect ?? 4 / 3);
    return point === null ? [] : [{ tMs: s.tMs, point }];
  });
  const rest = timed.filter((p) => p.tMs < REST_BEFORE_MS).map((p) => p.point);
  const circles = timed.filter((p) => p.tMs >= CIRCLES_MS[0] && p.tMs <= CIRCLES_MS[1]).map((p) => p.point);
  const turns = loopTurns(samples);
  process.stdout.write(
    `${path.basename(file)}: at rest frame to frame sd x ${sd(steps(rest, 'x')).toFixed(1)} y ${sd(steps(rest, 'y')).toFixed(1)}; over the circles x ${spanOf(circles, 'x').toFixed(0)} y ${spanOf(circles, 'y').toFixed(0)}; loops turned the frame before each rep [${turns.reps.join(' ')}]°, at most ${turns.mostDeg.toFixed(0)}°\n`,
  );
}
