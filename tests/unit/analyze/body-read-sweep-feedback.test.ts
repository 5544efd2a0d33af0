import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCoreFileRunner, headPoseFor } from '../../../scripts/analyze/core-runner';
import { getExercise } from '../../../src/core/protocol/protocol';
import { buildGroundTruth } from '../../../tools/clipgen/core/ground-truth';
import { readTrajectoryFile } from '../../../tools/clipgen/node/write-clip';
import { parseTraceLine } from '../../../tools/analyze/trace-format';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** fixtures/traces/README.md: the lite analysis of the rendered sweep 0 → +90 → 0 → −90 → 0 at 1.8 m. */
const TRACE = path.join(ROOT, 'fixtures/traces/scan-yaw-sweep-far-1.8m.lite.trace.jsonl.br');
const TRAJECTORY = path.join(ROOT, 'fixtures/trajectories/range/scan-yaw-sweep-far-1.8m.json');

/**
 * A clean minimum-jerk sweep, scripted at 112°/s, whose far half the body reads (the face is lost
 * or faded past 45°): analyze's chain must count both turns and tell nothing but "good". Its return
 * strokes read 154°/s ("too fast", limit 150) while a rep's speed was measured after the tracker's
 * smoothing, which delays the body-read start of a return and not its face-read end.
 */
describe('analyze on a recorded body-read sweep to ±90° (MediaPipe, pose lite)', () => {
  const observations = brotliDecompressSync(readFileSync(TRACE))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map(parseTraceLine)
    .flatMap((line) => (line.type === 'observation' ? [line.observation] : []));
  const truth = buildGroundTruth(readTrajectoryFile(TRAJECTORY).trajectory);

  it('counts both turns and tells them nothing but good, their speeds near the script', () => {
    const runner = createCoreFileRunner('video', getExercise('head-turns'), headPoseFor('mediapipe'));
    for (const observation of observations) runner.frame(observation);
    const result = runner.finish();
    expect(observations).toHaveLength(truth.frameCount);
    expect(result?.reps.map((rep) => [rep.side, rep.complete])).toEqual(truth.reps.map((rep) => [rep.side, true]));
    expect(result?.feedback.flat()).toEqual([]);
    result?.reps.forEach((rep, k) => {
      const scripted = truth.reps[k]?.peakSpeedDegPerS ?? NaN;
      expect(Math.abs(rep.peakVelDegS - scripted) / scripted).toBeLessThan(0.25);
    });
  });
});
