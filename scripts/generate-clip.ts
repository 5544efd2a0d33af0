/**
 * `npm run generate:clip -- [--photo PHOTO.jpg] [--scan-dir DIR] [--force] TRAJECTORY.json... OUT_DIR`
 * Renders each trajectory (fixtures/trajectories/*.json) with the textured head of a frontal photo
 * (or, for `"subject": "scan"`, the scanned bust of ../shared/assets/head-scan) into OUT_DIR/<id>.y4m (640×480, 30 fps, yuv420p) and OUT_DIR/<id>.truth.json (per-frame angles,
 * reps with boundaries and peaks, expected counts). Clips already there from the same inputs are
 * kept unless --force. See docs/clipgen.md.
 */
import { existsSync } from 'node:fs';
import type { Subject } from '../tools/clipgen/core/trajectory';
import { ClipBrowser, DEFAULT_PHOTO, DEFAULT_SCAN_DIR, type SubjectSource } from '../tools/clipgen/node/clip-browser';
import { renderKey } from '../tools/clipgen/node/render-key';
import { cachedClip, clipPaths, readTrajectoryFile, writeClip } from '../tools/clipgen/node/write-clip';
import { runScript } from '../tools/node/run-script';

const USAGE = 'usage: npm run generate:clip -- [--photo PHOTO.jpg] [--scan-dir DIR] [--force] TRAJECTORY.json... OUT_DIR';

function parseArgs(argv: readonly string[]): { photo: string; scanDir: string; force: boolean; trajectories: string[]; outDir: string } | null {
  let photo = process.env.CLIPGEN_PHOTO ?? DEFAULT_PHOTO;
  let scanDir = DEFAULT_SCAN_DIR;
  let force = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--photo') photo = argv[++i] ?? '';
    else if (arg === '--scan-dir') scanDir = argv[++i] ?? '';
    else if (arg === '--force') force = true;
    else if (arg === '--help' || arg === '-h') return null;
    else rest.push(arg);
  }
  const outDir = rest.pop();
  if (outDir === undefined || rest.length === 0 || photo === '') return null;
  return { photo, scanDir, force, trajectories: rest, outDir };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const jobs = args.trajectories.map((file) => ({ file, ...readTrajectoryFile(file) }));
  const sources: Record<Subject, SubjectSource> = { photo: { kind: 'photo', path: args.photo }, scan: { kind: 'scan', dir: args.scanDir } };
  if (jobs.some((j) => j.trajectory.subject === 'photo') && !existsSync(args.photo)) {
    process.stderr.write(`generate:clip: photo not found: ${args.photo} (needs ../shared/fixtures, or --photo)\n`);
    return 1;
  }
  if (jobs.some((j) => j.trajectory.subject === 'scan') && !existsSync(args.scanDir)) {
    process.stderr.write(`generate:clip: scan not found: ${args.scanDir} (needs ../shared/assets/head-scan, or --scan-dir)\n`);
    return 1;
  }
  const browsers = new Map<Subject, ClipBrowser>();
  try {
    for (const job of jobs) {
      const subject = sources[job.trajectory.subject];
      const key = renderKey(job.text, subject);
      const paths = clipPaths(args.outDir, job.trajectory.id);
      if (!args.force && cachedClip(args.outDir, job.trajectory.id, key) !== null) {
        process.stdout.write(`${job.trajectory.id}: up to date (${paths.y4m})\n`);
        continue;
      }
      const browser = browsers.get(job.trajectory.subject) ?? (await ClipBrowser.startWith(subject));
      browsers.set(job.trajectory.subject, browser);
      const started = Date.now();
      const record = await writeClip(browser, job.trajectory, job.text, subject, args.outDir);
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${job.trajectory.id}: ${record.frameCount} frames in ${seconds.toFixed(1)} s → ${paths.y4m}, ${paths.truth}` +
          ` (expected count ${record.expectedCount.total}: ${JSON.stringify(record.expectedCount.bySide)})\n`,
      );
    }
  } finally {
    for (const browser of browsers.values()) await browser.close();
  }
  return 0;
}

runScript('generate:clip', main);
