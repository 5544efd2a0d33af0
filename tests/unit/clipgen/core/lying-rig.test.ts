import { describe, expect, it } from 'vitest';
import { cameraSide, floorCameraPose, HIP_AXIS, LYING_BODY, lyingHeadInCamera, lyingToWorld, NEAR_SIDE, nearSide, riseAboutHips, unriseAboutHips } from '../../../../tools/clipgen/core/lying-rig';
import { distance3 } from '../../../../tools/clipgen/core/point3';
import { SCAN_BODY, SCAN_HEAD_POINTS } from '../../../../tools/clipgen/core/scan-body';
import { projectLyingPoint } from '../../../../tools/clipgen/core/scan-projection';

const NEUTRAL = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

describe('the lying rig', () => {
  it('lays the body on its back: head toward the image\'s left, face up, the right side toward the camera, the back on the floor', () => {
    const head = lyingToWorld(SCAN_HEAD_POINTS.skullTop);
    const ankle = lyingToWorld(LYING_BODY.ankle);
    expect(head[0]).toBeLessThan(-0.7);
    expect(ankle[0]).toBeGreaterThan(0.6);
    // The forehead (front of the face) is higher above the floor than the back of the skull.
    expect(lyingToWorld(SCAN_HEAD_POINTS.forehead)[1]).toBeGreaterThan(lyingToWorld(SCAN_HEAD_POINTS.skullBack)[1] + 0.15);
    // The subject's right shoulder (model −x) is nearer the camera (+z) than the left.
    const [sx, sy, sz] = SCAN_BODY.shoulderJoint;
    expect(lyingToWorld([-sx, sy, sz])[2]).toBeGreaterThan(lyingToWorld([sx, sy, sz])[2]);
    // The back of the trunk touches the floor; the hip joints sit about 7.5 cm above it.
    expect(lyingToWorld([0, -6, LYING_BODY.floorZ])[1]).toBeCloseTo(0, 9);
    expect(lyingToWorld(LYING_BODY.hip)[1]).toBeCloseTo(0.074, 2);
    // Head to heels about 1.7 m: an adult's length.
    expect(ankle[0] - head[0]).toBeGreaterThan(1.55);
    expect(ankle[0] - head[0]).toBeLessThan(1.8);
  });

  it('lays the body face down: head toward the image\'s left, the face toward the floor with the nose on it, the left side toward the camera', () => {
    const head = lyingToWorld(SCAN_HEAD_POINTS.skullTop, 'prone');
    const ankle = lyingToWorld(LYING_BODY.ankle, 'prone');
    expect(head[0]).toBeLessThan(-0.7);
    expect(ankle[0]).toBeGreaterThan(0.6);
    // The back of the skull is higher above the floor than the forehead; the nose's tip touches it.
    expect(lyingToWorld(SCAN_HEAD_POINTS.skullBack, 'prone')[1]).toBeGreaterThan(lyingToWorld(SCAN_HEAD_POINTS.forehead, 'prone')[1] + 0.15);
    expect(lyingToWorld([0, 1.1, 2.59], 'prone')[1]).toBeGreaterThan(0);
    expect(lyingToWorld([0, 1.1, 2.59], 'prone')[1]).toBeLessThan(0.005);
    // The subject's left shoulder (model +x) is nearer the camera (+z) than the right.
    const [sx, sy, sz] = SCAN_BODY.shoulderJoint;
    expect(lyingToWorld([sx, sy, sz], 'prone')[2]).toBeGreaterThan(lyingToWorld([-sx, sy, sz], 'prone')[2]);
    expect(NEAR_SIDE.prone).toBe(1);
    expect(NEAR_SIDE.supine).toBe(-1);
  });

  it('puts the camera on the other side when asked: face down seen from the right, the head toward the image\'s right, the floor and the camera where they were', () => {
    const right = { side: 'right' } as const;
    expect(cameraSide('prone')).toBe('left');
    expect(cameraSide('supine')).toBe('right');
    expect(nearSide('prone', right)).toBe(-1);
    const head = lyingToWorld(SCAN_HEAD_POINTS.skullTop, 'prone', right);
    const ankle = lyingToWorld(LYING_BODY.ankle, 'prone', right);
    expect(head[0]).toBeGreaterThan(0.7);
    expect(ankle[0]).toBeLessThan(-0.6);
    // Only turned about the vertical: every point as high above the floor as seen from the left.
    expect(lyingToWorld(SCAN_HEAD_POINTS.forehead, 'prone', right)[1]).toBeCloseTo(lyingToWorld(SCAN_HEAD_POINTS.forehead, 'prone')[1], 12);
    const [sx, sy, sz] = SCAN_BODY.shoulderJoint;
    expect(lyingToWorld([-sx, sy, sz], 'prone', right)[2]).toBeGreaterThan(lyingToWorld([sx, sy, sz], 'prone', right)[2]);
    // The camera's own side changes nothing; offsetM still moves it toward the feet.
    expect(lyingToWorld(LYING_BODY.hip, 'prone', { side: 'left' })).toEqual(lyingToWorld(LYING_BODY.hip, 'prone'));
    const camera = { distanceM: 1, heightM: 0.3, offsetM: 0.4 };
    expect(floorCameraPose({ ...camera, side: 'right' }, 'prone').position[0]).toBeCloseTo(-0.4, 12);
    expect(floorCameraPose(camera, 'prone').position[0]).toBeCloseTo(0.4, 12);
  });

  it('turns the torso about the hip axis: the hip stays, the shoulder rises by the angle, lengths keep', () => {
    const shoulder = SCAN_BODY.shoulderJoint;
    expect(riseAboutHips(HIP_AXIS, 40)).toEqual(HIP_AXIS);
    const risen = riseAboutHips(shoulder, 40);
    expect(distance3(risen, HIP_AXIS)).toBeCloseTo(distance3(shoulder, HIP_AXIS), 9);
    const [hx, hy] = lyingToWorld(LYING_BODY.hip);
    const [rx, ry] = lyingToWorld(risen);
    expect((Math.atan2(ry - hy, Math.abs(rx - hx)) * 180) / Math.PI).toBeCloseTo(40, 6);
    expect(unriseAboutHips(risen, 40)[1]).toBeCloseTo(shoulder[1], 9);
    expect(riseAboutHips(shoulder, 0)).toBe(shoulder);
  });

  it('places the floor camera beside the body, looking down at the trunk', () => {
    const pose = floorCameraPose({ distanceM: 2, heightM: 0.5, offsetM: 0.1 });
    expect(pose.position).toEqual([0.1, 0.5, 2]);
    expect(pose.pitchDeg).toBeCloseTo((-Math.atan2(0.38, 2) * 180) / Math.PI, 9);
    expect(floorCameraPose({ distanceM: 2, heightM: 0.12, offsetM: 0 }).pitchDeg).toBeCloseTo(0, 9);
  });

  it('sees the lying head face up from the side: near pitch +90° in the camera\'s axes; a level camera reads a flexion as less of it', () => {
    const flat = lyingHeadInCamera(NEUTRAL, 0, 0);
    expect(flat.pitchDeg).toBeGreaterThan(85);
    const lifted = lyingHeadInCamera({ ...NEUTRAL, pitchDeg: -30 }, 0, 0);
    const risen = lyingHeadInCamera(NEUTRAL, 30, 0);
    expect(lifted.pitchDeg).toBeCloseTo(risen.pitchDeg, 6);
    expect(lifted.pitchDeg).toBeLessThan(flat.pitchDeg - 20);
  });

  it('projects the lying body into the floor camera\'s image: head left, feet right, the whole body inside at 2 m', () => {
    const camera = { distanceM: 2, heightM: 0.5, offsetM: 0 };
    const head = projectLyingPoint(SCAN_HEAD_POINTS.skullTop, 0, camera, 640, 480);
    const ankle = projectLyingPoint(LYING_BODY.ankle, 0, camera, 640, 480);
    expect(head.x).toBeGreaterThan(0);
    expect(head.x).toBeLessThan(200);
    expect(ankle.x).toBeGreaterThan(440);
    expect(ankle.x).toBeLessThan(640);
    // The risen shoulder is higher in the image than the flat one.
    expect(projectLyingPoint(SCAN_BODY.shoulderJoint, 40, camera, 640, 480).y).toBeLessThan(projectLyingPoint(SCAN_BODY.shoulderJoint, 0, camera, 640, 480).y - 50);
  });
});
