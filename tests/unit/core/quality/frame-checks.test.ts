import { describe, expect, it } from 'vitest';
import type { FaceObservation, Landmark, PoseObservation } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { DEFAULT_QUALITY_OPTIONS, QUALITY_PROBLEMS, checkFrame, type FrameVerdict } from '../../../../src/core/quality';
import { emptyFrame, face, frame, personFrame, pose } from './quality-frames';
import { POINT_STRIDE, unpackPoints } from '../../../../src/core/packed-points';
import { CANONICAL_FACE_POINTS, FACE_MESH_POINT_COUNT } from '../../../../src/core/head-pose/canonical-face';
import { estimateHeadPose } from '../../../../src/core/head-pose/estimate-head-pose';
import { syntheticBody, syntheticFace, syntheticFrame } from '../head-pose/synthetic-subject';

const OPTIONS = DEFAULT_QUALITY_OPTIONS;

function reasonOf(verdict: FrameVerdict): string | null {
  return verdict.ok ? null : verdict.reason;
}

function withFacePoint(base: FaceObservation, index: number, point: Landmark): FaceObservation {
  const points = base.points.slice();
  points.set([point.x, point.y, point.z], POINT_STRIDE * index);
  return { ...base, points };
}

function withPosePoint(base: PoseObservation, index: number, point: Landmark): PoseObservation {
  const landmarks = base.landmarks.slice();
  landmarks[index] = point;
  return { ...base, landmarks };
}

describe('checkFrame', () => {
  it('one person with a face and a body is fine', () => {
    expect(checkFrame(personFrame(0), OPTIONS)).toEqual({ ok: true });
  });

  it('a body alone with the hands away from the head is fine (the body carries the head pose)', () => {
    expect(checkFrame(frame(0, [], [pose()]), OPTIONS)).toEqual({ ok: true });
  });

  it('nobody: no landmarks at all, or a body whose head and shoulders are all invisible', () => {
    expect(reasonOf(checkFrame(emptyFrame(0), OPTIONS))).toBe(QUALITY_PROBLEMS.noPerson);
    expect(reasonOf(checkFrame(frame(0, [], [pose({}, 0.1)]), OPTIONS))).toBe(QUALITY_PROBLEMS.noPerson);
  });

  it('two faces or two bodies are several people', () => {
    expect(reasonOf(checkFrame(frame(0, [face(), face({ cx: 0.2 })], [pose()]), OPTIONS))).toBe(QUALITY_PROBLEMS.severalPeople);
    expect(reasonOf(checkFrame(frame(0, [face()], [pose(), pose({ cx: 0.2 })]), OPTIONS))).toBe(QUALITY_PROBLEMS.severalPeople);
  });

  it('face lost while a hand is at the head: occluded; the same hand with the face still found is fine', () => {
    const handAtNose = { rightHand: { x: 0.52, y: 0.37 } };
    expect(reasonOf(checkFrame(frame(0, [], [pose(handAtNose)]), OPTIONS))).toBe(QUALITY_PROBLEMS.faceOccluded);
    expect(checkFrame(frame(0, [face(handAtNose)], [pose(handAtNose)]), OPTIONS)).toEqual({ ok: true });
  });

  it('a hand BlazePose places at the face but barely sees (no hand in view) does not occlude it', () => {
    const handAtNose = { rightHand: { x: 0.52, y: 0.37 } };
    const faintHand = (visibility: number) => {
      const body = pose(handAtNose);
      const hand: readonly number[] = [POSE.rightWrist, POSE.rightIndex, POSE.rightPinky, POSE.rightThumb];
      const landmarks = body.landmarks.map((point, index) => (hand.includes(index) ? { ...point, visibility } : point));
      return frame(0, [], [{ ...body, landmarks }]);
    };
    expect(checkFrame(faintHand(0.55), OPTIONS)).toEqual({ ok: true });
    expect(reasonOf(checkFrame(faintHand(0.8), OPTIONS))).toBe(QUALITY_PROBLEMS.faceOccluded);
  });

  it('during a hand-on-head exercise (handAtFaceExpected) a hidden face is not a problem', () => {
    const handAtNose = { rightHand: { x: 0.52, y: 0.37 } };
    expect(checkFrame(frame(0, [], [pose(handAtNose)]), { ...OPTIONS, handAtFaceExpected: true })).toEqual({ ok: true });
  });

  it('a hand a shoulder width away from the nose does not occlude the face', () => {
    // Shoulders are 0.3 image widths apart = 0.4 image heights at 4:3; the hand is 0.45 heights away.
    expect(checkFrame(frame(0, [], [pose({ rightHand: { x: 0.5, y: 0.8 } })]), OPTIONS)).toEqual({ ok: true });
  });

  const garbage: readonly [string, ReturnType<typeof personFrame>][] = [
    ['NaN timestamp', personFrame(Number.NaN)],
    ['infinite timestamp', personFrame(Number.POSITIVE_INFINITY)],
    ['zero image width', { ...personFrame(0), imageWidth: 0 }],
    ['NaN image height', { ...personFrame(0), imageHeight: Number.NaN }],
    ['NaN face landmark', frame(0, [withFacePoint(face(), 10, { x: Number.NaN, y: 0.4, z: 0 })], [pose()])],
    ['infinite face depth', frame(0, [withFacePoint(face(), 10, { x: 0.5, y: 0.4, z: Number.POSITIVE_INFINITY })], [pose()])],
    ['huge pose coordinate', frame(0, [face()], [withPosePoint(pose(), POSE.nose, { x: 1e9, y: 0.4, z: 0, visibility: 1 })])],
    ['NaN visibility', frame(0, [face()], [withPosePoint(pose(), POSE.nose, { x: 0.5, y: 0.4, z: 0, visibility: Number.NaN })])],
    ['truncated face mesh', frame(0, [{ ...face(), points: face().points.slice(0, POINT_STRIDE * 100) }], [pose()])],
    ['truncated pose', frame(0, [face()], [{ ...pose(), landmarks: pose().landmarks.slice(0, 12) }])],
    ['a hole in the face mesh', frame(0, [withFacePoint(face(), (CANONICAL_FACE_POINTS[5] as { index: number }).index, { x: Number.NaN, y: Number.NaN, z: Number.NaN })], [])],
    ['face points not packed', frame(0, [{ ...face(), points: unpackPoints(face().points) as unknown as Float32Array }], [])],
    ['face without points', frame(0, [{ matrix: null } as unknown as FaceObservation], [])],
    ['matrix of 15 numbers', frame(0, [{ ...face(), matrix: new Array<number>(15).fill(0) }], [])],
    ['matrix with NaN', frame(0, [{ ...face(), matrix: [...new Array<number>(15).fill(0), Number.NaN] }], [])],
    // A sparse array's hole is skipped by `every`, and read as undefined (NaN) by the estimator.
    ['matrix with a hole', frame(0, [{ ...face(), matrix: sparseMatrix() }], [])],
    ['matrix with a string', frame(0, [{ ...face(), matrix: ['1', ...new Array<number>(15).fill(0)] as unknown as number[] }], [])],
    ['world landmarks with Infinity', frame(0, [], [{ ...pose(), worldLandmarks: pose().landmarks.map((p) => ({ ...p, x: Number.NEGATIVE_INFINITY })) }])],
  ];
  function sparseMatrix(): number[] {
    const matrix = new Array<number>(16).fill(0);
    delete matrix[5];
    return matrix;
  }
  it.each(garbage)('garbage is invalid data, with a detail: %s', (_name, bad) => {
    const verdict = checkFrame(bad, OPTIONS);
    expect(reasonOf(verdict)).toBe(QUALITY_PROBLEMS.invalidData);
    expect(verdict.ok ? '' : verdict.detail).not.toBe('');
  });

  it('garbage in a face point the core does not read passes the gate and changes no angle', () => {
    const read = new Set(CANONICAL_FACE_POINTS.map((p) => p.index));
    const unread = Array.from({ length: FACE_MESH_POINT_COUNT }, (_, i) => i).filter((i) => !read.has(i));
    expect(unread.length).toBe(FACE_MESH_POINT_COUNT - CANONICAL_FACE_POINTS.length);
    const pose = { head: { yawDeg: 25, pitchDeg: -10, rollDeg: 5 } };
    const clean = syntheticFrame(0, [syntheticFace(pose)], [syntheticBody(pose)]);
    const expected = estimateHeadPose(clean);
    expect(expected.head).not.toBeNull();
    for (const index of unread) {
      const dirty = { ...clean, faces: [withFacePoint(clean.faces[0] as FaceObservation, index, { x: Number.NaN, y: 1e9, z: Number.NEGATIVE_INFINITY })] };
      expect(checkFrame(dirty, OPTIONS)).toEqual({ ok: true });
      expect(estimateHeadPose(dirty)).toEqual(expected);
    }
  });

  it('world landmarks are checked where the core reads them: the shoulders', () => {
    const world = (fill: (index: number) => Landmark) => frame(0, [], [{ ...pose(), worldLandmarks: pose().landmarks.map((_, index) => fill(index)) }]);
    const metres = { x: 0.1, y: -0.4, z: 0.05 };
    const hole = { x: Number.NaN, y: 0, z: 0 };
    const shoulders: readonly number[] = [POSE.leftShoulder, POSE.rightShoulder];
    expect(checkFrame(world(() => metres), OPTIONS)).toEqual({ ok: true });
    expect(checkFrame(world((index) => (shoulders.includes(index) ? metres : hole)), OPTIONS)).toEqual({ ok: true });
    expect(reasonOf(checkFrame(world((index) => (index === POSE.rightShoulder ? hole : metres)), OPTIONS))).toBe(QUALITY_PROBLEMS.invalidData);
  });

  it('points slightly outside the image (a hand off screen) are not garbage', () => {
    const offScreen = withPosePoint(pose(), POSE.leftWrist, { x: 1.3, y: -0.2, z: 0.1, visibility: 0.2 });
    expect(checkFrame(frame(0, [face()], [offScreen]), OPTIONS)).toEqual({ ok: true });
  });
});
