import { describe, expect, it } from 'vitest';
import { PROBE_FRAMES, PROBE_WARM_UP_FRAMES } from '../../../../src/vision/backend-probe';
import type { FrameImage } from '../../../../src/vision/frame-source';
import type { LandmarkerConfig } from '../../../../src/vision/landmarkers';
import type { LandmarkerDetection } from '../../../../src/vision/to-observation';
import type { WorkerDetectOutcome } from '../../../../src/vision/worker/worker-landmarker';
import { probeConfig, workerProbeTimer, type StartWorker } from '../../../../src/vision/worker/worker-probe-timer';

/** A stand-in image that records whether it was closed. */
function fakeImage(): FrameImage & { closed: boolean } {
  const image = { closed: false, close(): void { image.closed = true; } };
  return image as unknown as FrameImage & { closed: boolean };
}

function emptyDetection(kind: LandmarkerConfig['kind']): LandmarkerDetection {
  return kind === 'pose' ? { kind, poses: [] } : { kind, faces: [] };
}

function fakeWorkers(inferenceMs: (frame: number) => number | 'skipped' | 'fails-to-start') {
  const log = { started: [] as LandmarkerConfig[], frames: [] as number[], terminated: 0, copies: [] as (FrameImage & { closed: boolean })[] };
  const startWorker: StartWorker = (config) => {
    if (inferenceMs(0) === 'fails-to-start') return Promise.reject(new Error('wasm failed'));
    log.started.push(config);
    let frame = 0;
    return Promise.resolve({
      detect(image: FrameImage, tMs: number): Promise<WorkerDetectOutcome> {
        image.close();
        log.frames.push(tMs);
        const ms = inferenceMs(frame++);
        return Promise.resolve(ms === 'skipped' || ms === 'fails-to-start' ? { status: 'skipped' } : { status: 'done', detection: emptyDetection(config.kind), inferenceMs: ms });
      },
      terminate(): void {
        log.terminated += 1;
      },
    });
  };
  const copyImage = (): Promise<FrameImage> => {
    const copy = fakeImage();
    log.copies.push(copy);
    return Promise.resolve(copy);
  };
  return { log, startWorker, copyImage };
}

describe('workerProbeTimer', () => {
  it('times copies of the frame in a worker of its own, leaves out the warm-up frame, and terminates it', async () => {
    const { log, startWorker, copyImage } = fakeWorkers((frame) => (frame === 0 ? 500 : [0, 30, 10, 20, 40, 50][frame] ?? 0));
    const image = fakeImage();
    const ms = await workerProbeTimer(image, { frames: 5, warmUpFrames: 1, startWorker, copyImage })('mediapipe-full', 'pose');
    expect(ms).toBe(30); // median of 30, 10, 20, 40, 50: the 500 ms warm-up is not counted
    expect(log.started).toEqual([{ kind: 'pose', backend: 'mediapipe', poseModel: 'full' }]);
    expect(log.frames).toEqual([0, 33, 66, 99, 132, 165]);
    expect(log.copies.every((c) => c.closed)).toBe(true);
    expect(image.closed).toBe(false);
    expect(log.terminated).toBe(1);
  });

  it('by default leaves out the first PROBE_WARM_UP_FRAMES frames, when a new landmarker is still slow', async () => {
    // As measured: slow while the graph is built and V8 optimises the wasm, then steady.
    const warmingUp = (frame: number): number => (frame < PROBE_WARM_UP_FRAMES ? 60 - frame : 15 + (frame % 3));
    const { log, startWorker, copyImage } = fakeWorkers(warmingUp);
    const ms = await workerProbeTimer(fakeImage(), { startWorker, copyImage })('mediapipe-lite', 'face');
    expect(ms).toBe(16); // median of the steady 15, 16, 17 pattern; any warm-up frame counted would pull it up
    expect(log.frames).toHaveLength(PROBE_WARM_UP_FRAMES + PROBE_FRAMES);
    expect(log.frames[PROBE_WARM_UP_FRAMES]).toBe(PROBE_WARM_UP_FRAMES * 33);
  });

  it('rejects when the worker does not start or gives no timing (and still terminates it)', async () => {
    await expect(workerProbeTimer(fakeImage(), fakeWorkers(() => 'fails-to-start'))('mediapipe-lite', 'face')).rejects.toThrow('wasm failed');
    const skipping = fakeWorkers(() => 'skipped');
    await expect(workerProbeTimer(fakeImage(), skipping)('tfjs', 'face')).rejects.toThrow(/no timing/);
    expect(skipping.log.terminated).toBe(1);
  });

  it('configures each backend as the live pipeline runs it', () => {
    expect(probeConfig('tfjs', 'face')).toEqual({ kind: 'face', backend: 'tfjs' });
    expect(probeConfig('mediapipe-lite', 'pose')).toEqual({ kind: 'pose', backend: 'mediapipe', poseModel: 'lite' });
  });
});
