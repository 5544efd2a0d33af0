import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3, type Mat3 } from '../../../../src/core/geometry/mat3';
import { anglesToRotation, transposeTimes } from '../../../../src/core/head-pose/rotation-kernels';

const angle = fc.double({ min: -400, max: 400, noNaN: true });
const angles = fc.record({ yawDeg: angle, pitchDeg: angle, rollDeg: angle });
const mat3 = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }).map((m) => m as unknown as Mat3);

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

  it('transposeTimes is bit for bit multiplyMat3(transposeMat3(a), b)', () => {
    fc.assert(
      fc.property(mat3, mat3, (a, b) => {
        expect(transposeTimes(a, b)).toEqual(multiplyMat3(transposeMat3(a), b));
      }),
      { numRuns: 500 },
    );
  });
});
