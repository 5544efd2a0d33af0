import { loadClipFrames, type BenchFrame } from './bench-frames';
import { runLandmarkerBench } from './bench-runner';
import type { LandmarkerBenchResult, LandmarkerBenchSpec } from './bench-spec';

/** Driven by scripts/bench.ts through Playwright: `window.atlasBench`. */
export interface AtlasBenchApi {
  loadFrames(url: string, count: number, width: number, height: number): Promise<number>;
  run(spec: LandmarkerBenchSpec): Promise<LandmarkerBenchResult>;
}

let frames: BenchFrame[] = [];

const api: AtlasBenchApi = {
  async loadFrames(url, count, width, height) {
    for (const f of frames) f.image.close();
    frames = await loadClipFrames(url, count, width, height);
    return frames.length;
  },
  run(spec) {
    if (frames.length === 0) return Promise.reject(new Error('loadFrames first'));
    return runLandmarkerBench(frames, spec);
  },
};

Reflect.set(globalThis, 'atlasBench', api);
document.body.dataset.benchReady = 'true';
