import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { multiplyMat3 } from '../../../../src/core/geometry/mat3';
import { relativeAngles } from '../../../../tools/clipgen/core/relative-angles';

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
