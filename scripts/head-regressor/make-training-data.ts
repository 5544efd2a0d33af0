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
import { trainingTrajectory } from './training-trajectories';
import { TRAINING_VIEWS } from './training-views';

const CLIP_MS = 20_000;

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
