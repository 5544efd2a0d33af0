/**
 * `npm run soak -- --minutes 30 [--sample-s 60] [--session] [--no-build] [--clip FILE]` (not run in CI)
 *
 * Chromium's looping fake camera for N minutes, on the live page (#/camera) or, with `--session`,
 * in guided sessions as a user goes through them (exercise screens, rests skipped, an exercise
 * skipped every other sample, a new session after each summary: each start opens the camera and
 * the workers again). Every sample forces a GC and reads the page's JS heap (CDP), the renderer
 * processes' resident memory (workers' wasm included), frames, errors and live camera tracks;
 * prints the growth at the end.
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, serveBuiltApp } from './bench/app-server';
import { launchChromium } from './bench/chromium';
import { cameraY4m } from './bench/fake-camera-clip';
import { rememberBackend } from './bench/remembered-backend';
import { enterSessionExercise } from './bench/session-route';
import { SOAK_COLLECTOR_SCRIPT, sample, type SoakSample } from './bench/soak-sampler';
import { advanceSession } from './bench/soak-session';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, '.cache/bench/dist');
const PORT = 4185;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}
const MINUTES = Number(option('minutes', '30'));
const SAMPLE_S = Number(option('sample-s', '60'));
const SESSION = process.argv.includes('--session');
/** How often a soaked session is checked for a rest or a summary to move past, ms. */
const SESSION_POLL_MS = 5000;
const CLIP = path.resolve(option('clip', path.resolve(ROOT, '../shared/fixtures/video/head-gestures/head_turning.mp4')));
/** Heap samples before this are warm-up (models, JIT), not growth. */
const WARM_UP_S = 30;

const load = (): string => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

function row(s: SoakSample, previous: SoakSample | null): string {
  const fps = previous ? (s.analysedFrames - previous.analysedFrames) / (s.elapsedS - previous.elapsedS) : Number.NaN;
  const ratio = previous && s.deliveredFrames > previous.deliveredFrames ? (s.analysedFrames - previous.analysedFrames) / (s.deliveredFrames - previous.deliveredFrames) : Number.NaN;
  return `${s.elapsedS.toFixed(0).padStart(6)} s  heap ${s.heapUsedMB.toFixed(2).padStart(7)} MB  renderer RSS ${s.rendererRssMB?.toFixed(0).padStart(5) ?? '    –'} MB  analysed ${String(s.analysedFrames).padStart(6)} (${Number.isFinite(fps) ? fps.toFixed(1) : '–'} fps, ${Number.isFinite(ratio) ? (ratio * 100).toFixed(0) : '–'}%)  errors ${s.errors}  live tracks ${s.liveTracks}  workers ${s.workers}  pipelines ${s.pipelines}  ${load()}`;
}

async function main(): Promise<void> {
  log(`Atlas soak — ${new Date().toISOString()} — ${SESSION ? 'guided sessions' : 'live page'}, ${MINUTES} min, a sample every ${SAMPLE_S} s — ${load()}`);
  if (!process.argv.includes('--no-build')) await buildApp(ROOT, OUT_DIR);
  const server = await serveBuiltApp(ROOT, OUT_DIR, PORT);
  const browser = await launchChromium(cameraY4m(CLIP, path.join(ROOT, '.cache/bench')));
  try {
    const context = await browser.newContext();
    await rememberBackend(context, 'mediapipe-lite');
    const page = await context.newPage();
    let pageErrors = 0;
    page.on('pageerror', (error) => {
      pageErrors += 1;
      if (pageErrors <= 5) log(`  page error: ${error.message}`);
    });
    await page.addInitScript(SOAK_COLLECTOR_SCRIPT);
    const cdp = await page.context().newCDPSession(page);
    const startedAt = Date.now();
    if (SESSION) await enterSessionExercise(page, server.url);
    else await page.goto(new URL('#/camera', server.url).href);
    await page.waitForFunction(() => (Reflect.get(window, '__atlasSoak') as { frames: number }).frames > 0, undefined, { timeout: 120_000 });
    const samples: SoakSample[] = [];
    const endAt = startedAt + MINUTES * 60_000;
    let previous: SoakSample | null = null;
    for (;;) {
      const s = await sample(browser, page, cdp, startedAt, pageErrors);
      samples.push(s);
      log(row(s, previous));
      previous = s;
      const next = Math.min(endAt, Date.now() + SAMPLE_S * 1000);
      if (Date.now() >= endAt) break;
      if (!SESSION) {
        await page.waitForTimeout(next - Date.now());
        continue;
      }
      // Between samples the session is kept on an exercise screen: checked every few seconds, the
      // exercise on screen skipped halfway through the interval.
      const actions: string[] = [];
      const skipAt = Date.now() + (next - Date.now()) / 2;
      let skipped = false;
      while (Date.now() < next - SESSION_POLL_MS) {
        const skip: boolean = !skipped && Date.now() >= skipAt;
        const action = await advanceSession(page, server.url, skip);
        skipped ||= skip;
        if (action !== null) actions.push(action);
        await page.waitForTimeout(SESSION_POLL_MS);
      }
      await page.waitForTimeout(Math.max(0, next - Date.now()));
      log(`         session: ${actions.length > 0 ? actions.join(', ') : 'exercising'}`);
    }
    const base = samples.find((s) => s.elapsedS >= WARM_UP_S) ?? samples[0];
    const last = samples[samples.length - 1];
    if (!base || !last) throw new Error('no samples');
    const heapGrowth = last.heapUsedMB - base.heapUsedMB;
    const rssGrowth = last.rendererRssMB !== null && base.rendererRssMB !== null ? last.rendererRssMB - base.rendererRssMB : null;
    log('');
    log(`heap growth ${heapGrowth.toFixed(2)} MB from ${base.elapsedS.toFixed(0)} s to ${last.elapsedS.toFixed(0)} s (target < 10 MB over 30 min); renderer RSS growth ${rssGrowth?.toFixed(0) ?? '–'} MB`);
    log(`frames analysed ${last.analysedFrames} of ${last.deliveredFrames} delivered; errors ${last.errors}; live camera tracks ${last.liveTracks}; workers ${last.workers}; pipelines started ${last.pipelines}`);
    log('ImageBitmaps: not observable from outside the page (closed ones leave no trace); a leak would show as renderer RSS growth.');
    log(JSON.stringify({ route: SESSION ? 'session' : 'camera', minutes: MINUTES, pipelines: last.pipelines, workers: last.workers, heapGrowthMB: Number(heapGrowth.toFixed(2)), rendererRssGrowthMB: rssGrowth === null ? null : Math.round(rssGrowth), errors: last.errors, liveTracks: last.liveTracks, analysedFrames: last.analysedFrames, deliveredFrames: last.deliveredFrames, loadAvg1m: Number((loadavg()[0] ?? 0).toFixed(2)) }));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
