import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { BODY_ARM_POSES, BODY_SIDES, type ArmPose } from '../../../../tools/clipgen/core/arm-pose';
import { BODY_AT_REST } from '../../../../tools/clipgen/core/body-timeline';
import { add3, angleBetweenDeg, distance3, scale3, sub3 } from '../../../../tools/clipgen/core/point3';
import { activeSide, CIRCLE_ELBOW_GAIN, onHead, PALM_OFF_SKIN, scanArm, type BodyMotion } from '../../../../tools/clipgen/core/scan-arms';
import { SCAN_BODY, SCAN_HEAD_POINTS, UNITS_PER_CM } from '../../../../tools/clipgen/core/scan-body';
import { LYING_BODY, riseAboutHips } from '../../../../tools/clipgen/core/lying-rig';

const STILL = anglesToMatrix({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
const TILTED = anglesToMatrix({ yawDeg: 10, pitchDeg: -5, rollDeg: 25 });
const B = SCAN_BODY;

function motion(arms: ArmPose, extra: Partial<BodyMotion> = {}): BodyMotion {
  return { arms, ...BODY_AT_REST, tMs: 0, ...extra };
}

/** The palm's centre: halfway from the wrist to the finger tips. */
function palmCentre(arm: ReturnType<typeof scanArm>) {
  return scale3(add3(arm.wrist, arm.handTip), 0.5);
}

describe('scanArm', () => {
  it('keeps an adult\'s segment lengths in every pose, on both sides, with the girdle moved', () => {
    for (const arms of ['rest', 'hands-behind-head', 'palm-on-forehead', ...BODY_ARM_POSES] as const) {
      for (const side of BODY_SIDES) {
        for (const neck of [STILL, TILTED]) {
          const arm = scanArm(motion(arms, { elevationCm: 3, protractionCm: -2, elbowFlexionDeg: 70, tMs: 300 }), side, neck);
          expect(distance3(arm.shoulder, arm.elbow)).toBeCloseTo(B.upperArm, 6);
          expect(distance3(arm.elbow, arm.wrist)).toBeCloseTo(B.forearm, 6);
          expect(distance3(arm.wrist, arm.handTip)).toBeCloseTo(arm.hand === 'fist' ? B.fist : B.hand, 6);
        }
      }
    }
  });

  it('puts the palm on its target, and it follows the head when the head tilts', () => {
    const targets: [ArmPose, 'left' | 'right', readonly [number, number, number]][] = [
      ['palm-on-forehead', 'right', SCAN_HEAD_POINTS.forehead],
      ['palm-on-left-temple', 'left', SCAN_HEAD_POINTS.temple],
      ['palm-on-right-temple', 'right', [-SCAN_HEAD_POINTS.temple[0], SCAN_HEAD_POINTS.temple[1], SCAN_HEAD_POINTS.temple[2]]],
      ['left-hand-over-head', 'left', [-SCAN_HEAD_POINTS.aboveEar[0], SCAN_HEAD_POINTS.aboveEar[1], SCAN_HEAD_POINTS.aboveEar[2]]],
    ];
    for (const [arms, side, target] of targets) {
      for (const neck of [STILL, TILTED]) {
        const arm = scanArm(motion(arms), side, neck);
        // The palm's centre lies exactly half a hand's thickness (and a little air) off the point.
        expect(distance3(palmCentre(arm), onHead(target, neck))).toBeCloseTo(PALM_OFF_SKIN, 6);
      }
    }
  });

  it('poses only the named hand in one-handed poses; the other arm hangs', () => {
    expect(activeSide('palm-on-left-temple')).toBe('left');
    expect(activeSide('right-hand-over-head')).toBe('right');
    expect(activeSide('palms-on-forehead')).toBeNull();
    const other = scanArm(motion('palm-on-left-temple'), 'right', STILL);
    expect(other).toEqual(scanArm(motion('rest'), 'right', STILL));
    expect(other.wrist[1]).toBeLessThan(other.elbow[1]);
  });

  it('arms out: straight and level at shoulder height, the subject\'s left toward +x', () => {
    const left = scanArm(motion('arms-out'), 'left', STILL);
    const right = scanArm(motion('arms-out'), 'right', STILL);
    expect(left.wrist[0]).toBeGreaterThan(left.shoulder[0] + B.upperArm);
    expect(right.wrist[0]).toBeLessThan(right.shoulder[0] - B.upperArm);
    for (const arm of [left, right]) {
      expect(arm.wrist[1]).toBeCloseTo(arm.shoulder[1], 9);
      expect(angleBetweenDeg(sub3(arm.elbow, arm.shoulder), sub3(arm.wrist, arm.elbow))).toBeCloseTo(0, 9);
    }
  });

  it('arms flexed: the elbow bends by exactly the body\'s elbow flexion, the forearm rising, fists', () => {
    for (const flexion of [0, 15, 45, 90, 110]) {
      const arm = scanArm(motion('arms-flexed', { elbowFlexionDeg: flexion }), 'left', STILL);
      expect(angleBetweenDeg(sub3(arm.elbow, arm.shoulder), sub3(arm.wrist, arm.elbow))).toBeCloseTo(flexion, 6);
      expect(arm.hand).toBe('fist');
      if (flexion > 0) expect(arm.wrist[1]).toBeGreaterThan(arm.elbow[1]);
    }
  });

  it('a hand over the head: the wrist above the crown, the hand on the far side of the head', () => {
    const arm = scanArm(motion('left-hand-over-head'), 'left', STILL);
    expect(arm.wrist[1]).toBeGreaterThan(SCAN_HEAD_POINTS.skullTop[1]);
    expect(arm.handTip[0]).toBeLessThan(0);
    expect(arm.elbow[0]).toBeGreaterThan(0);
  });

  it('the girdle carries the arm\'s root: up by the elevation, forward by the protraction', () => {
    const rest = scanArm(motion('rest'), 'left', STILL);
    const moved = scanArm(motion('rest', { elevationCm: 4, protractionCm: -3 }), 'left', STILL);
    expect(moved.shoulder[1] - rest.shoulder[1]).toBeCloseTo(4 * UNITS_PER_CM, 12);
    expect(moved.shoulder[2] - rest.shoulder[2]).toBeCloseTo(-3 * UNITS_PER_CM, 12);
  });

  it('shoulder circles: finger tips on the shoulder, the elbow swinging in the girdle\'s direction', () => {
    const rest = scanArm(motion('hands-on-shoulders'), 'left', STILL);
    const up = scanArm(motion('hands-on-shoulders', { elevationCm: 2 }), 'left', STILL);
    const forward = scanArm(motion('hands-on-shoulders', { protractionCm: 2 }), 'left', STILL);
    const top = add3(B.shoulderTop, [0, 0.3, 0]);
    expect(distance3(rest.handTip, top)).toBeLessThan(1e-6);
    expect(up.elbow[1] - rest.elbow[1]).toBeGreaterThan(2 * UNITS_PER_CM);
    expect(forward.elbow[2] - rest.elbow[2]).toBeGreaterThan(2 * UNITS_PER_CM);
    expect(CIRCLE_ELBOW_GAIN).toBeGreaterThan(1);
  });

  it('the self-massage rubs the hands up and down the neck over time', () => {
    const heights = [0, 225, 450, 675].map((tMs) => scanArm(motion('hands-at-neck', { tMs }), 'left', STILL).wrist[1]);
    expect(Math.max(...heights) - Math.min(...heights)).toBeGreaterThan(4 * UNITS_PER_CM);
  });

  it('lying, hands on the torso: the right palm on the stomach, the left on the chest, riding with the breath', () => {
    const right = scanArm(motion('hands-on-torso'), 'right', STILL);
    const left = scanArm(motion('hands-on-torso'), 'left', STILL);
    expect(distance3(palmCentre(right), [0.5, LYING_BODY.stomachY, LYING_BODY.frontZ])).toBeCloseTo(PALM_OFF_SKIN, 6);
    expect(distance3(palmCentre(left), [-1.4, LYING_BODY.chestY, LYING_BODY.frontZ])).toBeCloseTo(PALM_OFF_SKIN, 6);
    const breathing = scanArm(motion('hands-on-torso', { breathCm: 2 }), 'right', STILL);
    expect(palmCentre(breathing)[2] - palmCentre(right)[2]).toBeCloseTo(2 * UNITS_PER_CM, 6);
  });

  it('lying, hands on the floor: the palms stay on the same spot of the floor while the torso rises', () => {
    for (const side of ['left', 'right'] as const) {
      const flat = scanArm(motion('hands-on-floor'), side, STILL);
      const risen = scanArm(motion('hands-on-floor', { torsoRiseDeg: 40 }), side, STILL);
      // The arm's joints are in the risen torso's axes: turn the palm back down to the floor's.
      const onFloor = riseAboutHips(palmCentre(risen), 40);
      expect(distance3(onFloor, palmCentre(flat))).toBeCloseTo(0, 6);
      expect(palmCentre(flat)[2]).toBeCloseTo(LYING_BODY.floorZ + PALM_OFF_SKIN, 6);
    }
  });
});
