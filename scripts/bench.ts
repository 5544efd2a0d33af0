/**
 * `npm run bench [-- --frames 120 --window-s 12 --variant-s 10 --no-build --no-means --no-headpose --no-warm-up --no-cadence --clip FILE]`
 *
 * Prints, in one run on this machine: median ms per frame of pose lite, pose full and face
 * (MediaPipe, VIDEO mode, CPU, real frames of a real clip), the TF.js backend's, the "means"
 * (downscaling, every-k-th frame, TF.js) with their accuracy cost against the full-quality run,
 * how long new landmarkers stay slow (main thread and workers, the probe's warm-up), then the
 * live page against a 30 fps 640×480 fake camera (analysed/delivered, p95 latency, long tasks),
 * the initial JS gzip size, and as its LAST line one JSON object. Figures, not a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import type { AtlasBenchApi } from '../tools/bench/bench-page';
import type { LandmarkerBenchResult, LandmarkerBenchSpec } from '../tools/bench/bench-spec';
import type { LiveVariantResult, LiveVariantSpec } from '../tools/bench/live-cadence';
import type { WarmUpCurve, WarmUpSpec } from '../tools/bench/warm-up-curves';
import { PROBE_FRAMES, PROBE_WARM_UP_FRAMES } from '../src/vision/backend-probe';
import { median } from '../src/vision/probe-median';
import { angleAgreement, pointErrorPx } from './bench/accuracy';
import { buildApp, serveBuiltApp } from './bench/app-server';
import { launchChromium } from './bench/chromium';
import { BENCH_CAMERA, cameraY4m } from './bench/fake-camera-clip';
import { initialJs } from './bench/initial-js';
import { headPosePerBackend, type HeadPoseEvalLine } from './bench/headpose-per-backend';
import { measureAfter, measureLivePage } from './bench/live-measure';
import { rememberBackend } from './bench/remembered-backend';
import { BENCH_SESSION_EXERCISES, enterSessionExercise } from './bench/session-route';
import { BACKEND_CHOICE_STORAGE_KEY, BACKEND_IDS, type BackendId } from '../src/vision/backend-choice';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CLIP = path.resolve(ROOT, '../shared/fixtures/video/head-gestures/head_turning.mp4');
const CLIP_ROUTE = '/__bench/clip.mp4';
const PORT = 4180;
/** git-ignored (.cache/): the bench's own build. */
const OUT_DIR = path.join(ROOT, '.cache/bench/dist');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

function backendOption(value: string): BackendId {
  const id = BACKEND_IDS.find((candidate) => candidate === value);
  if (id === undefined) throw new Error(`--backend must be one of ${BACKEND_IDS.join(', ')}, not ${value}`);
  return id;
}

const FRAMES = Number(option('frames', '120'));
/** The backend the live page and the session run (remembered as if probed); the probe itself is measured on its own visit. */
const BACKEND = backendOption(option('backend', 'mediapipe-lite'));
const WINDOW_S = Number(option('window-s', '12'));
const CLIP = path.resolve(option('clip', DEFAULT_CLIP));
/** Labelled photos for eval:headpose per backend (skipped when absent or with --no-headpose). */
const HEADPOSE_DIR = path.resolve(ROOT, '../shared/fixtures/headpose/aflw2000');
/** The app's camera check (#/camera): the live view alone, started at once. */
const LIVE_ROUTE = option('live-route', '#/camera');

function load(): string {
  return `load ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : '–');

async function openBenchPage(page: Page, url: string): Promise<void> {
  const clip = readFileSync(CLIP);
  await page.route(`**${CLIP_ROUTE}`, (route) => route.fulfill({ status: 200, contentType: 'video/mp4', body: clip }));
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  await page.goto(new URL('bench.html', url).href);
  await page.waitForFunction(() => document.body.dataset.benchReady === 'true');
  const count = await page.evaluate(
    ([route, frames, w, h]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).loadFrames(route, frames, w, h),
    [CLIP_ROUTE, FRAMES, BENCH_CAMERA.width, BENCH_CAMERA.height] as const,
  );
  log(`clip ${path.relative(ROOT, CLIP)}: ${count} frames letterboxed to ${BENCH_CAMERA.width}×${BENCH_CAMERA.height}`);
}

type SetResult = Awaited<ReturnType<AtlasBenchApi['runSet']>>[number];

async function runSet(page: Page, specs: readonly LandmarkerBenchSpec[]): Promise<SetResult[]> {
  return page.evaluate((s) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).runSet(s), specs);
}

function label(spec: LandmarkerBenchSpec): string {
  const model = spec.backend === 'tfjs' ? (spec.kind === 'pose' ? 'tfjs blazepose-lite' : 'tfjs blazeface+facemesh') : spec.kind === 'pose' ? `mediapipe pose ${spec.poseModel ?? 'lite'}` : 'mediapipe face';
  const scale = spec.scale !== undefined && spec.scale !== 1 ? ` @${spec.scale}×` : '';
  const every = spec.everyK !== undefined && spec.everyK > 1 ? ` every ${spec.everyK}-th frame` : '';
  return `${model}${scale}${every}`;
}

interface MeanRow {
  readonly name: string;
  readonly result: LandmarkerBenchResult;
  readonly accuracy: string;
}

async function main(): Promise<void> {
  if (!existsSync(CLIP)) throw new Error(`${CLIP} is absent (../shared/fixtures): pass --clip FILE`);
  log(`Atlas bench — ${new Date().toISOString()} — ${load()}, headless Chromium, CPU delegate`);
  if (!flag('no-build')) {
    log('building the app (vite build)…');
    await buildApp(ROOT, OUT_DIR);
  }
  const js = initialJs(OUT_DIR);
  log(`initial JS of index.html: ${js.files.length} files, ${fmt(js.rawBytes / 1024)} KB raw, ${fmt(js.gzipBytes / 1024)} KB gzip`);
  const y4m = cameraY4m(CLIP, path.join(ROOT, '.cache/bench'));
  const server = await serveBuiltApp(ROOT, OUT_DIR, PORT);
  const browser = await launchChromium(y4m);
  try {
    // 1. Landmarkers alone, main thread of the bench page, INTERLEAVED frame by frame (no overlap,
    //    and the shared machine's load weighs on all of them alike: their ratios hold).
    const page = await browser.newPage();
    await openBenchPage(page, server.url);
    const base = { frames: FRAMES } as const;
    const specs = {
      poseLite: { ...base, backend: 'mediapipe', kind: 'pose', poseModel: 'lite' },
      poseFull: { ...base, backend: 'mediapipe', kind: 'pose', poseModel: 'full' },
      face: { ...base, backend: 'mediapipe', kind: 'face' },
    } satisfies Record<string, LandmarkerBenchSpec>;
    type Accuracy = 'body' | 'face';
    const meanSpecs: { name: string; spec: LandmarkerBenchSpec; accuracy: Accuracy }[] = flag('no-means')
      ? []
      : [
          { name: 'pose lite, input 0.5×', spec: { ...specs.poseLite, scale: 0.5 }, accuracy: 'body' },
          { name: 'pose lite, every 3rd frame', spec: { ...specs.poseLite, everyK: 3 }, accuracy: 'body' },
          { name: 'face, input 0.5×', spec: { ...specs.face, scale: 0.5 }, accuracy: 'face' },
          { name: 'TF.js BlazePose lite (body)', spec: { ...base, backend: 'tfjs', kind: 'pose' }, accuracy: 'body' },
          { name: 'TF.js BlazeFace+FaceMesh (face)', spec: { ...base, backend: 'tfjs', kind: 'face' }, accuracy: 'face' },
        ];
    const named: [string, LandmarkerBenchSpec][] = [...Object.entries(specs), ...meanSpecs.map((v): [string, LandmarkerBenchSpec] => [v.name, v.spec])];
    log(`timing ${named.length} landmarker set-ups interleaved over ${FRAMES} frames… (${load()})`);
    const setResults = await runSet(page, named.map(([, spec]) => spec));
    log(`  done (${load()})`);
    const results: Record<string, LandmarkerBenchResult> = {};
    named.forEach(([name], i) => {
      const r = setResults[i];
      if (!r) return;
      if ('error' in r) log(`  ${name} failed to start: ${r.error}`);
      else results[name] = r;
    });
    for (const name of ['poseLite', 'poseFull', 'face']) if (!results[name]) throw new Error(`${name} gave no figures`);
    const means: MeanRow[] = [];
    if (meanSpecs.length > 0) {
      const poseRef = results.poseFull as LandmarkerBenchResult;
      const faceRef = results.face as LandmarkerBenchResult;
      const bodyAccuracy = (r: LandmarkerBenchResult): string =>
        `points ${fmt(pointErrorPx(poseRef.keyPoints, r.keyPoints))} px from pose full; body found ${r.framesFound}/${r.angles.length}`;
      const faceAccuracy = (r: LandmarkerBenchResult): string => {
        const a = angleAgreement(faceRef.angles, r.angles);
        return `head angles vs MediaPipe face: yaw ${fmt(a.yawMaeDeg)}° pitch ${fmt(a.pitchMaeDeg)}° roll ${fmt(a.rollMaeDeg)}° MAE, coverage ${fmt(a.coverage * 100, 0)}%`;
      };
      means.push({ name: 'pose lite (vs full)', result: results.poseLite as LandmarkerBenchResult, accuracy: bodyAccuracy(results.poseLite as LandmarkerBenchResult) });
      for (const variant of meanSpecs) {
        const result = results[variant.name];
        if (result) means.push({ name: variant.name, result, accuracy: variant.accuracy === 'body' ? bodyAccuracy(result) : faceAccuracy(result) });
      }
    }
    let headPose: HeadPoseEvalLine[] = [];
    if (!flag('no-headpose') && existsSync(path.join(HEADPOSE_DIR, 'labels.csv'))) {
      log(`head pose per backend on ${path.relative(ROOT, HEADPOSE_DIR)} (eval:headpose)… (${load()})`);
      headPose = await headPosePerBackend(page, ROOT, HEADPOSE_DIR, path.join(ROOT, '.cache/bench'));
    }
    const warmUp = flag('no-warm-up') ? [] : await timeWarmUp(page);
    await page.close();

    log('');
    log(`landmarkers alone (median ms/frame over ${FRAMES} frames, interleaved, main thread, VIDEO mode) — ${load()}`);
    for (const name of ['poseLite', 'poseFull', 'face'] as const) {
      const r = results[name] as LandmarkerBenchResult;
      log(`  ${label(r.spec).padEnd(34)} median ${fmt(r.medianMs)} ms  p95 ${fmt(r.p95Ms)} ms  init ${fmt(r.initMs, 0)} ms  found ${r.framesFound}/${r.angles.length}`);
    }
    if (means.length > 0) {
      const lite = results.poseLite as LandmarkerBenchResult;
      log('means (ms per frame amortised, and relative to the same run\'s reference; accuracy against the full-quality MediaPipe run on the same frames)');
      for (const m of means) {
        const reference = m.result.spec.kind === 'face' ? (results.face as LandmarkerBenchResult) : m.name.startsWith('pose lite (vs') ? (results.poseFull as LandmarkerBenchResult) : lite;
        log(`  ${m.name.padEnd(34)} ${fmt(m.result.msPerFrame)} ms/frame = ${fmt(m.result.msPerFrame / reference.msPerFrame, 2)}× ${reference === lite ? 'pose lite' : reference.spec.kind === 'face' ? 'face' : 'pose full'} (median per run ${fmt(m.result.medianMs)})  ${m.accuracy}`);
      }
    }

    if (headPose.length > 0) {
      log(`head-pose accuracy per backend, face landmarker alone on ${path.relative(ROOT, HEADPOSE_DIR)} (degrees, eval:headpose)`);
      for (const line of headPose) log(`  ${line.variant.padEnd(26)} ${line.summary}`);
    }

    // 2. The live page (workers, pose + face in parallel) on the fake camera.
    log('');
    log(`live page ${LIVE_ROUTE} on a ${BENCH_CAMERA.fps} fps ${BENCH_CAMERA.width}×${BENCH_CAMERA.height} fake camera, ${WINDOW_S} s window… (${load()})`);
    // One browser profile, three visits: the first is cold (nothing cached), the third finds the
    // models in the caches and the wasm's compiled code in the browser's code cache (kept from the
    // second visit on): "first angles with models cached" is the third visit's first result.
    const liveUrl = new URL(LIVE_ROUTE, server.url).href;
    // A first visit as a user makes it: nothing cached, nothing remembered, so the backend probe runs first.
    const probeContext = await browser.newContext();
    const probedFirstResultMs = await firstResultOfVisit(probeContext, liveUrl);
    const probed = await storedChoice(probeContext, server.url);
    await probeContext.close();
    const liveContext = await browser.newContext();
    await rememberBackend(liveContext, BACKEND);
    const coldFirstResultMs = await firstResultOfVisit(liveContext, liveUrl);
    await firstResultOfVisit(liveContext, liveUrl);
    const livePage = await liveContext.newPage();
    const live = await measureLivePage(livePage, liveUrl, 3000, WINDOW_S * 1000);
    await liveContext.close();
    log(`  delivered ${fmt(live.deliveredFps)} fps, analysed ${fmt(live.analysedFps)} fps, ratio ${fmt(live.ratio * 100)}% (${live.analysedFrames}/${live.deliveredFrames} frames)`);
    log(`  capture→result p50 ${fmt(live.p50LatencyMs, 0)} ms, p95 ${fmt(live.p95LatencyMs, 0)} ms; face in ${fmt(live.faceFraction * 100, 0)}%, body in ${fmt(live.poseFraction * 100, 0)}% of results`);
    log(`  long tasks > 50 ms: ${live.longTasksOver50ms} in the window (longest ${fmt(live.longestTaskMs, 0)} ms), ${live.longTasksSinceLoad} since load; page errors ${live.pageErrors}`);
    log(`  first result after navigation: ${fmt(coldFirstResultMs, 0)} ms on a first visit, ${fmt(live.firstResultMs, 0)} ms on the third (models and compiled wasm cached)`);
    log(`  a first visit with the backend probe (nothing remembered): first result ${fmt(probedFirstResultMs, 0)} ms; it chose ${probed ?? '(nothing)'}`);
    log(`  ${load()}`);

    // 2b. The same during a guided session (exercise screen: head pose, rep engine, gauge and counter on the main thread).
    log('');
    log(`guided session, exercise screen (${BENCH_SESSION_EXERCISES.join(', ')}), same camera, ${WINDOW_S} s window… (${load()})`);
    const sessionContext = await browser.newContext();
    await rememberBackend(sessionContext, BACKEND);
    const sessionPage = await sessionContext.newPage();
    const session = await measureAfter(sessionPage, () => enterSessionExercise(sessionPage, server.url), 3000, WINDOW_S * 1000);
    await sessionContext.close();
    log(`  delivered ${fmt(session.deliveredFps)} fps, analysed ${fmt(session.analysedFps)} fps, ratio ${fmt(session.ratio * 100)}% (${session.analysedFrames}/${session.deliveredFrames} frames)`);
    log(`  capture→result p50 ${fmt(session.p50LatencyMs, 0)} ms, p95 ${fmt(session.p95LatencyMs, 0)} ms; long tasks > 50 ms: ${session.longTasksOver50ms} in the window (longest ${fmt(session.longestTaskMs, 0)} ms); page errors ${session.pageErrors}`);
    log(`  ${load()}`);

    // 3. Scheduling variants on the same camera and workers (bench page), one after the other.
    let variants: LiveVariantResult[] = [];
    if (!flag('no-cadence')) {
      const seconds = Number(option('variant-s', '10'));
      const specs: LiveVariantSpec[] = [
        { name: 'pose+face, wait for both', waitForBoth: true, bodyEveryK: 1, bodyNeeded: true, seconds },
        { name: 'face every frame, body every 2nd', waitForBoth: false, bodyEveryK: 2, bodyNeeded: true, seconds },
        { name: 'face every frame, body every 3rd', waitForBoth: false, bodyEveryK: 3, bodyNeeded: true, seconds },
        { name: 'face only (body not needed)', waitForBoth: false, bodyEveryK: 1, bodyNeeded: false, seconds },
      ];
      log('');
      log(`scheduling variants: camera → MediaPipe workers, ${seconds} s each… (${load()})`);
      const variantPage = await browser.newPage();
      await variantPage.goto(new URL('bench.html', server.url).href);
      await variantPage.waitForFunction(() => document.body.dataset.benchReady === 'true');
      variants = await variantPage.evaluate((v) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).liveVariants(v), specs);
      await variantPage.close();
      for (const v of variants) {
        log(`  ${v.name.padEnd(36)} delivered ${fmt(v.deliveredFps)} fps, analysed ${fmt(v.analysedFps)} fps, ratio ${fmt(v.ratio * 100)}%, p95 ${fmt(v.p95LatencyMs, 0)} ms, body in ${fmt(v.bodyFraction * 100, 0)}% (${v.bodyRuns} body runs)`);
      }
      log(`  ${load()}`);
    }

    const tfPose = results['TF.js BlazePose lite (body)'];
    const tfFace = results['TF.js BlazeFace+FaceMesh (face)'];
    const round = (x: number | undefined, digits = 1): number | null => (x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));
    const summary = {
      poseLiteMs: round(results.poseLite?.medianMs),
      poseFullMs: round(results.poseFull?.medianMs),
      faceMs: round(results.face?.medianMs),
      deliveredFps: round(live.deliveredFps),
      analysedFps: round(live.analysedFps),
      ratio: round(live.ratio, 3),
      p95LatencyMs: round(live.p95LatencyMs, 0),
      longTasksOver50ms: live.longTasksOver50ms,
      session: { ratio: round(session.ratio, 3), p95LatencyMs: round(session.p95LatencyMs, 0), longTasksOver50ms: session.longTasksOver50ms, longestTaskMs: round(session.longestTaskMs, 0) },
      initialJsGzipKB: round(js.gzipBytes / 1024),
      tfjsPoseMs: round(tfPose?.medianMs),
      tfjsFaceMs: round(tfFace?.medianMs),
      firstResultMs: round(live.firstResultMs, 0),
      coldFirstResultMs: round(coldFirstResultMs, 0),
      probedFirstResultMs: round(probedFirstResultMs, 0),
      probeChoice: probed === null ? null : (JSON.parse(probed) as { id: string }).id,
      warmUp: warmUp.map((c) => ({ ...c.spec, ...Object.fromEntries(Object.entries(warmUpFigures(c)).map(([k, ms]) => [k, round(ms)])) })),
      backend: BACKEND,
      variants: variants.map((v) => ({ name: v.name, ratio: round(v.ratio, 3), analysedFps: round(v.analysedFps), p95LatencyMs: round(v.p95LatencyMs, 0), bodyFraction: round(v.bodyFraction, 2) })),
      loadAvg1m: round(loadavg()[0], 2),
      cores: cpus().length,
    };
    log(JSON.stringify(summary));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Frames per fresh landmarker: the probe's warm-up and timing, then enough to see it steady. */
const WARM_UP_FRAMES = 40;
const WARM_UP_SPECS: readonly WarmUpSpec[] = [
  // As the probe and the live pipeline run them…
  { backend: 'mediapipe-lite', kind: 'pose', thread: 'worker', maxPeople: 2 },
  { backend: 'mediapipe-lite', kind: 'face', thread: 'worker', maxPeople: 2 },
  { backend: 'tfjs', kind: 'pose', thread: 'worker', maxPeople: 1 },
  { backend: 'tfjs', kind: 'face', thread: 'worker', maxPeople: 1 },
  // …looking for one person, in a worker and on the main thread (as the timings above).
  { backend: 'mediapipe-lite', kind: 'pose', thread: 'worker', maxPeople: 1 },
  { backend: 'mediapipe-lite', kind: 'face', thread: 'worker', maxPeople: 1 },
  { backend: 'mediapipe-lite', kind: 'pose', thread: 'main', maxPeople: 1 },
  { backend: 'mediapipe-lite', kind: 'face', thread: 'main', maxPeople: 1 },
];

/** Median ms of `count` frames of `curve` from frame `from` on (skipped frames left out). */
function medianOfFrames(curve: WarmUpCurve, from: number, count = Infinity): number {
  return median(curve.frameMs.slice(from, from + count).filter((ms) => Number.isFinite(ms)));
}

/** Median ms of the frames the probe used to time (1–5), of those it times now, and of the rest. */
function warmUpFigures(curve: WarmUpCurve): { firstMs: number; oldProbeMs: number; probeMs: number; laterMs: number } {
  return {
    firstMs: curve.frameMs[0] ?? Number.NaN,
    oldProbeMs: medianOfFrames(curve, 1, PROBE_FRAMES),
    probeMs: medianOfFrames(curve, PROBE_WARM_UP_FRAMES, PROBE_FRAMES),
    laterMs: medianOfFrames(curve, PROBE_WARM_UP_FRAMES + PROBE_FRAMES),
  };
}

/** Fresh landmarkers frame by frame from creation: what the backend probe's warm-up is for (docs/performance.md). */
async function timeWarmUp(page: Page): Promise<WarmUpCurve[]> {
  log(`timing ${WARM_UP_SPECS.length} fresh landmarkers frame by frame from creation… (${load()})`);
  const curves = await page.evaluate(([s, n]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).warmUp(s, n), [WARM_UP_SPECS, WARM_UP_FRAMES] as const);
  log(`new landmarkers, ms per frame from the first (frames 1–5: what the probe timed before 2026-12-02; ${PROBE_WARM_UP_FRAMES}–${PROBE_WARM_UP_FRAMES + PROBE_FRAMES - 1}: what it times now)`);
  for (const c of curves) {
    const f = warmUpFigures(c);
    const people = c.spec.backend === 'tfjs' ? '' : c.spec.maxPeople === 1 ? ', 1 person' : `, ${c.spec.maxPeople} people`;
    const name = `${c.spec.backend} ${c.spec.kind} (${c.spec.thread}${people})`;
    log(`  ${name.padEnd(38)} first ${fmt(f.firstMs, 0)}, frames 1–5 ${fmt(f.oldProbeMs)}, probe ${fmt(f.probeMs)}, later ${fmt(f.laterMs)}: ${c.frameMs.slice(1, 25).map((ms) => fmt(ms, 0)).join(' ')}`);
  }
  return curves;
}

/** The backend choice remembered in `context`'s storage for the app's origin (raw JSON), or null. */
async function storedChoice(context: BrowserContext, baseUrl: string): Promise<string | null> {
  const page = await context.newPage();
  try {
    // Any page of the origin shares its localStorage; this one starts nothing.
    await page.goto(new URL('/manifest.webmanifest', baseUrl).href);
    return await page.evaluate((key) => localStorage.getItem(key), BACKEND_CHOICE_STORAGE_KEY);
  } finally {
    await page.close();
  }
}

/** Navigation → first analysed frame of one visit in `context` (its caches persist between visits), ms. */
async function firstResultOfVisit(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    return (await measureLivePage(page, url, 0, 1000)).firstResultMs;
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

