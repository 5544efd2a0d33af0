import { describe, expect, it } from 'vitest';
import type { Landmark, PoseObservation } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { armsRaised } from '../../../../src/core/head-pose/raised-arms';
import { HeadPoseEstimator, RAISED_ARMS_BODY_TRUST } from '../../../../src/core/head-pose/estimate-head-pose';
import { armsOutPose, frontPose } from '../../../../tools/synthetic/synthetic-person';
import { syntheticBody, syntheticFace, syntheticFrame } from './synthetic-subject';

const SIZE = { width: 640, height: 480 };

function pose(landmarks: readonly Landmark[]): PoseObservation {
  return { landmarks, worldLandmarks: null };
}

/** `landmarks` with both elbows moved to `y` (normalised) and seen with `visibility`. */
function elbowsAt(landmarks: readonly Landmark[], y: number, visibility = 0.99): Landmark[] {
  return landmarks.map((p, i) => (i === POSE.leftElbow || i === POSE.rightElbow ? { ...p, y, visibility } : p));
}

describe('armsRaised', () => {
  it('arms held out (elbows level with the shoulders) are raised; arms down are not', () => {
    expect(armsRaised(pose(armsOutPose(0)), SIZE)).toBe(true);
    expect(armsRaised(pose(frontPose()), SIZE)).toBe(false);
  });

  it('an elbow counts from a quarter of the shoulder width below the shoulder line up, only when seen', () => {
    // Shoulders at y 0.5, 0.3 image widths apart: 192 px, a quarter is 48 px = 0.1 image heights.
    expect(armsRaised(pose(elbowsAt(frontPose(), 0.59)), SIZE)).toBe(true);
    expect(armsRaised(pose(elbowsAt(frontPose(), 0.61)), SIZE)).toBe(false);
    expect(armsRaised(pose(elbowsAt(frontPose(), 0.3)), SIZE)).toBe(true);
    expect(armsRaised(pose(elbowsAt(frontPose(), 0.3, 0.2)), SIZE)).toBe(false);
  });

  it('says nothing in a side view (shoulders on top of each other) or without shoulders', () => {
    const side = elbowsAt(frontPose(), 0.5).map((p, i) => (i === POSE.leftShoulder || i === POSE.rightShoulder ? { ...p, x: 0.5 } : p));
    expect(armsRaised(pose(side), SIZE)).toBe(false);
    expect(armsRaised(pose(armsOutPose(0).slice(0, 11)), SIZE)).toBe(false);
  });
});

describe('the body beside a face while the arms are raised', () => {
  // A body reader that over-reads the turn by 20°, as TF.js's did with the arms held out; the face
  // turned 50°, where it is no longer fully trusted, so that the body has a share.
  const overReading = () => () => ({ angles: { yawDeg: 70, pitchDeg: 0, rollDeg: 0 }, confidence: 0.8 });
  const head = { head: { yawDeg: 50, pitchDeg: 0, rollDeg: 0 } };

  function read(raised: boolean, withFace: boolean) {
    const body = syntheticBody(head);
    const landmarks = elbowsAt(body.landmarks, raised ? body.landmarks[POSE.leftShoulder]!.y : 0.95);
    const frame = syntheticFrame(0, withFace ? [syntheticFace(head)] : [], [{ ...body, landmarks }]);
    return new HeadPoseEstimator({ body: overReading }).parts(frame).estimate;
  }

  it('has its confidence scaled by RAISED_ARMS_BODY_TRUST, and pulls the yaw less toward its over-read', () => {
    const down = read(false, true);
    const raised = read(true, true);
    expect(down.faceConfidence).toBeGreaterThan(0);
    expect(down.faceConfidence).toBeLessThan(1);
    expect(raised.bodyConfidence).toBeCloseTo(down.bodyConfidence * RAISED_ARMS_BODY_TRUST, 9);
    expect(Math.abs((raised.head?.yawDeg ?? 0) - 50)).toBeLessThan(Math.abs((down.head?.yawDeg ?? 0) - 50) - 1);
  });

  it('keeps its whole confidence when no face is seen: it is then the only reading', () => {
    expect(read(true, false).bodyConfidence).toBe(0.8);
    expect(read(true, false).head?.yawDeg).toBeCloseTo(70, 6);
  });
});
