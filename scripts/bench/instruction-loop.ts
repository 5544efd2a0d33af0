/**
 * `node --import tsx scripts/bench/instruction-loop.ts ROOT STAGE FRAMES`
 *
 * The child process of `npm run bench:core:instructions`: the ExerciseTracker of the checkout at
 * ROOT counting head turns on bench:core's tracker stage STAGE (scripts/bench/tracker-pools.ts of
 * that checkout), FRAMES frames, and nothing else: no clock, no output but one line of the engine's
 * event count. Under valgrind, with Node's `--predictable`, its instruction count repeats within 1 %.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameObservation } from '../../src/core/landmarks';
import type * as protocolModule from '../../src/core/protocol/protocol';
import type * as trackerModule from '../../src/core/tracking/exercise-tracker';
import type * as poolsModule from './tracker-pools';

const [root = '.', stageArg = '0', framesArg = '0'] = process.argv.slice(2);
const moduleOf = (file: string): string => pathToFileURL(path.resolve(root, file)).href;
const { ExerciseTracker } = (await import(moduleOf('src/core/tracking/exercise-tracker.ts'))) as typeof trackerModule;
const { getExercise } = (await import(moduleOf('src/core/protocol/protocol.ts'))) as typeof protocolModule;
const { trackerPools, FRAME_MS } = (await import(moduleOf('scripts/bench/tracker-pools.ts'))) as typeof poolsModule;

const pool = trackerPools()[Number(stageArg)];
if (pool === undefined) throw new Error(`no tracker stage ${stageArg}`);
const tracker = new ExerciseTracker({ neutral: pool.neutral });
tracker.startExercise(getExercise('head-turns'));
const frames = Math.max(0, Math.floor(Number(framesArg)));
let events = 0;
for (let k = 0; k < frames; k += 1) {
  events += tracker.step({ ...(pool.frames[k % pool.frames.length] as FrameObservation), tMs: k * FRAME_MS }).events.length;
}
process.stdout.write(`${pool.stage}: ${frames} frames, ${events} events\n`);
