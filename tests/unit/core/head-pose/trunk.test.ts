import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTrunk } from '../../../../src/core/head-pose/trunk';
import { POSE } from '../../../../src/core/pose-indices';
import { IMAGE, syntheticBody } from './synthetic-subject';

/** World landmarks are exact in the synthetic body. */
const TRUNK_TOLERANCE_DEG = 1e-6;

describe('estimateTrunk', () => {
  it('reads the shoulder line’s yaw and roll from world landmarks', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -25, max: 25, noNaN: true }), (yawDeg, rollDeg) => {
        const body = syntheticBody({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, trunkYawDeg: yawDeg, trunkRollDeg: rollDeg }, { world: true });
        const trunk = estimateTrunk(body, IMAGE);
        expect(Math.abs((trunk?.yawDeg ?? NaN) - yawDeg)).toBeLessThan(TRUNK_TOLERANCE_DEG);
        expect(Math.abs((trunk?.rollDeg ?? NaN) - rollDeg)).toBeLessThan(TRUNK_TOLERANCE_DEG);
      }),
      { numRuns: 50 },
    );
  });

  it('needs both shoulders visible', () => {
    const body = syntheticBody({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const hidden = { ...body, landmarks: body.landmarks.map((l, k) => (k === POSE.rightShoulder ? { ...l, visibility: 0.1 } : l)) };
    expect(estimateTrunk(hidden, IMAGE)).toBeNull();
    expect(estimateTrunk(body, IMAGE)?.confidence).toBeCloseTo(0.99, 9);
  });
});
