/**
 * `npm run bench:core:ab -- --base DIR [--chunks 16]`
 *
 * This build's ExerciseTracker against another checkout's (DIR: a worktree of the build before,
 * with its node_modules), in one Node process on the same frames (bench:core's tracker stages,
 * scripts/bench/tracker-pools.ts): after one untimed chunk each, the two take turns on chunks of
 * 10,000 frames in alternating order, so that the load of a shared machine weighs on both alike.
 * Each build runs on the frames its own tracker-pools.ts makes of the same recorded trace (the
 * observation's shape may differ between builds: e.g. the face's points packed or as objects).
 * Prints per stage each build's frames per CPU second (the process's, summed over its chunks),
 * base / this, and the engine events each gave. Figures, not a test. The LAST line is one JSON object.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameObservation } from '../src/core/landmarks';
import type { NeutralSetting } from '../src/core/pipeline/frame-to-sample';
import * as protocolModule from '../src/core/protocol/protocol';
import * as trackerModule from '../src/core/tracking/exercise-tracker';
import * as poolsModule from './bench/tracker-pools';
import { FRAME_MS } from './bench/tracker-pools';
import { argValue } from './bench/arg-value';

const CHUNK_FRAMES = 10_000;

interface Build {
  readonly name: string;
  readonly tracker: typeof trackerModule;
  readonly protocol: typeof protocolModule;
  readonly pools: typeof poolsModule;
}

/** One build's tracker on a pool: frames stepped, frames timed and their CPU seconds, events. */
interface Runner {
  readonly tracker: trackerModule.ExerciseTracker;
  /** The frames in this build's own shape. */
  readonly pool: readonly FrameObservation[];
  frame: number;
  timedFrames: number;
  cpuSeconds: number;
  events: number;
}

function runner(build: Build, neutral: NeutralSetting, pool: readonly FrameObservation[]): Runner {
  const tracker = new build.tracker.ExerciseTracker({ neutral });
  tracker.startExercise(build.protocol.getExercise('head-turns'));
  return { tracker, pool, frame: 0, timedFrames: 0, cpuSeconds: 0, events: 0 };
}

/** A chunk of frames; `timed` false: V8's warm-up, not counted. */
function runChunk(r: Runner, timed: boolean): void {
  const start = process.cpuUsage();
  const pool = r.pool;
  for (let i = 0; i < CHUNK_FRAMES; i += 1, r.frame += 1) {
    const out = r.tracker.step({ ...(pool[r.frame % pool.length] as FrameObservation), tMs: r.frame * FRAME_MS });
    r.events += out.events.length;
  }
  if (!timed) return;
  const cpu = process.cpuUsage(start);
  r.cpuSeconds += (cpu.user + cpu.system) / 1e6;
  r.timedFrames += CHUNK_FRAMES;
}

const baseDir = argValue('--base');
if (baseDir === undefined) throw new Error('usage: npm run bench:core:ab -- --base DIR [--chunks N]');
const chunks = Math.max(2, Math.floor(Number(argValue('--chunks') ?? 16)));
const moduleOf = (file: string): string => pathToFileURL(path.resolve(baseDir, file)).href;
const base: Build = {
  name: 'base',
  tracker: (await import(moduleOf('src/core/tracking/exercise-tracker.ts'))) as typeof trackerModule,
  protocol: (await import(moduleOf('src/core/protocol/protocol.ts'))) as typeof protocolModule,
  pools: (await import(moduleOf('scripts/bench/tracker-pools.ts'))) as typeof poolsModule,
};
const current: Build = { name: 'this', tracker: trackerModule, protocol: protocolModule, pools: poolsModule };

process.stdout.write(`bench:core:ab — base ${path.resolve(baseDir)}, ${chunks} chunks of ${CHUNK_FRAMES} frames per build and stage\n`);
const basePools = base.pools.trackerPools();
const stages = current.pools.trackerPools().map((pool, k) => {
  const basePool = basePools[k];
  if (basePool?.stage !== pool.stage) throw new Error(`the base's stage ${k} is ${basePool?.stage ?? 'missing'}, not ${pool.stage}`);
  const runners = [runner(base, pool.neutral, basePool.frames), runner(current, pool.neutral, pool.frames)] as const;
  for (const r of runners) runChunk(r, false);
  for (let c = 0; c < chunks; c += 1) {
    const order = c % 2 === 0 ? runners : ([runners[1], runners[0]] as const);
    for (const r of order) runChunk(r, true);
  }
  const [b, t] = runners;
  const result = {
    stage: pool.stage,
    baseCpuFps: Math.round(b.timedFrames / b.cpuSeconds),
    cpuFps: Math.round(t.timedFrames / t.cpuSeconds),
    ratio: Math.round((1000 * b.cpuSeconds) / t.cpuSeconds) / 1000,
    baseEvents: b.events,
    events: t.events,
  };
  process.stdout.write(`${pool.stage.padEnd(38)} base ${String(result.baseCpuFps).padStart(7)}  this ${String(result.cpuFps).padStart(7)} frames per CPU s  ×${result.ratio.toFixed(3)}  (events ${result.baseEvents} / ${result.events})\n`);
  return result;
});
process.stdout.write(`${JSON.stringify({ benchmark: 'core-ab', base: path.resolve(baseDir), chunkFrames: CHUNK_FRAMES, chunks, stages })}\n`);
