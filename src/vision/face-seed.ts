import type { PoseObservation } from '../core/landmarks';

/** BlazePose's face points: nose, eyes (inner, centre, outer), ears, mouth corners (indices 0–10). */
const POSE_FACE_POINTS = 11;

/**
 * Where the body landmarker found the followed person's face: BlazePose's eleven face points,
 * normalised to the frame the face landmarker is given (x right, y down, 0..1).
 *
 * Why: BlazeFace (short range), the face detector of both backends, looks at the whole frame
 * shrunk to 128 px: in a 640 px frame it found a face whose eyes and mouth were 30 px apart (the
 * scanned head 1.1 m from a 50° camera) and missed one 26 px apart (1.4 m, the distance that shows
 * arms held out), which BlazePose still finds. TF.js's
 * face landmarker then runs its detector again on a crop around these points, where the face is
 * large (face_landmarks_from_pose in MediaPipe Holistic, whose face is found the same way).
 */
export interface FaceSeed {
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The face points of the first body (the one followed), or null when there is none or a point is not finite. */
export function faceSeedFrom(poses: readonly PoseObservation[]): FaceSeed | null {
  const landmarks = poses[0]?.landmarks;
  if (!landmarks || landmarks.length < POSE_FACE_POINTS) return null;
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < POSE_FACE_POINTS; i++) {
    const p = landmarks[i];
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return null;
    points.push({ x: p.x, y: p.y });
  }
  return { points };
}

/** What arrives over postMessage: a seed, or null. */
export function isFaceSeedOrNull(value: unknown): value is FaceSeed | null {
  if (value === null) return true;
  if (typeof value !== 'object' || !('points' in value) || !Array.isArray(value.points)) return false;
  const points: readonly unknown[] = value.points;
  return (
    points.length === POSE_FACE_POINTS &&
    points.every((p) => typeof p === 'object' && p !== null && 'x' in p && 'y' in p && Number.isFinite(p.x) && Number.isFinite(p.y))
  );
}
