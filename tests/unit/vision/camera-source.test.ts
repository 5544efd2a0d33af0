import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraSource } from '../../../src/vision/camera-source';
import { VisionError } from '../../../src/vision/vision-error';

/** A camera track that can be ended from the test (as when the camera is unplugged). */
class FakeTrack extends EventTarget {
  readyState: 'live' | 'ended' = 'live';
  stop(): void {
    this.readyState = 'ended';
  }
  getSettings(): MediaTrackSettings {
    return { width: 640, height: 480, frameRate: 30 };
  }
  unplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeStream {
  readonly track = new FakeTrack();
  getVideoTracks(): FakeTrack[] {
    return [this.track];
  }
  getTracks(): FakeTrack[] {
    return [this.track];
  }
}

/** A video element whose presented frames the test emits with chosen times. */
class FakeVideo {
  muted = false;
  playsInline = false;
  srcObject: unknown = null;
  videoWidth = 640;
  videoHeight = 480;
  private callbacks = new Map<number, VideoFrameRequestCallback>();
  private nextHandle = 1;
  async play(): Promise<void> {}
  requestVideoFrameCallback(callback: VideoFrameRequestCallback): number {
    const handle = this.nextHandle++;
    this.callbacks.set(handle, callback);
    return handle;
  }
  cancelVideoFrameCallback(handle: number): void {
    this.callbacks.delete(handle);
  }
  remove(): void {}
  /** Presents a frame: `now` is the callback time, `captureTime` what the camera says. */
  present(now: number, captureTime?: number): void {
    const pending = [...this.callbacks.values()];
    this.callbacks.clear();
    const metadata = { presentationTime: now, expectedDisplayTime: now, width: 640, height: 480, mediaTime: 0, presentedFrames: 0, ...(captureTime === undefined ? {} : { captureTime }) };
    for (const callback of pending) callback(now, metadata);
  }
  get waiting(): number {
    return this.callbacks.size;
  }
}

class FakeBitmap {
  readonly width = 640;
  readonly height = 480;
  closed = false;
  close(): void {
    this.closed = true;
  }
}

function fakeDevices(getUserMedia: () => Promise<FakeStream>): MediaDevices {
  return { getUserMedia, enumerateDevices: async () => [] } as unknown as MediaDevices;
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

async function openCamera(): Promise<{ source: CameraSource; video: FakeVideo; stream: FakeStream }> {
  const stream = new FakeStream();
  const video = new FakeVideo();
  const source = await CameraSource.open({ video: video as unknown as HTMLVideoElement, mediaDevices: fakeDevices(async () => stream) });
  return { source, video, stream };
}

/** Asks for the next frame, lets the camera present one (callback time, capture time) and gives the frame's time. */
async function presentNext(source: CameraSource, video: FakeVideo, callbackMs: number, captureMs?: number): Promise<number | undefined> {
  const next = source.nextFrame();
  await flush();
  video.present(callbackMs, captureMs);
  return (await next)?.tMs;
}

beforeEach(() => {
  vi.stubGlobal('createImageBitmap', async () => new FakeBitmap());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CameraSource frame loop', () => {
  it('gives frames with strictly increasing times, waiting past frames that do not move time forward', async () => {
    const { source, video } = await openCamera();
    expect(await presentNext(source, video, 100, 95)).toBe(95);
    expect(await presentNext(source, video, 133, 128)).toBe(128);

    const third = source.nextFrame();
    await flush();
    video.present(150, 128); // same capture time: the same frame again
    await flush();
    expect(video.waiting).toBe(1);
    video.present(166, 120); // older than the last frame
    await flush();
    expect(video.waiting).toBe(1);
    video.present(200, 161);
    expect((await third)?.tMs).toBe(161);
    source.close();
  });

  it('uses the callback time when the capture time is missing or not plausible', async () => {
    const { source, video } = await openCamera();
    expect(await presentNext(source, video, 1000)).toBe(1000);
    expect(await presentNext(source, video, 1033, -5_000_000)).toBe(1033);
    source.close();
  });

  it('ends with a camera-ended failure when the track ends by itself', async () => {
    const { source, stream } = await openCamera();
    const next = source.nextFrame();
    await flush();
    stream.track.unplug();
    expect(await next).toBeNull();
    expect(source.failure?.code).toBe('camera-ended');
  });

  it('stops the tracks and detaches the stream on close, and returns no more frames', async () => {
    const { source, video, stream } = await openCamera();
    expect(video.srcObject).toBe(stream);
    const next = source.nextFrame();
    await flush();
    source.close();
    expect(await next).toBeNull();
    expect(stream.track.readyState).toBe('ended');
    expect(video.srcObject).toBeNull();
    expect(await source.nextFrame()).toBeNull();
    expect(source.failure).toBeNull();
    source.close();
  });
});

describe('CameraSource.open errors', () => {
  it.each([
    ['NotAllowedError', 'camera-denied'],
    ['NotFoundError', 'camera-not-found'],
    ['NotReadableError', 'camera-in-use'],
  ] as const)('turns %s into %s', async (name, code) => {
    const devices = fakeDevices(() => Promise.reject(new DOMException('refused', name)));
    const error: unknown = await CameraSource.open({ video: new FakeVideo() as unknown as HTMLVideoElement, mediaDevices: devices }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VisionError);
    expect((error as VisionError).code).toBe(code);
  });

  it('says when the browser has no camera API', async () => {
    const error: unknown = await CameraSource.open({ mediaDevices: {} as MediaDevices }).catch((e: unknown) => e);
    expect((error as VisionError).code).toBe('camera-unsupported');
  });
});
