import { cameraEndedError, cameraError, cameraUnsupportedError } from './camera-errors';
import type { FrameImage, FrameSource, SourceFrame } from './frame-source';
import type { VisionError } from './vision-error';

export interface CameraOptions {
  /** A camera from `listCameras()`; default: the browser's choice (usually the user-facing one). */
  readonly deviceId?: string;
  /** Ideal capture size; the camera picks the nearest it supports. Default 640×480. */
  readonly width?: number;
  readonly height?: number;
  /** Ideal frame rate. Default 30. */
  readonly frameRate?: number;
  /**
   * The element that plays the stream (e.g. the one on screen, mirrored by CSS: CSS does not
   * touch the pixels read here). Default: a detached element owned by the source.
   */
  readonly video?: HTMLVideoElement;
  /** Injectable for tests. Default: navigator.mediaDevices. */
  readonly mediaDevices?: MediaDevices;
}

export interface CameraInfo {
  readonly deviceId: string;
  /** Empty until the user has granted camera access once (browsers hide labels before that). */
  readonly label: string;
}

export const DEFAULT_CAMERA_WIDTH = 640;
export const DEFAULT_CAMERA_HEIGHT = 480;
export const DEFAULT_CAMERA_FPS = 30;
/** A capture time further back than this is not trusted (a clock from another origin): use the presentation time. */
const MAX_CAPTURE_AGE_MS = 1000;

export async function listCameras(mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices): Promise<CameraInfo[]> {
  if (!mediaDevices?.enumerateDevices) return [];
  const devices = await mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

export function cameraConstraints(options: CameraOptions): MediaStreamConstraints {
  const video: MediaTrackConstraints = {
    width: { ideal: options.width ?? DEFAULT_CAMERA_WIDTH },
    height: { ideal: options.height ?? DEFAULT_CAMERA_HEIGHT },
    frameRate: { ideal: options.frameRate ?? DEFAULT_CAMERA_FPS },
  };
  if (options.deviceId) video.deviceId = { exact: options.deviceId };
  else video.facingMode = 'user';
  return { audio: false, video };
}

/** Frame time in ms on the performance.now() clock: the capture time when the browser gives a sane one. */
function frameTime(now: number, metadata: VideoFrameCallbackMetadata | null): number {
  const capture = metadata?.captureTime;
  return capture !== undefined && capture <= now && now - capture < MAX_CAPTURE_AGE_MS ? capture : now;
}

/**
 * The frame the video shows. A VideoFrame wraps the camera's buffer without converting it (a
 * createImageBitmap of a 640×480 frame took half the main thread's time, measured with the CPU
 * profiler on the live page); where WebCodecs is missing, or the video has no frame to wrap, an
 * ImageBitmap copy.
 */
async function grabFrame(video: HTMLVideoElement, tMs: number): Promise<FrameImage> {
  if (typeof VideoFrame === 'function') {
    try {
      return new VideoFrame(video, { timestamp: Math.round(tMs * 1000) });
    } catch {
      // InvalidStateError (no decoded frame yet) and the like: the copy below reports the real problem.
    }
  }
  return createImageBitmap(video);
}

/**
 * The webcam as a FrameSource. `nextFrame()` waits for the next frame the video presents
 * (requestVideoFrameCallback) and returns it as an unmirrored ImageBitmap, with strictly increasing
 * times on the performance.now() clock. It returns null once the source is closed or the track has
 * ended (then `failure` says why).
 */
export class CameraSource implements FrameSource {
  readonly kind = 'camera' as const;
  readonly stream: MediaStream;
  readonly video: HTMLVideoElement;
  private readonly ownsVideo: boolean;
  private closed = false;
  private lastTMs = Number.NEGATIVE_INFINITY;
  private endedError: VisionError | null = null;
  private wakeWaiter: (() => void) | null = null;

  private constructor(stream: MediaStream, video: HTMLVideoElement, ownsVideo: boolean) {
    this.stream = stream;
    this.video = video;
    this.ownsVideo = ownsVideo;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', this.onTrackEnded);
    }
  }

  /** Asks for the camera and starts playing it. Throws VisionError ('camera-*'). */
  static async open(options: CameraOptions = {}): Promise<CameraSource> {
    const mediaDevices = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
    if (!mediaDevices?.getUserMedia) throw cameraUnsupportedError();
    let stream: MediaStream;
    try {
      stream = await mediaDevices.getUserMedia(cameraConstraints(options));
    } catch (error) {
      throw cameraError(error);
    }
    const video = options.video ?? document.createElement('video');
    const source = new CameraSource(stream, video, options.video === undefined);
    try {
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
    } catch (error) {
      source.close();
      throw cameraError(error);
    }
    return source;
  }

  /** Set when the track ended by itself (unplugged, permission revoked); null otherwise. */
  get failure(): VisionError | null {
    return this.endedError;
  }

  /** The settings the camera actually chose (size, frame rate, device). */
  get settings(): MediaTrackSettings | null {
    return this.stream.getVideoTracks()[0]?.getSettings() ?? null;
  }

  async nextFrame(): Promise<SourceFrame | null> {
    while (!this.isDone()) {
      const tMs = await this.waitForPresentedFrame();
      if (tMs === null || this.isDone()) return null;
      if (tMs <= this.lastTMs) continue;
      if (this.video.videoWidth === 0 || this.video.videoHeight === 0) continue;
      const { videoWidth: width, videoHeight: height } = this.video;
      const image = await grabFrame(this.video, tMs);
      if (this.isDone()) {
        image.close();
        return null;
      }
      this.lastTMs = tMs;
      return { image, tMs, width, height };
    }
    return null;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const track of this.stream.getTracks()) {
      track.removeEventListener('ended', this.onTrackEnded);
      track.stop();
    }
    if (this.video.srcObject === this.stream) this.video.srcObject = null;
    if (this.ownsVideo) this.video.remove();
    this.wake();
  }

  private isDone(): boolean {
    return this.closed || this.endedError !== null;
  }

  private readonly onTrackEnded = (): void => {
    this.endedError ??= cameraEndedError();
    this.wake();
  };

  private wake(): void {
    const wake = this.wakeWaiter;
    this.wakeWaiter = null;
    wake?.();
  }

  /** The time of the next presented frame, or null when the source stops first. */
  private waitForPresentedFrame(): Promise<number | null> {
    return new Promise<number | null>((resolve) => {
      const video = this.video;
      let handle = 0;
      const usesVideoCallback = typeof video.requestVideoFrameCallback === 'function';
      this.wakeWaiter = () => {
        if (usesVideoCallback) video.cancelVideoFrameCallback(handle);
        else cancelAnimationFrame(handle);
        resolve(null);
      };
      const deliver = (tMs: number): void => {
        this.wakeWaiter = null;
        resolve(tMs);
      };
      if (usesVideoCallback) {
        handle = video.requestVideoFrameCallback((now, metadata) => deliver(frameTime(now, metadata)));
      } else {
        // Browsers without requestVideoFrameCallback: sample at display rate.
        handle = requestAnimationFrame((now) => deliver(now));
      }
    });
  }
}
