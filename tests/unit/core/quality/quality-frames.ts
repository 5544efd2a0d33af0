import type { FaceObservation, FrameObservation, Landmark, PoseObservation } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { packPoints } from '../../../../src/core/packed-points';

/** A plausible person facing a 640×480 camera: face centred at (cx, 0.35), shoulders below, hands at the hips. */
export interface PersonPlacement {
  readonly cx?: number;
  readonly cy?: number;
  /** Where the right hand is (default: at the hip); e.g. at the face to occlude it. */
  readonly rightHand?: { readonly x: number; readonly y: number };
}

const FACE_POINTS = 478;
const FACE_RADIUS = 0.08;

export function face(placement: PersonPlacement = {}): FaceObservation {
  const cx = placement.cx ?? 0.5;
  const cy = placement.cy ?? 0.35;
  const landmarks: Landmark[] = Array.from({ length: FACE_POINTS }, (_, i) => {
    const angle = (2 * Math.PI * i) / FACE_POINTS;
    const r = FACE_RADIUS * ((i % 7) / 7);
    return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle), z: 0 };
  });
  return { points: packPoints(landmarks), matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -50, 1] };
}

export function pose(placement: PersonPlacement = {}, visibility = 0.95): PoseObservation {
  const cx = placement.cx ?? 0.5;
  const cy = placement.cy ?? 0.35;
  const landmarks: Landmark[] = Array.from({ length: 33 }, () => ({ x: cx, y: cy + 0.5, z: 0, visibility }));
  const set = (index: number, x: number, y: number): void => {
    landmarks[index] = { x, y, z: 0, visibility };
  };
  set(POSE.nose, cx, cy);
  set(POSE.leftEye, cx + 0.03, cy - 0.03);
  set(POSE.rightEye, cx - 0.03, cy - 0.03);
  set(POSE.leftEar, cx + 0.07, cy);
  set(POSE.rightEar, cx - 0.07, cy);
  set(POSE.leftShoulder, cx + 0.15, cy + 0.25);
  set(POSE.rightShoulder, cx - 0.15, cy + 0.25);
  const rightHand = placement.rightHand ?? { x: cx - 0.18, y: cy + 0.6 };
  for (const index of [POSE.rightWrist, POSE.rightIndex, POSE.rightPinky, POSE.rightThumb]) set(index, rightHand.x, rightHand.y);
  for (const index of [POSE.leftWrist, POSE.leftIndex, POSE.leftPinky, POSE.leftThumb]) set(index, cx + 0.18, cy + 0.6);
  return { landmarks, worldLandmarks: null };
}

export function frame(tMs: number, faces: readonly FaceObservation[], poses: readonly PoseObservation[]): FrameObservation {
  return { tMs, imageWidth: 640, imageHeight: 480, faces, poses };
}

/** One person, face and body. */
export function personFrame(tMs: number, placement: PersonPlacement = {}): FrameObservation {
  return frame(tMs, [face(placement)], [pose(placement)]);
}

export function emptyFrame(tMs: number): FrameObservation {
  return frame(tMs, [], []);
}
