import { describe, expect, it } from 'vitest';
import { armJoints, BODY_SIDES, handInFrontOfFace, PALM_SIDE, raisedSides, shoulderWidth, type BodyFrame } from '../../../../tools/clipgen/core/arm-pose';
import type { WorldPoint } from '../../../../tools/clipgen/core/camera-rig';

/** World units are photo pixels, y up, z toward the camera: shoulders 400 px apart, the skull above them. */
const BODY: BodyFrame = {
  leftShoulder: [600, -440, -50],
  rightShoulder: [200, -440, -50],
  skullCentre: [400, -220, -50],
  skullRadii: [105, 140, 120],
  forehead: [400, -170, 65],
};
const W = 400;

function distance(a: WorldPoint, b: WorldPoint): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('armJoints', () => {
  it('leaves the photo\'s own arms at rest (no geometry)', () => {
    expect(armJoints('rest', BODY, 'left')).toBeNull();
  });

  it('hands behind the head: elbows out beyond the shoulders and well above them, on the subject\'s own sides', () => {
    const left = armJoints('hands-behind-head', BODY, 'left');
    const right = armJoints('hands-behind-head', BODY, 'right');
    if (left === null || right === null) throw new Error('no joints');
    // The subject's left is the image's right: world +x.
    expect(left.elbow[0]).toBeGreaterThan(BODY.leftShoulder[0] + 0.3 * W);
    expect(right.elbow[0]).toBeLessThan(BODY.rightShoulder[0] - 0.3 * W);
    for (const arm of [left, right]) {
      // What the analyzer's hands-behind-head check needs (src/core/reps/placements.ts): elbows at
      // shoulder height or above (y up here), wrists not below the shoulders.
      expect(arm.elbow[1]).toBeGreaterThan(BODY.leftShoulder[1] + 0.4 * W);
      expect(arm.wrist[1]).toBeGreaterThan(BODY.leftShoulder[1] + 0.4 * W);
    }
  });

  it('hands behind the head: the wrists and hands are behind the skull, joined near the midline', () => {
    for (const side of BODY_SIDES) {
      const arm = armJoints('hands-behind-head', BODY, side);
      if (arm === null) throw new Error('no joints');
      const skullBack = BODY.skullCentre[2] - BODY.skullRadii[2];
      expect(arm.wrist[2]).toBeLessThan(skullBack);
      expect(arm.handTip[2]).toBeLessThan(skullBack);
      expect(Math.abs(arm.handTip[0] - BODY.skullCentre[0])).toBeLessThan(Math.abs(arm.wrist[0] - BODY.skullCentre[0]));
    }
  });

  it('hands behind the head: adult proportions (upper arm 0.6–0.9, forearm 0.55–0.85 shoulder widths)', () => {
    expect(shoulderWidth(BODY)).toBeCloseTo(W, 9);
    for (const side of BODY_SIDES) {
      const arm = armJoints('hands-behind-head', BODY, side);
      if (arm === null) throw new Error('no joints');
      const upper = distance(arm.shoulder, arm.elbow) / W;
      const fore = distance(arm.elbow, arm.wrist) / W;
      expect(upper).toBeGreaterThanOrEqual(0.6);
      expect(upper).toBeLessThanOrEqual(0.9);
      expect(fore).toBeGreaterThanOrEqual(0.55);
      expect(fore).toBeLessThanOrEqual(0.85);
    }
  });

  it('mirrors the two arms about the midline between the shoulders', () => {
    const left = armJoints('hands-behind-head', BODY, 'left');
    const right = armJoints('hands-behind-head', BODY, 'right');
    if (left === null || right === null) throw new Error('no joints');
    const mid = (BODY.leftShoulder[0] + BODY.rightShoulder[0]) / 2;
    for (const joint of ['shoulder', 'elbow', 'wrist', 'handTip'] as const) {
      expect(left[joint][0] - mid).toBeCloseTo(mid - right[joint][0], 9);
      expect(left[joint][1]).toBeCloseTo(right[joint][1], 9);
      expect(left[joint][2]).toBeCloseTo(right[joint][2], 9);
    }
  });

  it('palm on the forehead: only the right arm is raised, its palm across the forehead just in front of the skin, drawn over the face', () => {
    expect(PALM_SIDE).toBe('right');
    expect(raisedSides('palm-on-forehead')).toEqual(['right']);
    expect(raisedSides('hands-behind-head')).toEqual(['left', 'right']);
    expect(raisedSides('rest')).toEqual([]);
    expect(handInFrontOfFace('palm-on-forehead')).toBe(true);
    expect(handInFrontOfFace('hands-behind-head')).toBe(false);
    expect(armJoints('palm-on-forehead', BODY, 'left')).toBeNull();
    const arm = armJoints('palm-on-forehead', BODY, 'right');
    if (arm === null) throw new Error('no joints');
    const [fx, fy, fz] = BODY.forehead;
    // The hand spans the forehead's middle: the wrist on the subject's right (image left), the tips past the middle.
    expect(arm.wrist[0]).toBeLessThan(fx);
    expect(arm.handTip[0]).toBeGreaterThan(fx);
    for (const p of [arm.wrist, arm.handTip]) {
      expect(p[1]).toBeCloseTo(fy, 9);
      expect(p[2]).toBeGreaterThan(fz);
      expect(p[2] - fz).toBeLessThan(0.1 * W);
    }
    // The elbow is out to the side of its shoulder and in front of it.
    expect(arm.elbow[0]).toBeLessThan(BODY.rightShoulder[0]);
    expect(arm.elbow[2]).toBeGreaterThan(BODY.rightShoulder[2]);
  });
});
