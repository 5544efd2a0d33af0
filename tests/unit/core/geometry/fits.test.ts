import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { applyMat3, distanceMat3, IDENTITY3, mat3At, mat3FromFunction, rotationBetween } from '../../../../src/core/geometry/mat3';
import { orthonormalizeMat3 } from '../../../../src/core/geometry/orthonormalize';
import { fitSimilarity } from '../../../../src/core/geometry/similarity-fit';
import type { Vec3 } from '../../../../src/core/geometry/vec3';
import { headAnglesWithin } from '../../../support/head-angles-arbitrary';

const ROTATION_TOLERANCE = 1e-6;
const FIT_ANGLE_TOLERANCE_DEG = 0.01;

// A small asymmetric rigid body (cm): nose forward, ears behind, like a head.
const MODEL: Vec3[] = [
  { x: 0, y: -1, z: 7.5 }, { x: 3, y: 2.7, z: 4 }, { x: -3, y: 2.7, z: 4 }, { x: 7.3, y: 1.5, z: -4.5 },
  { x: -7.3, y: 1.5, z: -4.5 }, { x: 2.5, y: -4.3, z: 4.3 }, { x: -2.5, y: -4.3, z: 4.3 }, { x: 0, y: 8, z: 4 },
];
const anglesArb = headAnglesWithin({ yawDeg: 85, pitchDeg: 60, rollDeg: 60 });

describe('orthonormalizeMat3', () => {
  it('recovers a rotation from a scaled, slightly perturbed one', () => {
    const r = anglesToMatrix({ yawDeg: 20, pitchDeg: -10, rollDeg: 5 });
    const noisy = mat3FromFunction((row, col) => 1.3 * mat3At(r, row, col) + (row === 0 && col === 1 ? 0.01 : 0));
    const fixed = orthonormalizeMat3(noisy);
    expect(fixed).not.toBeNull();
    expect(distanceMat3(fixed ?? IDENTITY3, r)).toBeLessThan(0.02);
  });
});

describe('rotationBetween', () => {
  it('maps one direction onto another, and a fraction of it', () => {
    const r = rotationBetween({ x: 0, y: 0, z: 1 }, { x: 1, y: 0, z: 1 });
    const mapped = applyMat3(r, { x: 0, y: 0, z: 1 });
    expect(mapped.x).toBeCloseTo(Math.SQRT1_2, 9);
    expect(mapped.z).toBeCloseTo(Math.SQRT1_2, 9);
    expect(rotationToAngles(rotationBetween({ x: 0, y: 0, z: 1 }, { x: 1, y: 0, z: 1 }, 0.5)).yawDeg).toBeCloseTo(22.5, 9);
  });
});

describe('fitSimilarity (Horn/Umeyama)', () => {
  it('recovers rotation, scale and translation exactly from clean points', () => {
    fc.assert(
      fc.property(anglesArb, fc.double({ min: 0.01, max: 10, noNaN: true }), (a, scale) => {
        const r = anglesToMatrix(a);
        const observed = MODEL.map((m) => {
          const p = applyMat3(r, m);
          return { x: scale * p.x + 5, y: scale * p.y - 3, z: scale * p.z + 40 };
        });
        const fit = fitSimilarity(MODEL, observed, MODEL.map(() => 1));
        expect(fit).not.toBeNull();
        expect(distanceMat3(fit?.rotation ?? IDENTITY3, r)).toBeLessThan(ROTATION_TOLERANCE);
        expect(fit?.scale).toBeCloseTo(scale, 6);
        expect(fit?.translation.z).toBeCloseTo(40, 5);
      }),
    );
  });

  it('refuses fewer than three weighted points', () => {
    expect(fitSimilarity(MODEL, MODEL, [1, 1, 0, 0, 0, 0, 0, 0])).toBeNull();
  });
});
