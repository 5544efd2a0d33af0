import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hornEigenvector, hornLargestEigenvalue } from '../../../../src/core/geometry/horn-eigen';
import { rotationFromVector } from '../../../../src/core/geometry/mat3';
import { symmetricEigen } from '../../../../src/core/geometry/symmetric-eigen';

/** Horn's matrix of a cross-covariance S (row-major), as similarity-fit.ts builds it. */
function hornMatrix(s: readonly number[]): number[] {
  const [sxx, sxy, sxz, syx, syy, syz, szx, szy, szz] = s as [number, number, number, number, number, number, number, number, number];
  return [
    sxx + syy + szz, syz - szy, szx - sxz, sxy - syx,
    syz - szy, sxx - syy - szz, sxy + syx, szx + sxz,
    szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy,
    sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz,
  ];
}

/** The Frobenius norm of S bounds every eigenvalue of N (‖N‖_F = 2‖S‖_F). */
function upperBound(s: readonly number[]): number {
  return 2 * Math.sqrt(s.reduce((sum, x) => sum + x * x, 0));
}

function reference(n: readonly number[]): { value: number; vector: number[] } {
  const { values, vectors } = symmetricEigen([0, 1, 2, 3].map((r) => n.slice(4 * r, 4 * r + 4)));
  let best = 0;
  values.forEach((v, k) => {
    if (v > (values[best] ?? -Infinity)) best = k;
  });
  return { value: values[best] ?? Number.NaN, vector: vectors[best] ?? [] };
}

const anyCrossCovariance = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 9, maxLength: 9 });

/**
 * S = c·R·diag(±1, ±1, ±1) + noise: a rotated or mirrored isotropic point set, where N's top
 * eigenvalue is triple (det < 0) or simple (det > 0), the polynomial's hardest roots. Random S
 * almost never lands there (fast-check met one once in CI, after 432 runs).
 */
const nearDegenerateCrossCovariance = fc
  .tuple(
    // Axis × angle, angles up to π: every rotation.
    fc.record({ x: fc.double({ min: -1.8, max: 1.8, noNaN: true }), y: fc.double({ min: -1.8, max: 1.8, noNaN: true }), z: fc.double({ min: -1.8, max: 1.8, noNaN: true }) }),
    fc.tuple(fc.constantFrom(1, -1), fc.constantFrom(1, -1), fc.constantFrom(1, -1)),
    fc.double({ min: 1e-2, max: 1000, noNaN: true }),
    fc.array(fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), { minLength: 9, maxLength: 9 }),
  )
  .map(([omega, signs, scale, noise]) =>
    rotationFromVector(omega).map((r, k) => scale * (r * (signs[k % 3] ?? 1) + (noise[k] ?? 0))),
  );

const crossCovariance = fc.oneof(anyCrossCovariance, nearDegenerateCrossCovariance);

describe('Horn matrix largest eigenpair by QCP', () => {
  it('finds the largest eigenvalue that Jacobi finds: to ~1e-15 of the bound when simple, ~5e-6 when (near-)triple', () => {
    fc.assert(
      fc.property(crossCovariance, (s) => {
        // The Jacobi reference stops on an absolute off-diagonal threshold: keep it in its range.
        const bound = upperBound(s);
        fc.pre(bound > 1e-3);
        const n = hornMatrix(s);
        const sorted = symmetricEigen([0, 1, 2, 3].map((r) => n.slice(4 * r, 4 * r + 4))).values.sort((x, y) => y - x);
        const error = Math.abs(hornLargestEigenvalue(n, s, bound) - (sorted[0] ?? Number.NaN));
        // A root of multiplicity m is only found to ~eps^(1/m) of the scale (the polynomial's
        // noise): 6e-6 for the triple root of a mirrored point set (3,000,000 samples: ≤ 4.4e-6).
        const simple = (sorted[0] ?? 0) - (sorted[1] ?? 0) > 0.05 * bound;
        expect(error).toBeLessThan((simple ? 1e-12 : 1e-5) * bound);
      }),
      // The CI counterexample: S ≈ 1000 × a mirroring, N's top eigenvalue triple.
      { numRuns: 500, examples: [[[0, 0, -999.9999384311956, 999.9999922738347, 0, 0, 0, 999.999992303869, 0]]] },
    );
  });

  it('finds its eigenvector (up to sign) wherever the eigenvalue is well separated', () => {
    fc.assert(
      fc.property(crossCovariance, (s) => {
        const n = hornMatrix(s);
        const { values } = symmetricEigen([0, 1, 2, 3].map((r) => n.slice(4 * r, 4 * r + 4)));
        const sorted = [...values].sort((x, y) => y - x);
        const gap = (sorted[0] ?? 0) - (sorted[1] ?? 0);
        fc.pre(upperBound(s) > 1e-3 && gap > 0.05 * upperBound(s));
        const lambda = hornLargestEigenvalue(n, s, upperBound(s));
        const q = new Float64Array(4);
        expect(hornEigenvector(n, lambda, q, new Float64Array(16))).toBe(true);
        const expected = reference(n).vector;
        const dot = [0, 1, 2, 3].reduce((sum, k) => sum + (q[k] ?? 0) * (expected[k] ?? 0), 0);
        expect(Math.abs(dot)).toBeCloseTo(1, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('declines a repeated largest eigenvalue instead of returning noise', () => {
    // Points on a line (S = diag(1, 0, 0)): any rotation about the line fits, N = diag(1, 1, −1, −1)
    // repeats its top eigenvalue. S = I (an isotropic blob) gives N = diag(3, −1, −1, −1): simple.
    const line = [1, 0, 0, 0, 0, 0, 0, 0, 0];
    const n = hornMatrix(line);
    const lambda = hornLargestEigenvalue(n, line, upperBound(line));
    expect(lambda).toBeCloseTo(1, 6);
    expect(hornEigenvector(n, lambda, new Float64Array(4), new Float64Array(16))).toBe(false);
    const isotropic = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    const q = new Float64Array(4);
    expect(hornEigenvector(hornMatrix(isotropic), hornLargestEigenvalue(hornMatrix(isotropic), isotropic, upperBound(isotropic)), q, new Float64Array(16))).toBe(true);
    expect(Math.abs(q[0] ?? 0)).toBeCloseTo(1, 12);
  });
});
