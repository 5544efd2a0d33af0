import type { BackendId } from '../../src/vision/backend-choice';
import { probeBackends, type ProbeReport } from '../../src/vision/backend-probe';
import { mainThreadProbeTimer } from '../../src/vision/main-thread-probe-timer';
import { loadClipFrames, type BenchFrame } from './bench-frames';
import { runLandmarkerBenchSet } from './bench-runner';
import { bodyRuns, type BodyRun } from './body-runs';
import type { BenchBackend, LandmarkerBenchResult, LandmarkerBenchSpec } from './bench-spec';
import { detectInImage, type ImageDetectionSummary } from './image-detection';
import { headPoseInImage, type ImageHeadPose } from './image-head-pose';
import { runLiveVariant, startLiveWorkers, type LiveVariantResult, type LiveVariantSpec } from './live-cadence';
import { warmUpCurves, type WarmUpCurve, type WarmUpSpec } from './warm-up-curves';

/** Driven by scripts/bench.ts through Playwright: `window.atlasBench`. */
export interface AtlasBenchApi {
  loadFrames(url: string, count: number, width: number, height: number): Promise<number>;
  /** A photo at its own size as `count` identical frames (a still camera), in place of the loaded frames. */
  loadPhotoFrames(url: string, count: number): Promise<number>;
  /** Each backend's body landmarker in a worker of its own over the loaded frames (npm run bench:body). */
  bodyRuns(backends: readonly BackendId[]): Promise<BodyRun[]>;
  /** The landmarkers timed interleaved over the same frames (see runLandmarkerBenchSet). */
  runSet(specs: readonly LandmarkerBenchSpec[]): Promise<(LandmarkerBenchResult | { readonly spec: LandmarkerBenchSpec; readonly error: string })[]>;
  /** One photo through one backend's pose and face landmarkers (e2e: the TF.js backend finds a face and a body). */
  detectImage(url: string, backend: BenchBackend): Promise<ImageDetectionSummary>;
  /** Head angles per photo from one backend's face landmarker (eval:headpose per backend). */
  headPose(urls: readonly string[], backend: BenchBackend): Promise<ImageHeadPose[]>;
  /** Camera → workers with each scheduling variant in turn (same workers, same run). */
  liveVariants(specs: readonly LiveVariantSpec[]): Promise<LiveVariantResult[]>;
  /** Fresh landmarkers timed frame by frame from their creation, over the first `count` loaded frames. */
  warmUp(specs: readonly WarmUpSpec[], count: number): Promise<WarmUpCurve[]>;
  /** The first-run probe on one photo, briefly (e2e: every candidate starts and one is chosen). */
  probe(url: string, candidates: readonly BackendId[]): Promise<ProbeReport>;
}

async function imageAt(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return createImageBitmap(await response.blob());
}

let frames: BenchFrame[] = [];

const api: AtlasBenchApi = {
  async loadFrames(url, count, width, height) {
    for (const f of frames) f.image.close();
    frames = await loadClipFrames(url, count, width, height);
    return frames.length;
  },
  async loadPhotoFrames(url, count) {
    for (const f of frames) f.image.close();
    const image = await imageAt(url);
    frames = await Promise.all(Array.from({ length: count }, async (_, i) => ({ image: await createImageBitmap(image), tMs: i * 33 })));
    image.close();
    return frames.length;
  },
  bodyRuns(backends) {
    if (frames.length === 0) return Promise.reject(new Error('loadFrames first'));
    return bodyRuns(frames, backends);
  },
  runSet(specs) {
    if (frames.length === 0) return Promise.reject(new Error('loadFrames first'));
    return runLandmarkerBenchSet(frames, specs);
  },
  async detectImage(url, backend) {
    const image = await imageAt(url);
    try {
      return await detectInImage(image, backend);
    } finally {
      image.close();
    }
  },
  async headPose(urls, backend) {
    const out: ImageHeadPose[] = [];
    for (const url of urls) {
      const image = await imageAt(url);
      try {
        out.push(await headPoseInImage(url, image, backend));
      } finally {
        image.close();
      }
    }
    return out;
  },
  async liveVariants(specs) {
    const workers = await startLiveWorkers();
    try {
      const out: LiveVariantResult[] = [];
      // Warm-up (graph set-up, JIT, the camera starting), not reported: otherwise the first variant pays for it.
      const first = specs[0];
      if (first) await runLiveVariant({ ...first, name: 'warm-up', seconds: 3 }, workers.face, workers.pose);
      for (const spec of specs) out.push(await runLiveVariant(spec, workers.face, workers.pose));
      return out;
    } finally {
      workers.face.terminate();
      workers.pose.terminate();
    }
  },
  warmUp(specs, count) {
    if (frames.length === 0) return Promise.reject(new Error('loadFrames first'));
    return warmUpCurves(frames.slice(0, count), specs);
  },
  async probe(url, candidates) {
    const image = await imageAt(url);
    try {
      // Whether each candidate starts and is timed, not how fast: two frames after one warm-up.
      return await probeBackends({ time: mainThreadProbeTimer(image, 2, 1), candidates });
    } finally {
      image.close();
    }
  },
};

Reflect.set(globalThis, 'atlasBench', api);
document.body.dataset.benchReady = 'true';
