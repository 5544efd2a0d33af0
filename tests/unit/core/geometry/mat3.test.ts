import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMat3, axisAngleToMat3, IDENTITY3, mat3At, mat3FromFunction, multiplyMat3, rotationBetween, transposeMat3, type Mat3 } from '../../../../src/core/geometry/mat3';
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
  it('gives what the vector-helper version gave, within rounding, where the angle is well conditioned', () => {
    const near = (a: Mat3, b: Mat3, tolerance: number): void => a.forEach((v, k) => expect(Math.abs(v - (b[k] ?? Number.NaN))).toBeLessThan(tolerance));
    fc.assert(
      fc.property(vector, vector, fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.constant(1)), (from, to, fraction) => {
        const a = normalizeVec3(from), b = normalizeVec3(to);
        const axis = a && b ? crossVec3(a, b) : null;
        const sine = axis ? Math.hypot(axis.x, axis.y, axis.z) : 0;
        if (!a || !b || !(sine > 1e-12)) {
          // Zero, not finite or parallel: the identity, as the reference gives it.
          expect(rotationBetween(from, to, fraction)).toEqual(withVectorHelpers(from, to, fraction));
          return;
        }
        // acos is ill-conditioned near 0° and 180° (the reference's error grows as 1e-16 / sin θ).
        if (sine > 1e-3) near(rotationBetween(from, to, fraction), withVectorHelpers(from, to, fraction), 1e-12);
        // The whole rotation takes `from`'s direction onto `to`'s, however close to parallel.
        const mapped = applyMat3(rotationBetween(from, to, 1), a);
        expect(Math.hypot(mapped.x - b.x, mapped.y - b.y, mapped.z - b.z)).toBeLessThan(1e-12);
      }),
      { numRuns: 5000 },
    );
    // The estimator's use: from the optical axis to a ray toward the camera.
    near(rotationBetween({ x: 0, y: 0, z: 1 }, { x: -40, y: 25, z: 415 }, 1), withVectorHelpers({ x: 0, y: 0, z: 1 }, { x: -40, y: 25, z: 415 }, 1), 1e-15);
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
