import type { FaceLandmarkerResult, PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import type { FaceObservation, FrameObservation, Landmark, PoseObservation } from '../core/landmarks';
import { packPoints } from '../core/packed-points';

/** One landmarker's findings in one frame (people in MediaPipe's order). */
export type LandmarkerDetection =
  | { readonly kind: 'pose'; readonly poses: readonly PoseObservation[] }
  | { readonly kind: 'face'; readonly faces: readonly FaceObservation[] };

/** The subset of tasks-vision's landmark shape that we read (NormalizedLandmark and Landmark). */
interface RawLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility?: number;
}

/** Plain copies: MediaPipe's objects are fine to clone, but we keep only the documented fields. */
function toLandmark(raw: RawLandmark): Landmark {
  // tasks-vision reports visibility 0 for face points (the field exists but means nothing there).
  return raw.visibility === undefined
    ? { x: raw.x, y: raw.y, z: raw.z }
    : { x: raw.x, y: raw.y, z: raw.z, visibility: raw.visibility };
}

export function poseDetectionFromResult(result: PoseLandmarkerResult): LandmarkerDetection {
  const poses = result.landmarks.map((landmarks, i): PoseObservation => {
    const world = result.worldLandmarks[i];
    return {
      landmarks: landmarks.map(toLandmark),
      worldLandmarks: world ? world.map(toLandmark) : null,
    };
  });
  return { kind: 'pose', poses };
}

export function faceDetectionFromResult(result: FaceLandmarkerResult): LandmarkerDetection {
  const matrices = result.facialTransformationMatrixes ?? [];
  const faces = result.faceLandmarks.map((landmarks, i): FaceObservation => {
    const matrix = matrices[i];
    // Passed through as MediaPipe lays it out (column-major, see core/landmarks.ts).
    const usable = matrix !== undefined && matrix.rows === 4 && matrix.columns === 4 && matrix.data.length === 16;
    return { points: packPoints(landmarks), matrix: usable ? Array.from(matrix.data) : null };
  });
  return { kind: 'face', faces };
}

/**
 * One frame's observation from the detections of the landmarkers that ran on it. A landmarker that
 * did not run (or was skipped) contributes nothing: its list stays empty.
 */
export function combineDetections(
  frame: { readonly tMs: number; readonly width: number; readonly height: number },
  detections: readonly (LandmarkerDetection | null)[],
): FrameObservation {
  const faces: FaceObservation[] = [];
  const poses: PoseObservation[] = [];
  for (const detection of detections) {
    if (detection === null) continue;
    if (detection.kind === 'face') faces.push(...detection.faces);
    else poses.push(...detection.poses);
  }
  return { tMs: frame.tMs, imageWidth: frame.width, imageHeight: frame.height, faces, poses };
}
