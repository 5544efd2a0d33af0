/**
 * `npm run bench:core:instructions -- [--base DIR] [--frames N] [--stages 0,1]`
 *
 * Machine instructions per frame of the ExerciseTracker on bench:core's tracker stages
 * (scripts/bench/tracker-pools.ts; 0 and 1 are the judged recorded stages), counted by valgrind
 * (Debian's `valgrind`; callgrind counts instructions, not seconds), for this checkout and, with
 * `--base DIR`, another one (a worktree with its node_modules). Each count is the difference between
 * a run of 3N frames and one of N (default N = 20,000), divided by 2N: start-up, module loading and
 * most of V8's compilation cancel, what is left is the steady per-frame work (V8 still compiles
 * some, the same for both builds). Node runs with V8's `--predictable` (one thread, no heuristics
 * that read the clock), so that the count depends neither on how threads were scheduled nor on how
 * fast the machine was that minute: the same code measured again moves by under 1 %
 * (docs/performance.md; with `--single-threaded` alone, by up to 3 %), where the frames per second
 * of bench:core move by up to ×2 on this shared machine. Instructions are not seconds (a cache
 * miss costs many cycles and one instruction), so bench:core's frames per second stay the target's
 * figure; this tells whether a change made the work smaller. Under valgrind a run is 40–60× slower:
 * about 5 min a build and stage on two idle cores. Figures, not a test; the LAST line is one JSON
 * object.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue } from './bench/arg-value';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const THIS_ROOT = path.resolve(HERE, '..');
const LOOP = path.join(HERE, 'bench/instruction-loop.ts');

/** The loop under callgrind; resolves with the instructions it executed. */
function countInstructions(root: string, stage: number, frames: number, outDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = path.join(outDir, `callgrind.${path.basename(root)}.${stage}.${frames}.${process.hrtime.bigint()}`);
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, '--predictable', '--import', 'tsx', LOOP, root, String(stage), String(frames)],
      { cwd: THIS_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
      if (code !== 0 || !collected) reject(new Error(`valgrind on ${root} stage ${stage} (${frames} frames) failed (exit ${code}):\n${stderr.slice(-2000)}`));
      else resolve(Number(collected[1]));
    });
  });
}

/**
 * Per-frame instructions of one build on one stage, (I(3N) − I(N)) / 2N, the two runs side by side,
 * and the stage's name.
 */
async function perFrame(root: string, stage: number, frames: number, outDir: string): Promise<{ name: string; instructions: number }> {
  // A run outside valgrind first, so that tsx's transform cache is as full for both counted runs.
  const warm = spawnSync(process.execPath, ['--import', 'tsx', LOOP, root, String(stage), '10'], { cwd: THIS_ROOT, encoding: 'utf8' });
  if (warm.status !== 0) throw new Error(`the tracker loop failed on ${root}:\n${warm.stderr}`);
  const name = warm.stdout.split(':')[0] ?? `stage ${stage}`;
  const [short, long] = await Promise.all([countInstructions(root, stage, frames, outDir), countInstructions(root, stage, 3 * frames, outDir)]);
  return { name, instructions: (long - short) / (2 * frames) };
}

if (spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status !== 0) {
  process.stderr.write('bench:core:instructions needs valgrind (Debian: apt-get install valgrind)\n');
  process.exit(2);
}
const frames = Math.max(1000, Math.floor(Number(argValue('--frames') ?? 20_000)));
const stages = (argValue('--stages') ?? '0,1').split(',').map(Number);
const baseDir = argValue('--base');
const outDir = mkdtempSync(path.join(tmpdir(), 'atlas-instructions-'));
process.stdout.write(`bench:core:instructions — ${frames} and ${3 * frames} frames per run${baseDir ? `, base ${path.resolve(baseDir)}` : ''}\n`);
const results = [];
try {
  for (const stage of stages) {
    const { name, instructions: current } = await perFrame(THIS_ROOT, stage, frames, outDir);
    const base = baseDir ? (await perFrame(path.resolve(baseDir), stage, frames, outDir)).instructions : null;
    const ratio = base === null ? null : Math.round((1000 * base) / current) / 1000;
    process.stdout.write(
      `${name.padEnd(38)} this ${Math.round(current)} instructions per frame` +
        (base === null ? '' : `, base ${Math.round(base)}, base / this ×${(ratio ?? 0).toFixed(3)}`) +
        '\n',
    );
    results.push({ stage: name, instructionsPerFrame: Math.round(current), baseInstructionsPerFrame: base === null ? null : Math.round(base), ratio });
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify({ benchmark: 'core-instructions', frames, base: baseDir ? path.resolve(baseDir) : null, stages: results })}\n`);
