import type { FrameObservation } from '../../src/core/landmarks';
import { createLandmarker, type LandmarkerKind, type PoseModel, type VideoLandmarker } from '../../src/vision/landmarkers';
import type { SourceFrame } from '../../src/vision/frame-source';
import { combineDetections } from '../../src/vision/to-observation';
import { loadVisionWasm, type VisionWasm } from '../../src/vision/vision-wasm';

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

const KINDS: readonly LandmarkerKind[] = ['pose', 'face'];

function createKind(kind: LandmarkerKind, wasm: VisionWasm, poseModel: PoseModel): Promise<VideoLandmarker> {
  return createLandmarker({ kind, poseModel, delegate: 'CPU' }, wasm);
}

/** Checks once that each model loads; a missing one is reported and left out. */
/** The full pose model (the more accurate) unless asked for the live coach's lite. */
export async function createDetectorFactory(wasmBaseUrl = '/wasm/', poseModel: PoseModel = 'full'): Promise<DetectorFactory> {
  const wasm = await loadVisionWasm(new URL(wasmBaseUrl, globalThis.location.href).href);
  const warnings: string[] = [];
  const available: LandmarkerKind[] = [];
  for (const kind of KINDS) {
    try {
      (await createKind(kind, wasm, poseModel)).close();
      available.push(kind);
    } catch (error) {
      warnings.push(`the ${kind} landmarker is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    landmarkers: available,
    warnings,
    async create(): Promise<ObservationDetector> {
      const landmarkers = await Promise.all(available.map((kind) => createKind(kind, wasm, poseModel)));
      return {
        detect(frame) {
          const detections = landmarkers.map((landmarker) => landmarker.detect(frame.image, frame.tMs));
          return combineDetections(frame, detections);
        },
        close() {
          for (const landmarker of landmarkers) landmarker.close();
        },
      };
    },
  };
}
