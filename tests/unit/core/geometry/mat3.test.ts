import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisAngleToMat3, IDENTITY3, mat3At, mat3FromFunction, multiplyMat3, rotationBetween, transposeMat3, type Mat3 } from '../../../../src/core/geometry/mat3';
import { crossVec3, dotVec3, normalizeVec3, type Vec3 } from '../../../../src/core/geometry/vec3';

/** rotationBetween as it was written with the vector helpers (the reference for the scalar version). */
function withVectorHelpers(from: Vec3, to: Vec3, fraction: number): Mat3 {
  const a = normalizeVec3(from);
  const b = normalizeVec3(to);
  if (!a || !b) return IDENTITY3;
  const axis = normalizeVec3(crossVec3(a, b));
  if (!axis) return IDENTITY3;
  return axisAngleToMat3(axis, Math.acos(Math.min(1, Math.max(-1, dotVec3(a, b)))) * fraction);
}

const coordinate = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constantFrom(0, -0, 1, Number.NaN, 1e-13));
const vector = fc.record({ x: coordinate, y: coordinate, z: coordinate });

describe('rotationBetween', () => {
  it('gives exactly what the vector-helper version gave (signed zeros and degenerate inputs included)', () => {
    fc.assert(
      fc.property(vector, vector, fc.double({ min: -1, max: 2, noNaN: true }), (from, to, fraction) => {
        expect(rotationBetween(from, to, fraction)).toEqual(withVectorHelpers(from, to, fraction));
      }),
      { numRuns: 5000 },
    );
    // The estimator's use: from the optical axis to a ray toward the camera.
    expect(rotationBetween({ x: 0, y: 0, z: 1 }, { x: -40, y: 25, z: 415 }, 1)).toEqual(withVectorHelpers({ x: 0, y: 0, z: 1 }, { x: -40, y: 25, z: 415 }, 1));
  });
});

describe('multiplyMat3 and transposeMat3', () => {
  it('multiplyMat3 sums each element over k = 0, 1, 2 in order, as the element-function version did; transposeMat3 swaps', () => {
    const entry = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -0, 1));
    const matrix = fc.array(entry, { minLength: 9, maxLength: 9 }).map((m) => m as unknown as Mat3);
    fc.assert(
      fc.property(matrix, matrix, (a, b) => {
        const reference = mat3FromFunction((r, c) => mat3At(a, r, 0) * mat3At(b, 0, c) + mat3At(a, r, 1) * mat3At(b, 1, c) + mat3At(a, r, 2) * mat3At(b, 2, c));
        expect(multiplyMat3(a, b)).toEqual(reference);
        expect(transposeMat3(a)).toEqual(mat3FromFunction((r, c) => mat3At(a, c, r)));
      }),
      { numRuns: 3000 },
    );
  });
});
