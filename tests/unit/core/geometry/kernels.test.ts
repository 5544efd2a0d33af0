import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, anglesToMatrix16 } from '../../../../src/core/geometry/euler';
import { multiplyMat3, rotationX, rotationY, rotationZ, transposeMat3, type Mat3 } from '../../../../src/core/geometry/mat3';
import { multiplyMat3Into, transposeMultiplyMat3Into } from '../../../../src/core/geometry/mat3-kernels';
import { orthonormalizeMat3, orthonormalizeMat3Into, rotationFromColumnMajor4x4 } from '../../../../src/core/geometry/orthonormalize';
import { relativeAngles } from '../../../../src/core/geometry/relative-rotation';
import { RAD_PER_DEG } from '../../../../src/core/geometry/angle-units';

/**
 * The allocation-free kernels against their definitions, within rounding (1e-12 on unit-sized
 * entries): they are the only implementation, so the reference here is the mathematics.
 */
const TOLERANCE = 1e-12;
const angle = (max: number) => fc.double({ min: -max, max, noNaN: true });
const angles = fc.record({ yawDeg: angle(400), pitchDeg: angle(400), rollDeg: angle(400) });
const entry = fc.double({ min: -2, max: 2, noNaN: true });
const mat3 = fc.array(entry, { minLength: 9, maxLength: 9 }).map((m) => m as unknown as Mat3);

function expectNear(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = TOLERANCE): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k += 1) expect(Math.abs((actual[k] as number) - (expected[k] as number))).toBeLessThan(tolerance);
}

describe('geometry kernels', () => {
  it('anglesToMatrix is Rz(−roll) · Ry(yaw) · Rx(−pitch)', () => {
    fc.assert(
      fc.property(angles, (a) => {
        const product = multiplyMat3(rotationZ(-a.rollDeg * RAD_PER_DEG), multiplyMat3(rotationY(a.yawDeg * RAD_PER_DEG), rotationX(-a.pitchDeg * RAD_PER_DEG)));
        expectNear(anglesToMatrix(a), product);
      }),
      { numRuns: 500 },
    );
  });

  it('multiplies in place, the output aliasing an input; aᵀ·b as transpose then multiply', () => {
    fc.assert(
      fc.property(mat3, mat3, (a, b) => {
        const out = Float64Array.from(a);
        multiplyMat3Into(out, out, b);
        expectNear(out, multiplyMat3(a, b), 1e-15);
        expectNear(transposeMultiplyMat3Into(new Float64Array(9), a, b), multiplyMat3(transposeMat3(a), b), 1e-15);
      }),
      { numRuns: 300 },
    );
  });

  it('orthonormalize gives the polar factor: R from R·S (S symmetric positive definite, scaled)', () => {
    const spd = fc.tuple(fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), angles);
    fc.assert(
      fc.property(angles, spd, (a, [s1, s2, s3, axes]) => {
        // S = Q · diag(s) · Qᵀ
        const q = anglesToMatrix(axes);
        const diagonal: Mat3 = [s1, 0, 0, 0, s2, 0, 0, 0, s3];
        const s = multiplyMat3(q, multiplyMat3(diagonal, transposeMat3(q)));
        const r = anglesToMatrix(a);
        expectNear(orthonormalizeMat3(multiplyMat3(r, s)) ?? [], r, 1e-11);
      }),
      { numRuns: 300 },
    );
  });

  it('orthonormalize refuses reflections, singular and non-finite matrices, leaving its output alone', () => {
    const out = Float64Array.of(7, 7, 7, 7, 7, 7, 7, 7, 7);
    expect(orthonormalizeMat3Into(out, [-1, 0, 0, 0, 1, 0, 0, 0, 1])).toBe(false);
    expect(orthonormalizeMat3Into(out, [1, 0, 0, 0, 1, 0, 0, 0, 0])).toBe(false);
    expect(orthonormalizeMat3Into(out, [1, 0, 0, 0, Number.NaN, 0, 0, 0, 1])).toBe(false);
    // Nearly singular (det 1e-12, found by the property below): no rotation is near enough to trust.
    expect(orthonormalizeMat3Into(out, [0, 0, 1.0831521432828044, 1.9999999999990636, -0.35702855144500323, 0, 2.5858753647427205e-12, 0, 0])).toBe(false);
    expect(Array.from(out)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 7]);
    fc.assert(
      fc.property(mat3, (m) => {
        const r = orthonormalizeMat3(m);
        if (r === null) return;
        expectNear(multiplyMat3(r, transposeMat3(r)), [1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the rotation of a column-major 4×4 (MediaPipe layout)', () => {
    fc.assert(
      fc.property(fc.record({ yawDeg: angle(89), pitchDeg: angle(179), rollDeg: angle(179) }), (a) => {
        expectNear(rotationFromColumnMajor4x4(anglesToMatrix16(a, [3, -2, -50])) ?? [], anglesToMatrix(a));
      }),
      { numRuns: 300 },
    );
    expect(rotationFromColumnMajor4x4([1, 0, 0])).toBeNull();
  });

  it('relativeAngles of a rotation from itself is zero, and from zero is itself', () => {
    fc.assert(
      fc.property(fc.record({ yawDeg: angle(89), pitchDeg: angle(179), rollDeg: angle(179) }), (a) => {
        const self = relativeAngles(a, a);
        expectNear([self.yawDeg, self.pitchDeg, self.rollDeg], [0, 0, 0], 1e-9);
        const fromZero = relativeAngles({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, a);
        expectNear([fromZero.yawDeg, fromZero.pitchDeg, fromZero.rollDeg], [a.yawDeg, a.pitchDeg, a.rollDeg], 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
