/**
 * `npm run bench:body [-- --frames 90 --backends mediapipe-full,mediapipe-lite,tfjs --no-build --out-dir DIR]`
 *
 * The body landmarker of each backend in a worker of its own (as the app runs it), interleaved
 * frame by frame, over the same frames of the shared clips (webcam/*.mp4, head-gestures/*.mp4,
 * letterboxed to 640×480) and the pose photo (as a still camera): median ms per frame after ten
 * warm-up frames, and each backend's agreement with MediaPipe pose full and lite (mean pixel
 * distance per point group, z sign).
 * Figures, not a test; the LAST line is one JSON object.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { AtlasBenchApi } from '../tools/bench/bench-page';
import type { BodyRun } from '../tools/bench/body-runs';
import { BACKEND_IDS, type BackendId } from '../src/vision/backend-choice';
import { median } from '../src/vision/probe-median';
import { buildApp, serveBuiltApp } from './bench/app-server';
import { BODY_GROUPS, bodyAgreement, type BodyAgreement, type BodyGroup } from './bench/body-agreement';
import { launchChromium } from './bench/chromium';
import { BENCH_CAMERA } from './bench/fake-camera-clip';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.resolve(ROOT, '../shared/fixtures');
const PORT = 4181;
/** Frames each new worker is given before its times count (docs/performance.md: new landmarkers are slow at first). */
const WARM_UP_FRAMES = 10;
const PHOTO_FRAMES = 20;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}
/** git-ignored (.cache/): this bench's own build, or another one (--out-dir) built beforehand. */
const OUT_DIR = path.resolve(ROOT, option('out-dir', '.cache/bench-body/dist'));
const FRAMES = Number(option('frames', '90'));
const BACKENDS: BackendId[] = option('backends', 'mediapipe-full,mediapipe-lite,tfjs')
  .split(',')
  .map((id) => {
    const found = BACKEND_IDS.find((candidate) => candidate === id);
    if (found === undefined) throw new Error(`--backends: ${id} is not one of ${BACKEND_IDS.join(', ')}`);
    return found;
  });
const REFERENCES: BackendId[] = ['mediapipe-full', 'mediapipe-lite'];

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const load = (): string => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;

interface Source {
  readonly name: string;
  readonly file: string;
  readonly photo: boolean;
}

function sources(): Source[] {
  const clips = (dir: string): Source[] =>
    existsSync(path.join(FIXTURES, dir))
      ? readdirSync(path.join(FIXTURES, dir))
          .filter((f) => f.endsWith('.mp4'))
          .sort()
          .map((f) => ({ name: `${dir}/${f}`, file: path.join(FIXTURES, dir, f), photo: false }))
      : [];
  const photo = path.join(FIXTURES, 'images/pose-detection__pose.jpg');
  return [...clips('video/webcam'), ...clips('video/head-gestures'), ...(existsSync(photo) ? [{ name: 'images/pose-detection__pose.jpg', file: photo, photo: true }] : [])];
}

async function runSource(page: Page, source: Source): Promise<BodyRun[]> {
  const route = source.photo ? '/__bench-body/photo.jpg' : '/__bench-body/clip.mp4';
  await page.unroute('**/__bench-body/**');
  await page.route(`**${route}`, (r) => r.fulfill({ status: 200, contentType: source.photo ? 'image/jpeg' : 'video/mp4', body: readFileSync(source.file) }));
  if (source.photo) await page.evaluate(([u, n]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).loadPhotoFrames(u, n), [route, PHOTO_FRAMES] as const);
  else await page.evaluate(([u, n, w, h]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).loadFrames(u, n, w, h), [route, FRAMES, BENCH_CAMERA.width, BENCH_CAMERA.height] as const);
  return page.evaluate((b) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).bodyRuns(b), BACKENDS);
}

function speed(run: BodyRun): { medianMs: number; p95Ms: number } {
  const times = run.frameMs.slice(WARM_UP_FRAMES).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
  return { medianMs: median(times), p95Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? Number.NaN };
}

async function main(): Promise<void> {
  const list = sources();
  if (list.length === 0) throw new Error(`${FIXTURES} has no clips or photo (../shared/fixtures is absent)`);
  log(`Atlas bench:body — ${load()}, headless Chromium, workers, ${FRAMES} frames per clip (${PHOTO_FRAMES} of the photo), first ${WARM_UP_FRAMES} untimed`);
  if (!process.argv.includes('--no-build')) {
    log('building the app (vite build)…');
    await buildApp(ROOT, OUT_DIR);
  }
  const server = await serveBuiltApp(ROOT, OUT_DIR, PORT);
  const browser = await launchChromium(null);
  const perSource: { source: string; speed: Record<string, { medianMs: number; p95Ms: number; found: number; frames: number; world: number }>; agreement: Record<string, BodyAgreement> }[] = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(new URL('bench.html', server.url).href);
    await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
    for (const source of list) {
      let runs: BodyRun[];
      try {
        runs = await runSource(page, source);
      } catch (error) {
        // e.g. head_turning_fake.mp4 is MPEG-4 Part 2, which Chromium does not decode.
        log(`${source.name}: skipped, ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        continue;
      }
      const speeds: Record<string, { medianMs: number; p95Ms: number; found: number; frames: number; world: number }> = {};
      for (const run of runs) speeds[run.backend] = { ...speed(run), found: run.points.filter((p) => p !== null).length, frames: run.points.length, world: run.world.filter(Boolean).length };
      const agreement: Record<string, BodyAgreement> = {};
      for (const reference of REFERENCES) {
        const ref = runs.find((r) => r.backend === reference);
        if (!ref) continue;
        for (const run of runs) if (run.backend !== reference) agreement[`${run.backend} vs ${reference}`] = bodyAgreement(ref.points, run.points, ref.imageWidth);
      }
      perSource.push({ source: source.name, speed: speeds, agreement });
      log(`${source.name} (${load()})`);
      for (const [backend, s] of Object.entries(speeds)) log(`  ${backend.padEnd(15)} median ${fmt(s.medianMs)} ms  p95 ${fmt(s.p95Ms)} ms  body in ${s.found}/${s.frames} frames, world landmarks in ${s.world}`);
      for (const [pair, a] of Object.entries(agreement)) {
        const groups = (Object.keys(BODY_GROUPS) as BodyGroup[]).map((g) => `${g} ${fmt(a.groups[g].meanPx)}`).join(', ');
        log(`  ${pair.padEnd(32)} px: ${groups}; z sign ${fmt(a.zSignAgreement * 100, 0)}% of ${a.zCompared}; coverage ${fmt(a.coverage * 100, 0)}%`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  log(JSON.stringify(summarise(perSource)));
}

/** Over all sources: median of the per-source medians, and the point-weighted mean distances. */
function summarise(perSource: readonly { speed: Record<string, { medianMs: number }>; agreement: Record<string, BodyAgreement> }[]): object {
  const speedMs = Object.fromEntries(BACKENDS.map((b) => [b, Number(fmt(median(perSource.map((s) => s.speed[b]?.medianMs ?? Number.NaN).filter(Number.isFinite))))]));
  const pairs = [...new Set(perSource.flatMap((s) => Object.keys(s.agreement)))];
  const agreement = Object.fromEntries(
    pairs.map((pair) => {
      const all = perSource.flatMap((s) => (s.agreement[pair] ? [s.agreement[pair]] : []));
      const groups = Object.fromEntries(
        (Object.keys(BODY_GROUPS) as BodyGroup[]).map((g) => {
          const points = all.reduce((n, a) => n + a.groups[g].points, 0);
          const sum = all.reduce((n, a) => n + (a.groups[g].points > 0 ? a.groups[g].meanPx * a.groups[g].points : 0), 0);
          return [g, points > 0 ? Number((sum / points).toFixed(1)) : null];
        }),
      );
      const zCompared = all.reduce((n, a) => n + a.zCompared, 0);
      const zSame = all.reduce((n, a) => n + (a.zCompared > 0 ? a.zSignAgreement * a.zCompared : 0), 0);
      return [pair, { px: groups, zSign: zCompared > 0 ? Number((zSame / zCompared).toFixed(3)) : null, zCompared }];
    }),
  );
  return { sources: perSource.length, frames: FRAMES, speedMs, agreement, loadAvg1m: Number(loadavg()[0]?.toFixed(2)), cores: cpus().length };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:body failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
