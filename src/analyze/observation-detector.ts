import { FaceLandmarker, FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { FrameObservation } from '../core/landmarks';
import { fetchModelBytes } from '../vision/model-bytes';
import { combineDetections, faceDetectionFromResult, poseDetectionFromResult } from '../vision/to-observation';

/**
 * TEMPORARY until src/vision/landmarkers.ts (live-pipeline engineer) is committed: the pose and
 * face landmarkers in this page, VIDEO mode, CPU, results as FrameObservations.
 */
export interface ObservationDetector {
  /** `tMs` must strictly increase for one detector. */
  detect(image: ImageBitmap, tMs: number): FrameObservation;
  close(): void;
}

export interface DetectorFactory {
  readonly landmarkers: readonly string[];
  readonly warnings: readonly string[];
  /** A fresh detector (no tracking state carried over from another file). */
  create(): Promise<ObservationDetector>;
}

const POSE_MODEL_URL = '/models/pose_landmarker_full.task';
const FACE_MODEL_URL = '/models/face_landmarker.task';

async function tryFetch(url: string, warnings: string[]): Promise<Uint8Array | null> {
  try {
    return await fetchModelBytes(url);
  } catch (error) {
    warnings.push(error instanceof Error ? error.message : String(error));
    return null;
  }
}

export async function createDetectorFactory(): Promise<DetectorFactory> {
  const fileset = await FilesetResolver.forVisionTasks('/wasm');
  const warnings: string[] = [];
  const poseBytes = await tryFetch(POSE_MODEL_URL, warnings);
  const faceBytes = await tryFetch(FACE_MODEL_URL, warnings);
  const landmarkers = [...(poseBytes ? ['pose'] : []), ...(faceBytes ? ['face'] : [])];
  return {
    landmarkers,
    warnings,
    async create(): Promise<ObservationDetector> {
      const pose = poseBytes
        ? await PoseLandmarker.createFromOptions(fileset, {
            baseOptions: { modelAssetBuffer: poseBytes, delegate: 'CPU' },
            runningMode: 'VIDEO',
            numPoses: 1,
          })
        : null;
      const face = faceBytes
        ? await FaceLandmarker.createFromOptions(fileset, {
            baseOptions: { modelAssetBuffer: faceBytes, delegate: 'CPU' },
            runningMode: 'VIDEO',
            numFaces: 1,
            outputFacialTransformationMatrixes: true,
          })
        : null;
      return {
        detect(image, tMs) {
          const poseDetection = pose ? poseDetectionFromResult(pose.detectForVideo(image, tMs)) : null;
          const faceDetection = face ? faceDetectionFromResult(face.detectForVideo(image, tMs)) : null;
          return combineDetections({ tMs, width: image.width, height: image.height }, [poseDetection, faceDetection]);
        },
        close() {
          pose?.close();
          face?.close();
        },
      };
    },
  };
}
