import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../../src/core/landmarks';
import { getExercise } from '../../../src/core/protocol/protocol';
import { ExerciseTracker } from '../../../src/core/tracking/exercise-tracker';
import { FRAME_MS, trackerPools } from '../../../scripts/bench/tracker-pools';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LOOP = fileURLToPath(new URL('../../../scripts/bench/instruction-loop.ts', import.meta.url));

describe('the loop bench:core:instructions counts', () => {
  it("runs a checkout's tracker on a bench:core stage and gives the events the tracker gives in process", () => {
    const frames = 3 * 126;
    const run = spawnSync(process.execPath, ['--import', 'tsx', LOOP, ROOT, '1', String(frames)], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const pool = trackerPools()[1];
    if (pool === undefined) throw new Error('bench:core has no stage 1');
    const tracker = new ExerciseTracker({ neutral: pool.neutral });
    tracker.startExercise(getExercise('head-turns'));
    let events = 0;
    for (let k = 0; k < frames; k += 1) events += tracker.step({ ...(pool.frames[k % pool.frames.length] as FrameObservation), tMs: k * FRAME_MS }).events.length;
    expect(events).toBeGreaterThan(0);
    expect(run.stdout.trim()).toBe(`${pool.stage}: ${frames} frames, ${events} events`);
  }, 60_000);
});
