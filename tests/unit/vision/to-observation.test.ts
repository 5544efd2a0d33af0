import type { FaceLandmarkerResult, PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import { describe, expect, it } from 'vitest';
import { combineDetections, faceDetectionFromResult, poseDetectionFromResult } from '../../../src/vision/to-observation';

const POSE_POINTS = 33;
const FACE_POINTS = 478;

function points(count: number, seed: number, visibility?: number) {
  return Array.from({ length: count }, (_, i) => ({ x: (seed + i) / 1000, y: (seed + 2 * i) / 1000, z: -i / 1000, visibility: visibility ?? 0 }));
}

function poseResult(people: number): PoseLandmarkerResult {
  const result = {
    landmarks: Array.from({ length: people }, (_, p) => points(POSE_POINTS, p * 100, 0.9)),
    worldLandmarks: Array.from({ length: people }, (_, p) => points(POSE_POINTS, p * 100 + 7, 0.9)),
    segmentationMasks: undefined,
    close: () => undefined,
  };
  return result as unknown as PoseLandmarkerResult;
}

function faceResult(matrices: { rows: number; columns: number; data: number[] }[], people: number): FaceLandmarkerResult {
  const result = {
    faceLandmarks: Array.from({ length: people }, (_, p) => points(FACE_POINTS, p * 100)),
    faceBlendshapes: [],
    facialTransformationMatrixes: matrices,
  };
  return result as unknown as FaceLandmarkerResult;
}

const IDENTITY_4X4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -50, 1];

describe('poseDetectionFromResult', () => {
  it('keeps every person, their 33 points with visibility, and their world points', () => {
    const detection = poseDetectionFromResult(poseResult(2));
    if (detection.kind !== 'pose') throw new Error('expected a pose detection');
    expect(detection.poses).toHaveLength(2);
    const second = detection.poses[1];
    expect(second?.landmarks).toHaveLength(POSE_POINTS);
    expect(second?.landmarks[5]).toEqual({ x: 0.105, y: 0.11, z: -0.005, visibility: 0.9 });
    expect(second?.worldLandmarks?.[1]).toEqual({ x: 0.108, y: 0.109, z: -0.001, visibility: 0.9 });
  });

  it('gives no poses when nobody is there', () => {
    expect(poseDetectionFromResult(poseResult(0))).toEqual({ kind: 'pose', poses: [] });
  });
});

describe('faceDetectionFromResult', () => {
  it('keeps the points (without the meaningless visibility) and the matrix as laid out by MediaPipe', () => {
    const detection = faceDetectionFromResult(faceResult([{ rows: 4, columns: 4, data: IDENTITY_4X4 }], 1));
    if (detection.kind !== 'face') throw new Error('expected a face detection');
    const face = detection.faces[0];
    expect(face?.points).toHaveLength(3 * FACE_POINTS);
    // Packed as float32, as the model gave them.
    expect(Array.from(face?.points.subarray(3, 6) ?? [])).toEqual([Math.fround(0.001), Math.fround(0.002), Math.fround(-0.001)]);
    expect(face?.matrix).toEqual(IDENTITY_4X4);
  });

  it('gives a null matrix when MediaPipe gave none or a malformed one', () => {
    const detection = faceDetectionFromResult(faceResult([{ rows: 3, columns: 3, data: [1, 0, 0, 0, 1, 0, 0, 0, 1] }], 2));
    if (detection.kind !== 'face') throw new Error('expected a face detection');
    expect(detection.faces.map((f) => f.matrix)).toEqual([null, null]);
  });
});

describe('combineDetections', () => {
  it('merges the landmarkers of one frame and keeps the frame time and size', () => {
    const pose = poseDetectionFromResult(poseResult(1));
    const face = faceDetectionFromResult(faceResult([{ rows: 4, columns: 4, data: IDENTITY_4X4 }], 1));
    const observation = combineDetections({ tMs: 1234.5, width: 640, height: 360 }, [pose, null, face]);
    expect(observation.tMs).toBe(1234.5);
    expect([observation.imageWidth, observation.imageHeight]).toEqual([640, 360]);
    expect(observation.poses).toHaveLength(1);
    expect(observation.faces).toHaveLength(1);
  });
});
