import type { ExerciseDefinition } from '../core/protocol/exercise-definition';
import { exerciseCheckability, type ExerciseCheckability, type TrackingCapability } from '../core/reps/exercise-checkability';
import type { LandmarkerBackend, LandmarkerKind } from './landmarkers';

/**
 * What each backend's models give, per landmarker. Both run MediaPipe's networks: FaceMesh for the
 * head, BlazePose (33 points with eyes, mouth corners and depth) for the body. A body model without
 * those (MoveNet's 17 COCO points) would give 'body-points' alone.
 */
const GIVES: Readonly<Record<LandmarkerBackend, Readonly<Record<LandmarkerKind, readonly TrackingCapability[]>>>> = {
  mediapipe: { face: ['head-angles'], pose: ['body-points', 'body-face-points', 'body-depth'] },
  tfjs: { face: ['head-angles'], pose: ['body-points', 'body-face-points', 'body-depth'] },
};

/** What the running landmarkers give: a backend whose pose worker did not start gives no body. */
export function backendCapabilities(backend: LandmarkerBackend, running: readonly LandmarkerKind[]): ReadonlySet<TrackingCapability> {
  return new Set(running.flatMap((kind) => GIVES[backend][kind]));
}

/** Whether `exercise` can be checked on what runs; the other backend (both landmarkers) is the alternative. */
export function exerciseCheckOn(exercise: ExerciseDefinition, backend: LandmarkerBackend, running: readonly LandmarkerKind[]): ExerciseCheckability {
  const other: LandmarkerBackend = backend === 'mediapipe' ? 'tfjs' : 'mediapipe';
  return exerciseCheckability(exercise, backendCapabilities(backend, running), backendCapabilities(other, ['pose', 'face']));
}
