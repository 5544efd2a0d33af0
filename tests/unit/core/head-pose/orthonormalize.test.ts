import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addScaledMat3, orthonormalizeMat3, rotationFromColumnMajor4x4, scaleMat3, type Mat3 } from '../../../../src/core/geometry/mat3';
import { orthonormalized, orthonormalizedBlend, rotationOfColumnMajor4x4 } from '../../../../src/core/head-pose/orthonormalize';

const entry = fc.double({ min: -2, max: 2, noNaN: true });
const mat3 = fc.array(entry, { minLength: 9, maxLength: 9 }).map((m) => m as unknown as Mat3);

describe('orthonormalized', () => {
  it('gives bit-for-bit orthonormalizeMat3 (including null for det ≤ 0)', () => {
    fc.assert(fc.property(mat3, (m) => {
      expect(orthonormalized(m)).toEqual(orthonormalizeMat3(m));
    }), { numRuns: 500 });
  });

  it('is null for a non-finite matrix, like orthonormalizeMat3', () => {
    const m: Mat3 = [1, 0, 0, 0, Number.NaN, 0, 0, 0, 1];
    expect(orthonormalized(m)).toBeNull();
    expect(orthonormalizeMat3(m)).toBeNull();
  });

  it('orthonormalizedBlend is the chordal mean fusion.ts used to build from the generic helpers', () => {
    fc.assert(
      fc.property(mat3, mat3, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, share) => {
        expect(orthonormalizedBlend(a, b, share)).toEqual(orthonormalizeMat3(addScaledMat3(scaleMat3(a, 1 - share), b, share)));
      },
      ),
      { numRuns: 300 },
    );
  });

  it('rotationOfColumnMajor4x4 matches rotationFromColumnMajor4x4', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 16, maxLength: 16 }), (m16) => {
        expect(rotationOfColumnMajor4x4(m16)).toEqual(rotationFromColumnMajor4x4(m16));
      }),
      { numRuns: 300 },
    );
    expect(rotationOfColumnMajor4x4([1, 0, 0])).toBeNull();
  });
});
