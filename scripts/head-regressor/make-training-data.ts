/**
 * `npx tsx scripts/head-regressor/make-training-data.ts [OUT_DIR]` (default
 * fixtures/generated/head-regressor): writes the training trajectories (random wanders of the
 * scanned head through the range, over several camera placements and lightings, none of them the
 * evaluation's range clips), renders each (clip generator, scan subject), encodes it and runs
 * `npm run analyze -- --trace` on it, so that OUT_DIR holds `<id>.truth.json` and
 * `<id>.trace.jsonl` pairs for `npm run train:head-regressor -- --data OUT_DIR`.
 * Clips already traced, or rendered from the same trajectory, are kept.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClipBrowser, DEFAULT_SCAN_DIR, REPO_ROOT, type SubjectSource } from '../../tools/clipgen/node/clip-browser';
import { mp4For } from '../../tools/clipgen/node/analyzer-run';
import { renderKey } from '../../tools/clipgen/node/render-key';
import { cachedClip, clipPaths, readTrajectoryFile, writeClip } from '../../tools/clipgen/node/write-clip';
import { trainingTrajectory, type TrainingView } from './training-trajectories';

const CLIP_MS = 20_000;
/** Placements and lights of the training clips (the range clips for evaluation use others). */
export const TRAINING_VIEWS: readonly TrainingView[] = [
  { distanceM: 1.0, heightM: 0, offsetM: 0, lighting: 'soft-front' },
  { distanceM: 0.75, heightM: -0.08, offsetM: 0.1, lighting: 'side-key' },
  { distanceM: 1.3, heightM: 0.1, offsetM: -0.2, lighting: 'dim-warm' },
  { distanceM: 0.9, heightM: 0.05, offsetM: 0.25, lighting: 'soft-front' },
  { distanceM: 1.5, heightM: -0.05, offsetM: -0.1, lighting: 'side-key' },
  { distanceM: 0.65, heightM: 0.12, offsetM: 0, lighting: 'dim-warm' },
  { distanceM: 1.15, heightM: -0.12, offsetM: 0.3, lighting: 'soft-front' },
  { distanceM: 1.0, heightM: 0.02, offsetM: -0.3, lighting: 'side-key' },
  // 15 frames a second from here: consecutive frames at 30 add little, and the analyzer's time is
  // what a training clip costs.
  { distanceM: 0.55, heightM: 0.14, offsetM: 0.05, lighting: 'side-key', fps: 15 },
  { distanceM: 1.7, heightM: -0.14, offsetM: 0.2, lighting: 'soft-front', fps: 15 },
  { distanceM: 2.0, heightM: 0.1, offsetM: -0.4, lighting: 'dim-warm', fps: 15 },
  { distanceM: 0.8, heightM: -0.15, offsetM: -0.15, lighting: 'soft-front', fps: 15 },
  { distanceM: 1.2, heightM: 0.15, offsetM: 0.42, lighting: 'side-key', fps: 15 },
  { distanceM: 0.7, heightM: 0.0, offsetM: 0.3, lighting: 'dim-warm', fps: 15 },
  { distanceM: 1.4, heightM: 0.06, offsetM: 0.0, lighting: 'side-key', fps: 15 },
  { distanceM: 1.05, heightM: -0.1, offsetM: -0.45, lighting: 'soft-front', fps: 15 },
  // Far turns and deep flexion (training-trajectories.ts, `focus`).
  { distanceM: 0.9, heightM: 0.0, offsetM: 0.0, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.25, heightM: 0.1, offsetM: 0.2, lighting: 'side-key', fps: 15, focus: 'far' },
  { distanceM: 0.65, heightM: -0.1, offsetM: -0.1, lighting: 'dim-warm', fps: 15, focus: 'far' },
  { distanceM: 1.6, heightM: 0.12, offsetM: -0.3, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.0, heightM: -0.14, offsetM: 0.35, lighting: 'side-key', fps: 15, focus: 'far' },
  { distanceM: 0.75, heightM: 0.08, offsetM: 0.15, lighting: 'soft-front', fps: 15, focus: 'far' },
  { distanceM: 1.9, heightM: -0.05, offsetM: 0.05, lighting: 'dim-warm', fps: 15, focus: 'far' },
  { distanceM: 1.1, heightM: 0.15, offsetM: -0.4, lighting: 'side-key', fps: 15, focus: 'far' },
];

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'fixtures/generated/head-regressor'));
  mkdirSync(outDir, { recursive: true });
  const subject: SubjectSource = { kind: 'scan', dir: DEFAULT_SCAN_DIR };
  let browser: ClipBrowser | null = null;
  try {
    for (const [i, view] of TRAINING_VIEWS.entries()) {
      const id = `train-${String(i + 1).padStart(2, '0')}`;
      const file = path.join(outDir, `${id}.json`);
      const trace = path.join(outDir, `${id}.trace.jsonl`);
      if (existsSync(trace)) continue;
      writeFileSync(file, `${JSON.stringify(trainingTrajectory(id, view, 1000 + i, CLIP_MS), null, 1)}\n`);
      const job = readTrajectoryFile(file);
      const paths = clipPaths(outDir, id);
      const key = renderKey(job.text, subject);
      if (cachedClip(outDir, id, key) === null) {
        browser ??= await ClipBrowser.startWith(subject);
        const started = Date.now();
        await writeClip(browser, job.trajectory, job.text, subject, outDir);
        process.stdout.write(`${id}: rendered in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
      const mp4 = await mp4For(paths.y4m);
      const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/analyze.ts', '--format', 'jsonl', '--trace', trace, mp4], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      if (run.status !== 0) throw new Error(`analyze failed on ${mp4}`);
      process.stdout.write(`${id}: traced → ${trace}\n`);
    }
  } finally {
    await browser?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`make-training-data: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
