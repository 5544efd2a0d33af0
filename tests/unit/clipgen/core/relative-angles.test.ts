import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { multiplyMat3 } from '../../../../src/core/geometry/mat3';
import { relativeToNeutral } from '../../../../src/core/head-pose/relative-to-neutral';
import { COMPARISON_FRAMES, relativeAngles, relativeAnglesFor } from '../../../../tools/clipgen/core/relative-angles';
import { headInCamera } from '../../../../tools/clipgen/core/scan-rig';

const ANGLE_EPS_DEG = 1e-4;

describe('relativeAngles', () => {
  it('property: the rotation applied on top of a neutral pose is recovered from the measured pose', () => {
    const angle = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
    const pose = fc.record({ yawDeg: angle(70), pitchDeg: angle(60), rollDeg: angle(60) });
    const neutral = fc.record({ yawDeg: angle(10), pitchDeg: angle(10), rollDeg: angle(10) });
    fc.assert(
      fc.property(pose, neutral, (applied, photo) => {
        const measured = rotationToAngles(multiplyMat3(anglesToMatrix(applied), anglesToMatrix(photo)));
        const r = relativeAngles(measured, photo);
        expect(Math.abs(r.yawDeg - applied.yawDeg)).toBeLessThan(ANGLE_EPS_DEG);
        expect(Math.abs(r.pitchDeg - applied.pitchDeg)).toBeLessThan(ANGLE_EPS_DEG);
        expect(Math.abs(r.rollDeg - applied.rollDeg)).toBeLessThan(ANGLE_EPS_DEG);
      }),
    );
  });
});

describe('relativeAnglesFor: the axes eval:range compares a clip in', () => {
  const angle = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
  const neckPose = fc.record({ yawDeg: angle(85), pitchDeg: angle(50), rollDeg: angle(40) });
  const STRAIGHT = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

  it('property: the scan seen from any camera height reads its neck in the subject frame, as the counters do', () => {
    fc.assert(
      fc.property(neckPose, angle(30), (neck, cameraPitchDeg) => {
        const measured = headInCamera(neck, 0, cameraPitchDeg);
        const neutral = headInCamera(STRAIGHT, 0, cameraPitchDeg);
        const r = relativeAnglesFor('subject', 'scan')(measured, neutral);
        expect(Math.abs(r.yawDeg - neck.yawDeg)).toBeLessThan(ANGLE_EPS_DEG);
        expect(Math.abs(r.pitchDeg - neck.pitchDeg)).toBeLessThan(ANGLE_EPS_DEG);
        expect(Math.abs(r.rollDeg - neck.rollDeg)).toBeLessThan(ANGLE_EPS_DEG);
        // The product's own relative-to-neutral gives the same angles: one convention.
        const product = relativeToNeutral(measured, neutral);
        expect(Math.abs(product.yawDeg - r.yawDeg) + Math.abs(product.pitchDeg - r.pitchDeg) + Math.abs(product.rollDeg - r.rollDeg)).toBeLessThan(ANGLE_EPS_DEG);
      }),
    );
  });

  it('in the camera frame, a pure neck turn seen from below carries roll', () => {
    const neck = { yawDeg: 50, pitchDeg: 0, rollDeg: 0 };
    const cameraPitchDeg = 20;
    const measured = headInCamera(neck, 0, cameraPitchDeg);
    const neutral = headInCamera(STRAIGHT, 0, cameraPitchDeg);
    expect(Math.abs(relativeAnglesFor('camera', 'scan')(measured, neutral).rollDeg)).toBeGreaterThan(5);
    expect(Math.abs(relativeAnglesFor('subject', 'scan')(measured, neutral).rollDeg)).toBeLessThan(ANGLE_EPS_DEG);
  });

  it('the photo head, whose own pose its renderer does not know, is compared in the camera frame in both modes', () => {
    const applied = { yawDeg: 40, pitchDeg: 5, rollDeg: -3 };
    const photo = { yawDeg: 4, pitchDeg: -8, rollDeg: 2 };
    const measured = rotationToAngles(multiplyMat3(anglesToMatrix(applied), anglesToMatrix(photo)));
    for (const frame of COMPARISON_FRAMES) {
      const r = relativeAnglesFor(frame, 'photo')(measured, photo);
      expect(Math.abs(r.yawDeg - applied.yawDeg) + Math.abs(r.pitchDeg - applied.pitchDeg) + Math.abs(r.rollDeg - applied.rollDeg)).toBeLessThan(ANGLE_EPS_DEG);
    }
  });
});
