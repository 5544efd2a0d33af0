import { describe, expect, it } from 'vitest';
import type { FrameSource, SourceFrame } from '../../../src/vision/frame-source';
import { LandmarkPipeline, type PipelineResult, type RemoteLandmarker } from '../../../src/vision/landmark-pipeline';
import type { LandmarkerKind } from '../../../src/vision/landmarkers';
import { VisionError } from '../../../src/vision/vision-error';
import type { WorkerDetectOutcome } from '../../../src/vision/worker/worker-landmarker';

const FRAME_PERIOD_MS = 1000 / 30;

/** Stands in for ImageBitmap (absent in Node): counts how often it is closed. */
class FakeBitmap {
  closes = 0;
  readonly width = 640;
  readonly height = 480;
  close(): void {
    this.closes += 1;
  }
}

function asBitmap(fake: FakeBitmap): ImageBitmap {
  return fake as unknown as ImageBitmap;
}

/** Lets timers and promise continuations run (one macrotask). */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A camera-like source: one frame per macrotask, `count` frames then the end (Infinity: never ends). */
class FakeSource implements FrameSource {
  readonly kind = 'camera' as const;
  readonly bitmaps: FakeBitmap[] = [];
  closed = false;
  constructor(private readonly count: number) {}

  async nextFrame(): Promise<SourceFrame | null> {
    await tick();
    if (this.closed || this.bitmaps.length >= this.count) return null;
    const bitmap = new FakeBitmap();
    this.bitmaps.push(bitmap);
    return { image: asBitmap(bitmap), tMs: this.bitmaps.length * FRAME_PERIOD_MS, width: 640, height: 480 };
  }

  close(): void {
    this.closed = true;
  }
}

type Behaviour = (tMs: number) => WorkerDetectOutcome | VisionError;

/** A landmarker that answers after `ticks` macrotasks, closing the frame as the worker does. */
class FakeLandmarker implements RemoteLandmarker {
  busy = false;
  terminated = false;
  readonly delegate = 'CPU' as const;
  readonly fallbackReason = null;
  streams = 0;
  readonly seen: number[] = [];
  constructor(
    readonly kind: LandmarkerKind,
    private readonly ticks: number,
    private readonly behaviour: Behaviour = () => ({ status: 'done', detection: this.kind === 'face' ? { kind: 'face', faces: [{ landmarks: [], matrix: null }] } : { kind: 'pose', poses: [{ landmarks: [], worldLandmarks: null }] }, inferenceMs: 5 }),
  ) {}

  async detect(image: ImageBitmap, tMs: number): Promise<WorkerDetectOutcome> {
    if (this.busy) throw new Error('detect while busy');
    this.busy = true;
    this.seen.push(tMs);
    try {
      for (let i = 0; i < this.ticks; i += 1) await tick();
      const outcome = this.behaviour(tMs);
      if (outcome instanceof VisionError) throw outcome;
      return outcome;
    } finally {
      image.close();
      this.busy = false;
    }
  }

  beginStream(): void {
    this.streams += 1;
  }

  terminate(): void {
    this.terminated = true;
  }
}

function pipelineOver(landmarkers: readonly FakeLandmarker[]): { pipeline: LandmarkPipeline; copies: FakeBitmap[] } {
  const copies: FakeBitmap[] = [];
  const pipeline = new LandmarkPipeline(landmarkers, async () => {
    const copy = new FakeBitmap();
    copies.push(copy);
    return asBitmap(copy);
  });
  return { pipeline, copies };
}

describe('LandmarkPipeline', () => {
  it('drops frames while a landmarker is busy, and closes every frame and copy exactly once', async () => {
    const pose = new FakeLandmarker('pose', 3);
    const face = new FakeLandmarker('face', 1);
    const { pipeline, copies } = pipelineOver([pose, face]);
    const source = new FakeSource(40);
    const results: PipelineResult[] = [];

    const end = await pipeline.run(source, { onResult: (r) => results.push(r) });

    expect(end).toBe('source-ended');
    const last = results[results.length - 1];
    expect(results.length).toBeGreaterThan(1);
    expect(last?.stats.droppedFrames).toBeGreaterThan(0);
    expect(results.length + (last?.stats.droppedFrames ?? 0)).toBe(source.bitmaps.length);
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
    // Both landmarkers saw the same frames, in order, and each result holds both.
    expect(face.seen).toEqual(pose.seen);
    expect(results.map((r) => r.observation.tMs)).toEqual(pose.seen);
    for (const r of results) {
      expect(r.observation.faces).toHaveLength(1);
      expect(r.observation.poses).toHaveLength(1);
      expect(Object.keys(r.inferenceMs).sort()).toEqual(['face', 'pose']);
    }
    expect([pose.streams, face.streams]).toEqual([1, 1]);
  });

  it('stops on request and terminates the landmarkers on dispose', async () => {
    const face = new FakeLandmarker('face', 1);
    const { pipeline } = pipelineOver([face]);
    const source = new FakeSource(Number.POSITIVE_INFINITY);
    const end = await pipeline.run(source, {
      onResult: (r) => {
        if (r.stats.analysedFrames >= 3) pipeline.stop();
      },
    });
    expect(end).toBe('stopped');
    expect(source.bitmaps.every((b) => b.closes === 1)).toBe(true);
    pipeline.dispose();
    expect(face.terminated).toBe(true);
    await expect(pipeline.run(source, { onResult: () => undefined })).rejects.toThrow(/disposed/);
  });

  it('ends with the landmarker error and reports it once', async () => {
    const failure = new VisionError({ code: 'inference', message: 'graph failed' });
    const pose = new FakeLandmarker('pose', 1, (tMs) => (tMs > 3 * FRAME_PERIOD_MS ? failure : { status: 'done', detection: { kind: 'pose', poses: [] }, inferenceMs: 30 }));
    const { pipeline } = pipelineOver([pose]);
    const source = new FakeSource(Number.POSITIVE_INFINITY);
    const errors: VisionError[] = [];
    const end = await pipeline.run(source, { onResult: () => undefined, onError: (e) => errors.push(e) });
    expect(end).toBe('error');
    expect(errors).toEqual([failure]);
    expect(source.bitmaps.every((b) => b.closes === 1)).toBe(true);
  });

  it('reports nothing for a frame a landmarker skipped (time did not move forward)', async () => {
    const face = new FakeLandmarker('face', 0, () => ({ status: 'skipped' }));
    const { pipeline } = pipelineOver([face]);
    const results: PipelineResult[] = [];
    const errors: VisionError[] = [];
    const end = await pipeline.run(new FakeSource(5), { onResult: (r) => results.push(r), onError: (e) => errors.push(e) });
    expect(end).toBe('source-ended');
    expect(results).toEqual([]);
    expect(errors).toEqual([]);
  });
});
