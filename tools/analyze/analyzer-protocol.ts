import type { FrameObservation } from '../../src/core/landmarks';
import type { CameraSide } from '../../src/core/protocol/camera-side';
import type { RecordedSourceErrorCode } from '../../src/vision/recorded/recorded-source-error';

/**
 * What analyze.html exposes as `window.atlasAnalyzer` to the headless driver (scripts/analyze.ts).
 * Only numbers and strings cross the boundary: landmarks, never pixels.
 */
export type AnalyzerOpenResult =
  | {
      readonly ok: true;
      readonly kind: 'image' | 'video';
      readonly width: number;
      readonly height: number;
      /** Frames the container announces (video), 1 for an image. */
      readonly announcedFrames: number;
      readonly codec: string | null;
    }
  | { readonly ok: false; readonly code: RecordedSourceErrorCode | 'fetch'; readonly message: string };

export type AnalyzerNextResult =
  | { readonly type: 'frame'; readonly observation: FrameObservation }
  | {
      readonly type: 'end';
      /** Announced samples the file did not contain (truncated file), 0 when complete. */
      readonly missingFrames: number;
      /** Damaged stretches of the video that were skipped (decoding resumed at the next key frame). */
      readonly damagedSegments: number;
    }
  | { readonly type: 'error'; readonly code: RecordedSourceErrorCode | 'inference'; readonly message: string };

export interface AnalyzerSetup {
  /** Models that could be loaded, e.g. ['pose', 'face']. */
  readonly landmarkers: readonly string[];
  readonly warnings: readonly string[];
}

export interface AtlasAnalyzer {
  /** Loads the landmarkers; resolves once they are ready. */
  readonly ready: Promise<AnalyzerSetup>;
  /**
   * Opens a file served by the driver (fresh landmarkers per file: results never depend on the
   * previous file). `headUp`: its frames reach the landmarkers turned head-up for a floor camera on
   * that side (src/vision/head-up-source.ts, as the live coach face down), null as they are.
   */
  open(url: string, headUp: CameraSide | null): Promise<AnalyzerOpenResult>;
  /** The next frame's observation, in presentation order. */
  next(): Promise<AnalyzerNextResult>;
  closeFile(): void;
}

export const ANALYZER_GLOBAL = 'atlasAnalyzer';
/** Query parameter of analyze.html naming the landmark backend (`mediapipe`, the default, or `tfjs`). */
export const BACKEND_PARAM = 'backend';
/** Query parameter of analyze.html naming MediaPipe's pose model (`full` or `lite`). */
export const POSE_MODEL_PARAM = 'pose';
