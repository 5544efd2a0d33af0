import type { FrameObservation } from '../../src/core/landmarks';
import type { LandmarkerKind, VideoLandmarker } from '../../src/vision/landmarkers';
import type { SourceFrame } from '../../src/vision/frame-source';
import { faceSeedFrom, type FaceSeed } from '../../src/vision/face-seed';
import { combineDetections, type LandmarkerDetection } from '../../src/vision/to-observation';

/** The pose and face landmarkers of the app, run on this page's thread (no worker needed here). */
export interface ObservationDetector {
  /** Observation of one frame; `frame.tMs` must strictly increase for one detector. Does not close the image. */
  detect(frame: SourceFrame): FrameObservation;
  close(): void;
}

export interface DetectorFactory {
  readonly landmarkers: readonly LandmarkerKind[];
  readonly warnings: readonly string[];
  /** A fresh detector: no tracking state carried over from another file, so results never depend on file order. */
  create(): Promise<ObservationDetector>;
}

/** Makes one landmarker of a backend (landmarker-backends.ts). */
export type LandmarkerMaker = (kind: LandmarkerKind) => Promise<VideoLandmarker>;

/** The body before the face: the face is seeded by the body of the same frame. */
const KINDS: readonly LandmarkerKind[] = ['pose', 'face'];

/** Checks once that each model loads; a missing one is reported and left out. */
export async function createDetectorFactory(make: LandmarkerMaker): Promise<DetectorFactory> {
  const warnings: string[] = [];
  const available: LandmarkerKind[] = [];
  for (const kind of KINDS) {
    try {
      (await make(kind)).close();
      available.push(kind);
    } catch (error) {
      warnings.push(`the ${kind} landmarker is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    landmarkers: available,
    warnings,
    async create(): Promise<ObservationDetector> {
      const landmarkers = await Promise.all(available.map((kind) => make(kind)));
      return {
        detect(frame) {
          // The body first: its face points seed the face landmarker (face-seed.ts), as the live
          // pipeline seeds it with the latest body.
          const detections: (LandmarkerDetection | null)[] = [];
          let seed: FaceSeed | null = null;
          for (const landmarker of landmarkers) {
            const detection = landmarker.detect(frame.image, frame.tMs, landmarker.kind === 'face' ? seed : null);
            if (detection?.kind === 'pose') seed = faceSeedFrom(detection.poses);
            detections.push(detection);
          }
          return combineDetections(frame, detections);
        },
        close() {
          for (const landmarker of landmarkers) landmarker.close();
        },
      };
    },
  };
}
