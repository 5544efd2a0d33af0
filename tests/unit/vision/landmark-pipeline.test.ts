import { describe, expect, it } from 'vitest';
import type { FaceSeed } from '../../../src/vision/face-seed';
import type { FrameSource, SourceFrame } from '../../../src/vision/frame-source';
import type { PoseObservation } from '../../../src/core/landmarks';
import { LandmarkPipeline, withRememberedChoice, type PipelineResult, type PipelineSchedule, type RemoteLandmarker } from '../../../src/vision/landmark-pipeline';
import { DEFAULT_MAX_BODY_AGE_MS } from '../../../src/vision/landmarker-cadence';
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
  /** The face seed each frame came with (face-seed.ts), in order. */
  readonly seeds: (FaceSeed | null)[] = [];
  constructor(
    readonly kind: LandmarkerKind,
    private readonly ticks: number,
    private readonly behaviour: Behaviour = () => ({ status: 'done', detection: this.kind === 'face' ? { kind: 'face', faces: [{ points: new Float32Array(0), matrix: null }] } : { kind: 'pose', poses: [{ landmarks: [], worldLandmarks: null }] }, inferenceMs: 5 }),
  ) {}

  async detect(image: ImageBitmap, tMs: number, seed: FaceSeed | null = null): Promise<WorkerDetectOutcome> {
    if (this.busy) throw new Error('detect while busy');
    this.busy = true;
    this.seen.push(tMs);
    this.seeds.push(seed);
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

function pipelineOver(landmarkers: readonly RemoteLandmarker[], schedule: PipelineSchedule = {}): { pipeline: LandmarkPipeline; copies: FakeBitmap[] } {
  const copies: FakeBitmap[] = [];
  const pipeline = new LandmarkPipeline(
    landmarkers,
    async () => {
      const copy = new FakeBitmap();
      copies.push(copy);
      return asBitmap(copy);
    },
    schedule,
  );
  return { pipeline, copies };
}

/** A body whose 33 points sit at x = 0.5 + tMs / 10⁵ (so each frame's body is told apart), y = 0.3. */
function bodyAt(tMs: number): PoseObservation {
  return { landmarks: Array.from({ length: 33 }, () => ({ x: 0.5 + tMs / 1e5, y: 0.3, z: 0, visibility: 0.9 })), worldLandmarks: null };
}

describe('LandmarkPipeline', () => {
  it('seeds the face landmarker with the face points of the latest body (cadence) or of the last frame (bodyEveryK 1), never the body landmarker', async () => {
    for (const bodyEveryK of [1, 3] as const) {
      const pose = new FakeLandmarker('pose', 1, (tMs) => ({ status: 'done', detection: { kind: 'pose', poses: [bodyAt(tMs)] }, inferenceMs: 5 }));
      const face = new FakeLandmarker('face', 1);
      const { pipeline } = pipelineOver([pose, face], { bodyEveryK });
      await pipeline.run(new FakeSource(20), { onResult: () => {} });
      expect(pose.seeds.every((seed) => seed === null)).toBe(true);
      // The first frame has no body yet; later ones carry one of an earlier frame, never of a later one.
      expect(face.seeds[0]).toBeNull();
      const seeded = face.seeds.map((seed, i) => ({ seed, tMs: face.seen[i] as number })).filter((s) => s.seed !== null);
      expect(seeded.length, `bodyEveryK ${bodyEveryK}`).toBeGreaterThan(face.seeds.length / 2);
      for (const { seed, tMs } of seeded) {
        expect(seed?.points).toHaveLength(11);
        const bodyTMs = ((seed?.points[0]?.x ?? 0) - 0.5) * 1e5;
        expect(pose.seen.some((t) => Math.abs(t - bodyTMs) < 1e-6)).toBe(true);
        expect(bodyTMs).toBeLessThanOrEqual(tMs + 1e-6);
      }
    }
  });

  it('with bodyEveryK 1, drops frames while a landmarker is busy, and closes every frame and copy exactly once', async () => {
    const pose = new FakeLandmarker('pose', 3);
    const face = new FakeLandmarker('face', 1);
    const { pipeline, copies } = pipelineOver([pose, face], { bodyEveryK: 1 });
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
      expect([r.bodyHeld, r.bodyAgeMs]).toEqual([false, 0]);
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

/** A body landmarker this slow gets k = ⌈60 / (33.3 × 0.8)⌉ = 3 from the adaptive cadence. */
const SLOW_POSE_MS = 60;
/** Frame times are sums of 33.3 ms: a difference added back may differ in the last bits. */
const TIME_TOLERANCE_MS = 1e-6;
const slowPose = (): WorkerDetectOutcome => ({ status: 'done', detection: { kind: 'pose', poses: [{ landmarks: [], worldLandmarks: null }] }, inferenceMs: SLOW_POSE_MS });

describe('LandmarkPipeline with the landmarker cadence', () => {
  it('sends every frame the face is free for to the face, reports it without waiting for the body, and closes every bitmap once', async () => {
    const pose = new FakeLandmarker('pose', 4, slowPose);
    const face = new FakeLandmarker('face', 1);
    const { pipeline, copies } = pipelineOver([pose, face]);
    const source = new FakeSource(60);
    const results: PipelineResult[] = [];

    const end = await pipeline.run(source, { onResult: (r) => results.push(r) });

    expect(end).toBe('source-ended');
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
    // One copy per body run, none for face-only frames.
    expect(copies).toHaveLength(pose.seen.length);
    const last = results[results.length - 1];
    expect(results.length + (last?.stats.droppedFrames ?? 0)).toBe(source.bitmaps.length);
    expect(results.map((r) => r.observation.tMs)).toEqual(face.seen);
    // The body ran on a subset of the face's frames, clearly fewer of them.
    expect(pose.seen.every((t) => face.seen.includes(t))).toBe(true);
    expect(pose.seen.length).toBeLessThan(face.seen.length / 2);
    const held = results.filter((r) => r.bodyHeld);
    expect(held.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.observation.faces).toHaveLength(1);
      expect(r.inferenceMs.face).toBeDefined();
      if (r.bodyAgeMs === null) {
        expect(r.observation.poses).toEqual([]);
        continue;
      }
      expect(r.observation.poses).toHaveLength(1);
      expect(r.bodyAgeMs).toBeGreaterThanOrEqual(0);
      expect(r.bodyAgeMs).toBeLessThanOrEqual(DEFAULT_MAX_BODY_AGE_MS);
      expect(r.bodyHeld).toBe(r.bodyAgeMs > 0);
      // The body's time is that of a frame the body landmarker saw.
      const bodyTMs = r.observation.tMs - r.bodyAgeMs;
      expect(pose.seen.some((t) => Math.abs(t - bodyTMs) < TIME_TOLERANCE_MS)).toBe(true);
      if (r.bodyHeld) expect(r.inferenceMs.pose).toBeUndefined();
    }
  });

  it('with a fixed k and free workers, runs the body on exactly every k-th analysed frame', async () => {
    const BODY_EVERY_K = 2;
    const pose = new FakeLandmarker('pose', 1);
    const face = new FakeLandmarker('face', 1);
    const { pipeline, copies } = pipelineOver([pose, face], { bodyEveryK: BODY_EVERY_K });
    const source = new FakeSource(30);

    await pipeline.run(source, { onResult: () => undefined });

    expect(face.seen.length).toBeGreaterThan(4);
    expect(pose.seen).toEqual(face.seen.filter((_, i) => i % BODY_EVERY_K === 0));
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
  });

  it('does not lend a body older than maxBodyAgeMs', async () => {
    const MAX_AGE_MS = FRAME_PERIOD_MS;
    // The body landmarker gives nothing after the 5th frame: the last body found ages out.
    const pose = new FakeLandmarker('pose', 1, (tMs) => (tMs > 5 * FRAME_PERIOD_MS ? { status: 'skipped' } : slowPose()));
    const face = new FakeLandmarker('face', 0);
    const { pipeline } = pipelineOver([pose, face], { bodyEveryK: 4, maxBodyAgeMs: MAX_AGE_MS });
    const results: PipelineResult[] = [];
    await pipeline.run(new FakeSource(20), { onResult: (r) => results.push(r) });
    expect(results.some((r) => r.bodyAgeMs === null && r.observation.poses.length === 0)).toBe(true);
    for (const r of results) if (r.bodyAgeMs !== null) expect(r.bodyAgeMs).toBeLessThanOrEqual(MAX_AGE_MS);
  });

  it('runs the body sooner than every k-th frame when the held body would otherwise grow older than maxBodyAgeMs', async () => {
    const BODY_EVERY_K = 6;
    const pose = new FakeLandmarker('pose', 1);
    const face = new FakeLandmarker('face', 1);
    const { pipeline } = pipelineOver([pose, face], { bodyEveryK: BODY_EVERY_K, maxBodyAgeMs: 4 * FRAME_PERIOD_MS });
    const results: PipelineResult[] = [];
    await pipeline.run(new FakeSource(40), { onResult: (r) => results.push(r) });
    expect(pose.seen.length).toBeGreaterThan(Math.ceil(face.seen.length / BODY_EVERY_K) + 1);
    expect(results.every((r) => r.observation.poses.length === 1)).toBe(true);
  });

  it('ends with the body landmarker error, reports it once and still closes every bitmap', async () => {
    const failure = new VisionError({ code: 'inference', message: 'pose graph failed' });
    const pose = new FakeLandmarker('pose', 2, (tMs) => (tMs > 6 * FRAME_PERIOD_MS ? failure : slowPose()));
    const face = new FakeLandmarker('face', 1);
    const { pipeline, copies } = pipelineOver([pose, face]);
    const source = new FakeSource(Number.POSITIVE_INFINITY);
    const errors: VisionError[] = [];
    const end = await pipeline.run(source, { onResult: () => undefined, onError: (e) => errors.push(e) });
    expect(end).toBe('error');
    expect(errors).toEqual([failure]);
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
  });

  it('closes the frame and fails once when the copy for the body cannot be made', async () => {
    const pose = new FakeLandmarker('pose', 1);
    const face = new FakeLandmarker('face', 1);
    const pipeline = new LandmarkPipeline([pose, face], () => Promise.reject(new Error('out of memory')));
    const source = new FakeSource(Number.POSITIVE_INFINITY);
    const errors: VisionError[] = [];
    const end = await pipeline.run(source, { onResult: () => undefined, onError: (e) => errors.push(e) });
    expect(end).toBe('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('worker');
    expect(source.bitmaps.every((b) => b.closes === 1)).toBe(true);
    expect([face.seen, pose.seen]).toEqual([[], []]);
  });
});

describe('withRememberedChoice', () => {
  const UA = 'test-browser';
  it('maps the probe choice onto the config unless the config names a backend; an explicit pose model wins', () => {
    expect(withRememberedChoice({}, { id: 'tfjs', userAgent: UA, frameCostMs: 20 })).toEqual({ backend: 'tfjs' });
    expect(withRememberedChoice({}, { id: 'mediapipe-full', userAgent: UA, frameCostMs: 20 })).toEqual({ backend: 'mediapipe', poseModel: 'full' });
    expect(withRememberedChoice({ poseModel: 'lite' }, { id: 'mediapipe-full', userAgent: UA, frameCostMs: 20 })).toEqual({ backend: 'mediapipe', poseModel: 'lite' });
    expect(withRememberedChoice({ backend: 'mediapipe' }, { id: 'tfjs', userAgent: UA, frameCostMs: 20 })).toEqual({ backend: 'mediapipe' });
    expect(withRememberedChoice({ maxPeople: 1 }, null)).toEqual({ maxPeople: 1 });
  });
});

describe('LandmarkPipeline cadence, body warm-up', () => {
  it('waits for the body in flight when no recent body is held, so the first result has one', async () => {
    const pose = new FakeLandmarker('pose', 6, slowPose);
    const face = new FakeLandmarker('face', 1);
    const { pipeline } = pipelineOver([pose, face]);
    const results: PipelineResult[] = [];
    await pipeline.run(new FakeSource(30), { onResult: (r) => results.push(r) });
    expect(results.length).toBeGreaterThan(2);
    expect(results[0]?.observation.poses).toHaveLength(1);
    expect([results[0]?.bodyHeld, results[0]?.bodyAgeMs]).toEqual([false, 0]);
  });
});

/** A camera whose frames the test hands out one by one. */
class ManualSource implements FrameSource {
  readonly kind = 'camera' as const;
  readonly bitmaps: FakeBitmap[] = [];
  private waiter: ((frame: SourceFrame | null) => void) | null = null;

  nextFrame(): Promise<SourceFrame | null> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** Delivers the next frame to the pipeline (which must be waiting for one). */
  async push(): Promise<FakeBitmap> {
    for (let i = 0; i < 20 && this.waiter === null; i += 1) await tick();
    const deliver = this.waiter;
    if (deliver === null) throw new Error('the pipeline is not waiting for a frame');
    this.waiter = null;
    const bitmap = new FakeBitmap();
    this.bitmaps.push(bitmap);
    deliver({ image: asBitmap(bitmap), tMs: this.bitmaps.length * FRAME_PERIOD_MS, width: 640, height: 480 });
    await tick();
    return bitmap;
  }

  end(): void {
    this.waiter?.(null);
  }

  close(): void {
    this.end();
  }
}

/** A face landmarker that answers when the test releases it. */
class GatedFace implements RemoteLandmarker {
  readonly kind = 'face' as const;
  readonly delegate = 'CPU' as const;
  readonly fallbackReason = null;
  busy = false;
  readonly seen: number[] = [];
  private gates: (() => void)[] = [];

  async detect(image: ImageBitmap, tMs: number): Promise<WorkerDetectOutcome> {
    if (this.busy) throw new Error('detect while busy');
    this.busy = true;
    this.seen.push(tMs);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    image.close();
    this.busy = false;
    return { status: 'done', detection: { kind: 'face', faces: [{ points: new Float32Array(0), matrix: null }] }, inferenceMs: 5 };
  }

  async release(): Promise<void> {
    this.gates.shift()?.();
    for (let i = 0; i < 5; i += 1) await tick();
  }

  beginStream(): void {}
  terminate(): void {}
}

describe('LandmarkPipeline cadence, frames arriving while the face is busy', () => {
  it('keeps the newest one waiting and starts it as soon as the face is free; older ones are dropped and closed', async () => {
    const face = new GatedFace();
    const pose = new FakeLandmarker('pose', 0);
    const { pipeline, copies } = pipelineOver([pose, face], { bodyEveryK: 100 });
    const source = new ManualSource();
    const results: PipelineResult[] = [];
    const running = pipeline.run(source, { onResult: (r) => results.push(r) });

    await source.push(); // frame 1 → the face (busy from now on)
    const second = await source.push(); // waits
    await source.push(); // frame 3 replaces frame 2
    expect(second.closes).toBe(1);
    expect(face.seen).toEqual([FRAME_PERIOD_MS]);

    await face.release(); // frame 1 done → frame 3 starts at once, no new frame needed
    expect(results.map((r) => r.observation.tMs)).toEqual([FRAME_PERIOD_MS]);
    expect(face.seen).toEqual([FRAME_PERIOD_MS, 3 * FRAME_PERIOD_MS]);

    const fourth = await source.push(); // waits behind frame 3
    source.end();
    await face.release(); // frame 3 done → frame 4 runs before run() returns
    await face.release();
    expect(await running).toBe('source-ended');
    expect(results.map((r) => r.observation.tMs)).toEqual([1, 3, 4].map((n) => n * FRAME_PERIOD_MS));
    expect(fourth.closes).toBe(1);
    expect(results[results.length - 1]?.stats.droppedFrames).toBe(1);
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
  });

  it('closes the waiting frame when stopped', async () => {
    const face = new GatedFace();
    const pose = new FakeLandmarker('pose', 0);
    const { pipeline, copies } = pipelineOver([pose, face], { bodyEveryK: 100 });
    const source = new ManualSource();
    const running = pipeline.run(source, { onResult: () => undefined });

    await source.push();
    const waiting = await source.push();
    pipeline.stop();
    source.end();
    await face.release();
    expect(await running).toBe('stopped');
    expect(waiting.closes).toBe(1);
    expect(face.seen).toEqual([FRAME_PERIOD_MS]);
    for (const bitmap of [...source.bitmaps, ...copies]) expect(bitmap.closes).toBe(1);
  });
});
