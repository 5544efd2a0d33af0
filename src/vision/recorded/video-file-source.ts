import type { FrameSource, SourceFrame } from '../frame-source';
import type { ByteSource } from './byte-source';
import { Mp4Demuxer, type DemuxedVideoInfo } from './mp4-demuxer';
import { isNextPresentedTime } from './presentation-time';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';

/** Encoded chunks allowed in the decoder's queue before we wait for it. */
const MAX_DECODE_QUEUE = 4;

/** Lets the decoder's output callbacks (tasks) run, without setTimeout's 4 ms clamp. */
function yieldToTasks(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Every frame of a video file, in presentation order, at its exact presentation time: an mp4
 * demuxer (container timestamps, edit list applied) feeding a WebCodecs VideoDecoder. Not real
 * time: the next frame is decoded when asked for. Runs in the browser alone (a File from an
 * <input> works as well as a URL read by ranges: see byte-source.ts).
 */
export class VideoFileSource implements FrameSource {
  readonly kind = 'video' as const;
  readonly info: DemuxedVideoInfo;
  private readonly demuxer: Mp4Demuxer;
  private decoder: VideoDecoder;
  /** After a decoding error: delta chunks are dropped until the next key frame. */
  private waitingForKeyFrame = false;
  private readonly decoded: VideoFrame[] = [];
  private decodeError: DOMException | null = null;
  private lastTimeUs: number | null = null;
  private inputEnded = false;
  private flushed = false;
  private closed = false;
  /** Frames the decoder gave that were not shown (before the edit start, or repeated times). */
  skippedFrames = 0;
  /** Damaged stretches skipped (decoder errors recovered from at the next key frame). */
  damagedSegments = 0;

  private constructor(demuxer: Mp4Demuxer) {
    this.demuxer = demuxer;
    this.info = demuxer.info;
    this.decoder = this.createDecoder();
  }

  private createDecoder(): VideoDecoder {
    const decoder = new VideoDecoder({
      output: (frame) => this.decoded.push(frame),
      error: (error) => {
        this.decodeError = error;
      },
    });
    decoder.configure(this.info.config);
    return decoder;
  }

  /**
   * A damaged stretch: like a player, start a fresh decoder at the next key frame (the frames in
   * between are lost). Only when the damage is at the very end is the error final.
   */
  private recoverFromDecodeError(): boolean {
    if (this.inputEnded) return false;
    this.decodeError = null;
    if (this.decoder.state !== 'closed') this.decoder.close();
    this.decoder = this.createDecoder();
    this.waitingForKeyFrame = true;
    this.damagedSegments += 1;
    return true;
  }

  static async open(bytes: ByteSource): Promise<VideoFileSource> {
    const demuxer = await Mp4Demuxer.open(bytes);
    const support = await VideoDecoder.isConfigSupported(demuxer.info.config).catch(() => null);
    if (!support?.supported) {
      demuxer.close();
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.unsupportedCodec,
        `This browser cannot decode the video's codec (${demuxer.info.config.codec}).`,
      );
    }
    return new VideoFileSource(demuxer);
  }

  /** Samples the container announced that the file did not contain (a truncated file). */
  get missingSamples(): number {
    return this.demuxer.missingSamples;
  }

  async nextFrame(): Promise<SourceFrame | null> {
    for (;;) {
      if (this.closed) return null;
      if (this.decodeError && !this.recoverFromDecodeError()) {
        throw new RecordedSourceError(
          RECORDED_SOURCE_ERROR_CODES.corrupt,
          `The video could not be decoded (${this.decodeError.message}).`,
        );
      }
      const frame = this.decoded.shift();
      if (frame) {
        const shown = await this.toSourceFrame(frame);
        if (shown) return shown;
        continue;
      }
      if (!this.inputEnded) {
        await this.feedOneChunk();
      } else if (!this.flushed) {
        this.flushed = true;
        await this.decoder.flush().catch((error: unknown) => {
          this.decodeError = error instanceof DOMException ? error : new DOMException(String(error));
        });
      } else {
        return null;
      }
    }
  }

  private async feedOneChunk(): Promise<void> {
    const sample = await this.demuxer.nextSample();
    if (!sample) {
      this.inputEnded = true;
      return;
    }
    if (this.decoder.state !== 'configured') return;
    if (this.waitingForKeyFrame) {
      if (!sample.key) return;
      this.waitingForKeyFrame = false;
    }
    this.decoder.decode(
      new EncodedVideoChunk({
        type: sample.key ? 'key' : 'delta',
        timestamp: sample.timestampUs,
        duration: sample.durationUs,
        data: sample.data,
      }),
    );
    while (this.decoder.decodeQueueSize > MAX_DECODE_QUEUE && !this.decodeError) await yieldToTasks();
    await yieldToTasks();
  }

  private async toSourceFrame(frame: VideoFrame): Promise<SourceFrame | null> {
    const timeUs = frame.timestamp;
    if (!isNextPresentedTime(timeUs, this.lastTimeUs)) {
      frame.close();
      this.skippedFrames += 1;
      return null;
    }
    this.lastTimeUs = timeUs;
    try {
      const image = await this.displayedImage(frame);
      return { image, tMs: timeUs / 1000, width: image.width, height: image.height };
    } finally {
      frame.close();
    }
  }

  /** The frame as players show it: turned by the container's rotation (never mirrored). */
  private async displayedImage(frame: VideoFrame): Promise<ImageBitmap> {
    const rotation = this.info.rotation;
    if (rotation === 0) return createImageBitmap(frame);
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const sideways = rotation === 90 || rotation === 270;
    const canvas = new OffscreenCanvas(sideways ? height : width, sideways ? width : height);
    const context = canvas.getContext('2d');
    if (!context) return createImageBitmap(frame);
    context.translate(canvas.width / 2, canvas.height / 2);
    context.rotate((rotation * Math.PI) / 180); // canvas angles are clockwise (y points down)
    context.drawImage(frame, -width / 2, -height / 2, width, height);
    return canvas.transferToImageBitmap();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const frame of this.decoded.splice(0)) frame.close();
    if (this.decoder.state !== 'closed') this.decoder.close();
    this.demuxer.close();
  }
}
