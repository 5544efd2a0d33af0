import type { CameraSide } from '../../src/core/protocol/camera-side';
import type { FrameSource } from '../../src/vision/frame-source';
import { HeadUpSource } from '../../src/vision/head-up-source';
import { httpRangeByteSource, type ByteSource } from '../../src/vision/recorded/byte-source';
import { openRecordedSource, type RecordedSource } from '../../src/vision/recorded/open-recorded-source';
import { RecordedSourceError } from '../../src/vision/recorded/recorded-source-error';
import type { AnalyzerNextResult, AnalyzerOpenResult, AnalyzerSetup, AtlasAnalyzer } from './analyzer-protocol';
import type { DetectorFactory, ObservationDetector } from './observation-detector';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One file at a time: a recorded source feeding fresh landmarkers, one observation per call. */
export class AnalyzerSession implements AtlasAnalyzer {
  readonly ready: Promise<AnalyzerSetup>;
  private readonly factory: Promise<DetectorFactory>;
  private source: RecordedSource | null = null;
  /** The source the landmarkers read: `source`, turned head-up when asked (HeadUpSource). */
  private frames: FrameSource | null = null;
  private detector: ObservationDetector | null = null;

  constructor(factory: Promise<DetectorFactory>) {
    this.factory = factory;
    this.ready = factory.then((f) => ({ landmarkers: f.landmarkers, warnings: f.warnings }));
  }

  async open(url: string, headUp: CameraSide | null = null): Promise<AnalyzerOpenResult> {
    this.closeFile();
    let bytes: ByteSource;
    try {
      // Read by ranges: a large video stays on disk and is never held whole by the page.
      bytes = await httpRangeByteSource(url);
    } catch (error) {
      return { ok: false, code: 'fetch', message: message(error) };
    }
    try {
      const source = await openRecordedSource(bytes);
      this.source = source;
      this.frames = new HeadUpSource(source, headUp);
      this.detector = await (await this.factory).create();
      return source.kind === 'video'
        ? {
            ok: true,
            kind: 'video',
            width: source.info.width,
            height: source.info.height,
            announcedFrames: source.info.sampleCount,
            codec: source.info.config.codec,
          }
        : { ok: true, kind: 'image', width: source.width, height: source.height, announcedFrames: 1, codec: null };
    } catch (error) {
      this.closeFile();
      if (error instanceof RecordedSourceError) return { ok: false, code: error.code, message: error.message };
      return { ok: false, code: 'corrupt', message: message(error) };
    }
  }

  async next(): Promise<AnalyzerNextResult> {
    const source: FrameSource | null = this.frames;
    const detector = this.detector;
    if (!source || !detector) return { type: 'end', missingFrames: 0, damagedSegments: 0 };
    let frame;
    try {
      frame = await source.nextFrame();
    } catch (error) {
      const code = error instanceof RecordedSourceError ? error.code : 'corrupt';
      return { type: 'error', code, message: message(error) };
    }
    if (!frame) {
      const video = this.source?.kind === 'video' ? this.source : null;
      return { type: 'end', missingFrames: video?.missingSamples ?? 0, damagedSegments: video?.damagedSegments ?? 0 };
    }
    try {
      return { type: 'frame', observation: detector.detect(frame) };
    } catch (error) {
      return { type: 'error', code: 'inference', message: message(error) };
    } finally {
      frame.image.close();
    }
  }

  closeFile(): void {
    // Closes the recorded source too.
    (this.frames ?? this.source)?.close();
    this.frames = null;
    this.source = null;
    this.detector?.close();
    this.detector = null;
  }
}
