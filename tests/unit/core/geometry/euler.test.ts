import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, anglesToMatrix16, matrixToAngles, rotationToAngles } from '../../../../src/core/geometry/euler';
import { applyMat3, determinantMat3, distanceMat3, IDENTITY3, multiplyMat3, transposeMat3 } from '../../../../src/core/geometry/mat3';

const ANGLE_TOLERANCE_DEG = 1e-6;
const MATRIX_TOLERANCE = 1e-9;

const angle = (max: number) => fc.double({ min: -max, max, noNaN: true });
const headAngles = fc.record({ yawDeg: angle(89.9), pitchDeg: angle(179.9), rollDeg: angle(179.9) });

describe('anglesToMatrix / rotationToAngles', () => {
  it('round-trips angles (|yaw| < 90°)', () => {
    fc.assert(
      fc.property(headAngles, (a) => {
        const back = rotationToAngles(anglesToMatrix(a));
        expect(back.yawDeg).toBeCloseTo(a.yawDeg, 6);
        expect(back.pitchDeg).toBeCloseTo(a.pitchDeg, 6);
        expect(back.rollDeg).toBeCloseTo(a.rollDeg, 6);
      }),
    );
  });

  it('produces proper rotations', () => {
    fc.assert(
      fc.property(headAngles, (a) => {
        const r = anglesToMatrix(a);
        expect(distanceMat3(multiplyMat3(r, transposeMat3(r)), IDENTITY3)).toBeLessThan(MATRIX_TOLERANCE);
        expect(determinantMat3(r)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('follows the sign convention on single-axis rotations', () => {
    // The face's forward direction (+z, toward the camera) and its up direction (+y).
    const forward = { x: 0, y: 0, z: 1 };
    const up = { x: 0, y: 1, z: 0 };
    // yaw > 0: turned to the subject's left = toward the image's right (+x).
    expect(applyMat3(anglesToMatrix({ yawDeg: 30, pitchDeg: 0, rollDeg: 0 }), forward).x).toBeCloseTo(Math.sin(Math.PI / 6), 12);
    // pitch > 0: chin up, the face looks upward (+y).
    expect(applyMat3(anglesToMatrix({ yawDeg: 0, pitchDeg: 30, rollDeg: 0 }), forward).y).toBeCloseTo(Math.sin(Math.PI / 6), 12);
    // roll > 0: the top of the head tilts to the subject's left (+x).
    expect(applyMat3(anglesToMatrix({ yawDeg: 0, pitchDeg: 0, rollDeg: 30 }), up).x).toBeCloseTo(Math.sin(Math.PI / 6), 12);
  });

  it('reports yaw ±90° with a usable pitch at gimbal lock', () => {
    const back = rotationToAngles(anglesToMatrix({ yawDeg: 90, pitchDeg: 20, rollDeg: 0 }));
    expect(back.yawDeg).toBeCloseTo(90, 6);
    expect(back.pitchDeg).toBeCloseTo(20, 6);
    expect(back.rollDeg).toBe(0);
    const negative = rotationToAngles(anglesToMatrix({ yawDeg: -90, pitchDeg: -15, rollDeg: 0 }));
    expect(negative.yawDeg).toBeCloseTo(-90, 6);
    expect(negative.pitchDeg).toBeCloseTo(-15, 6);
  });
});

describe('matrixToAngles (column-major 4x4, MediaPipe layout)', () => {
  it('decodes a known yaw matrix written out by hand', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    // Ry(30°) = [[c,0,s],[0,1,0],[-s,0,c]], stored column by column, translation (0, 0, -70) cm.
    const m16 = [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, 0, 0, -70, 1];
    const angles = matrixToAngles(m16);
    expect(angles?.yawDeg).toBeCloseTo(30, 9);
    expect(angles?.pitchDeg).toBeCloseTo(0, 9);
    expect(angles?.rollDeg).toBeCloseTo(0, 9);
  });

  it('decodes a known pitch matrix: Rx(-20°) is 20° of extension', () => {
    const c = Math.cos((-20 * Math.PI) / 180);
    const s = Math.sin((-20 * Math.PI) / 180);
    // Rx(a) = [[1,0,0],[0,c,-s],[0,s,c]] column-major.
    const m16 = [1, 0, 0, 0, 0, c, s, 0, 0, -s, c, 0, 0, 0, -60, 1];
    expect(matrixToAngles(m16)?.pitchDeg).toBeCloseTo(20, 9);
  });

  it('round-trips through anglesToMatrix16 and strips a uniform scale', () => {
    fc.assert(
      fc.property(headAngles, fc.double({ min: 0.5, max: 2, noNaN: true }), (a, scale) => {
        const m16 = anglesToMatrix16(a, [3, -2, -70]).map((v, k) => (k % 4 < 3 && k < 12 ? v * scale : v));
        const back = matrixToAngles(m16);
        expect(back).not.toBeNull();
        expect(Math.abs((back?.yawDeg ?? NaN) - a.yawDeg)).toBeLessThan(ANGLE_TOLERANCE_DEG);
        expect(Math.abs((back?.pitchDeg ?? NaN) - a.pitchDeg)).toBeLessThan(ANGLE_TOLERANCE_DEG);
        expect(Math.abs((back?.rollDeg ?? NaN) - a.rollDeg)).toBeLessThan(ANGLE_TOLERANCE_DEG);
      }),
    );
  });

  it('mirroring the matrix (x → −x on both sides) flips yaw and roll and keeps pitch', () => {
    fc.assert(
      fc.property(fc.record({ yawDeg: angle(85), pitchDeg: angle(85), rollDeg: angle(85) }), (a) => {
        const m16 = anglesToMatrix16(a);
        // S·R·S with S = diag(−1, 1, 1): negate entries in exactly one of row 0 / column 0.
        const mirrored = m16.map((v, k) => ((k % 4 === 0) !== (Math.floor(k / 4) === 0) ? -v : v));
        const back = matrixToAngles(mirrored);
        expect(back?.yawDeg).toBeCloseTo(-a.yawDeg, 6);
        expect(back?.pitchDeg).toBeCloseTo(a.pitchDeg, 6);
        expect(back?.rollDeg).toBeCloseTo(-a.rollDeg, 6);
      }),
    );
  });

  it('rejects short, non-finite and reflecting matrices', () => {
    expect(matrixToAngles([1, 0, 0])).toBeNull();
    expect(matrixToAngles(anglesToMatrix16({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }).map((v, k) => (k === 5 ? NaN : v)))).toBeNull();
    expect(matrixToAngles(anglesToMatrix16({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }).map((v, k) => (k === 0 ? -1 : v)))).toBeNull();
  });
});
