import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { anglesToRotation } from '../../../../src/core/head-pose/rotation-kernels';

const angle = fc.double({ min: -400, max: 400, noNaN: true });
const angles = fc.record({ yawDeg: angle, pitchDeg: angle, rollDeg: angle });

describe('rotation kernels', () => {
  it('anglesToRotation is bit for bit anglesToMatrix (signed zeros included)', () => {
    fc.assert(
      fc.property(angles, (a) => {
        expect(anglesToRotation(a)).toEqual(anglesToMatrix(a));
        expect(anglesToRotation(a).map((v) => Object.is(v, -0))).toEqual(anglesToMatrix(a).map((v) => Object.is(v, -0)));
      }),
      { numRuns: 500 },
    );
    const exact = { yawDeg: 0, pitchDeg: -0, rollDeg: 90 };
    expect(anglesToRotation(exact).map((v) => Object.is(v, -0))).toEqual(anglesToMatrix(exact).map((v) => Object.is(v, -0)));
  });
});
