import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateFromFace, fitFaceLandmarks } from '../../../../src/core/head-pose/from-face';
import { rotationToAngles } from '../../../../src/core/geometry/euler';
import { IMAGE, mirrorFace, syntheticFace } from './synthetic-subject';
import { headAnglesWithin } from '../../../support/head-angles-arbitrary';
import { packPoints, unpackPoints } from '../../../../src/core/packed-points';

const MATRIX_TOLERANCE_DEG = 1e-6;
/** The synthetic face is projected through a real pinhole: perspective makes the rigid fit inexact. */
const LANDMARK_FIT_TOLERANCE_DEG = 2.5;
const RAY_DEG_AT_20_CM = (Math.atan(20 / 60) * 180) / Math.PI;

const pose = headAnglesWithin({ yawDeg: 50, pitchDeg: 35, rollDeg: 30 });

describe('estimateFromFace', () => {
  it.each([
    ['reads the angles of MediaPipe’s matrix exactly', true, MATRIX_TOLERANCE_DEG],
    ['falls back to the rigid landmark fit without a matrix', false, LANDMARK_FIT_TOLERANCE_DEG],
  ] as const)('%s', (_how, withMatrix, toleranceDeg) => {
    fc.assert(
      fc.property(pose, (head) => {
        const estimate = estimateFromFace(syntheticFace({ head }, { withMatrix }), IMAGE);
        expect(Math.abs((estimate?.angles.yawDeg ?? NaN) - head.yawDeg)).toBeLessThan(toleranceDeg);
        expect(Math.abs((estimate?.angles.pitchDeg ?? NaN) - head.pitchDeg)).toBeLessThan(toleranceDeg);
        expect(Math.abs((estimate?.angles.rollDeg ?? NaN) - head.rollDeg)).toBeLessThan(toleranceDeg);
      }),
      { numRuns: 50 },
    );
  });

  it('mirrored input flips yaw and roll and keeps pitch (matrix and landmarks)', () => {
    fc.assert(
      fc.property(pose, (head) => {
        for (const withMatrix of [true, false]) {
          const face = syntheticFace({ head }, { withMatrix });
          const direct = estimateFromFace(face, IMAGE);
          const mirrored = estimateFromFace(mirrorFace(face), IMAGE);
          // 1 − x is not exact in float32 (the points are packed so): 1e-4° is far below any use.
          expect(mirrored?.angles.yawDeg).toBeCloseTo(-(direct?.angles.yawDeg ?? NaN), 4);
          expect(mirrored?.angles.pitchDeg).toBeCloseTo(direct?.angles.pitchDeg ?? NaN, 4);
          expect(mirrored?.angles.rollDeg).toBeCloseTo(-(direct?.angles.rollDeg ?? NaN), 4);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('trusts a face by its turn from the line of sight: off the axis, less when turned away from the camera, more toward it', () => {
    for (const withMatrix of [true, false]) {
      const confidence = (yawDeg: number, x: number, options = {}) =>
        estimateFromFace(syntheticFace({ head: { yawDeg, pitchDeg: 0, rollDeg: 0 }, position: { x, y: 0, z: -60 } }, { withMatrix }), IMAGE, options)?.confidence ?? NaN;
      // 20 cm to the image's right at 60 cm: the camera sees the face from its right, already turned 18° to its left.
      expect(confidence(32, 20)).toBeLessThan(confidence(32, 0) - 0.3);
      expect(confidence(-32, 20)).toBeGreaterThan(confidence(-32, 0));
      expect(confidence(0, 20)).toBeGreaterThan(0.95);
    }
    const matrixConfidence = (x: number, options = {}) =>
      estimateFromFace(syntheticFace({ head: { yawDeg: 32, pitchDeg: 0, rollDeg: 0 }, position: { x, y: 0, z: -60 } }), IMAGE, options)?.confidence ?? NaN;
    expect(matrixConfidence(20, { lineOfSightTrust: 0 })).toBeCloseTo(matrixConfidence(0), 9);
  });

  it('the landmark fit needs the ray correction for a face off the image centre', () => {
    const face = syntheticFace({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, position: { x: 20, y: 0, z: -60 } }, { withMatrix: false });
    const corrected = fitFaceLandmarks(face, IMAGE, 1, 63);
    const uncorrected = fitFaceLandmarks(face, IMAGE, 0, 63);
    const correctedYaw = corrected ? rotationToAngles(corrected.rotation).yawDeg : NaN;
    const uncorrectedYaw = uncorrected ? rotationToAngles(uncorrected.rotation).yawDeg : NaN;
    // Seen from the left of the optical axis the face shows its left side: it reads as turned toward the edge.
    expect(Math.abs(uncorrectedYaw - RAY_DEG_AT_20_CM)).toBeLessThan(LANDMARK_FIT_TOLERANCE_DEG);
    expect(Math.abs(correctedYaw)).toBeLessThan(LANDMARK_FIT_TOLERANCE_DEG);
  });

  it('confidence is full for a frontal face and fades near the yaw saturation', () => {
    const confidenceAt = (yawDeg: number) => estimateFromFace(syntheticFace({ head: { yawDeg, pitchDeg: 0, rollDeg: 0 } }), IMAGE)?.confidence ?? NaN;
    expect(confidenceAt(0)).toBeGreaterThan(0.95);
    expect(confidenceAt(45)).toBeLessThan(confidenceAt(30));
    expect(confidenceAt(-60)).toBeLessThan(0.1);
    for (let yaw = 0; yaw < 70; yaw += 1) expect(confidenceAt(yaw + 1)).toBeLessThanOrEqual(confidenceAt(yaw) + 1e-9);
  });

  it('a face reading a smaller turn than the head is known to have is trusted as far as a saturated mesh could under-read it', () => {
    const confidence = (faceYawDeg: number, knownYawDeg: number | null) =>
      estimateFromFace(syntheticFace({ head: { yawDeg: faceYawDeg, pitchDeg: 0, rollDeg: 0 } }), IMAGE, {}, undefined, knownYawDeg)?.confidence ?? NaN;
    // The rendered scan turned 50° read 29° as the face came back: not believed while the head was last at −55°.
    expect(confidence(-29, -55)).toBeLessThan(0.05);
    expect(confidence(-29, null)).toBeGreaterThan(0.95);
    // Known or not, a face reading the larger turn is judged by its own reading.
    expect(confidence(40, 10)).toBeCloseTo(confidence(40, null), 12);
    // A near-frontal face is believed in part even if the head was thought far away (no lock-out).
    expect(confidence(10, 80)).toBeGreaterThan(0.5);
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), (face, known) => {
        expect(confidence(face, known)).toBeLessThanOrEqual(confidence(face, null) + 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("'landmarks' ignores the matrix and 'blend' lands between the two readings", () => {
    const head = { yawDeg: 30, pitchDeg: 0, rollDeg: 0 };
    // A matrix that disagrees with the landmarks by 10° of yaw.
    const face = syntheticFace({ head }, { matrixYaw: (yaw) => yaw - 10 });
    const matrix = estimateFromFace(face, IMAGE, { method: 'matrix' })?.angles.yawDeg ?? NaN;
    const landmarks = estimateFromFace(face, IMAGE, { method: 'landmarks' })?.angles.yawDeg ?? NaN;
    const blend = estimateFromFace(face, IMAGE, { method: 'blend' })?.angles.yawDeg ?? NaN;
    expect(matrix).toBeCloseTo(20, 6);
    expect(Math.abs(landmarks - 30)).toBeLessThan(LANDMARK_FIT_TOLERANCE_DEG);
    expect(Math.abs(blend - (matrix + landmarks) / 2)).toBeLessThan(0.5);
  });

  it("with MediaPipe's matrix, still distrusts a mesh that is not a rigid face (the fit's residual alone)", () => {
    const face = syntheticFace({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    // Every point pushed ±3 % of the image about, as a mesh torn by a hand or a bad track would be.
    const torn = { ...face, points: packPoints(unpackPoints(face.points).map((l, k) => ({ x: l.x + 0.03 * Math.sin(7 * k), y: l.y + 0.03 * Math.cos(11 * k), z: l.z }))) };
    const rigid = estimateFromFace(face, IMAGE);
    const distrusted = estimateFromFace(torn, IMAGE);
    expect(rigid?.confidence).toBeGreaterThan(0.95);
    expect(distrusted?.angles).toEqual(rigid?.angles);
    expect(distrusted?.confidence).toBeLessThan(0.5);
    expect(fitFaceLandmarks(torn, IMAGE, 1, 63)?.relativeResidual).toBeGreaterThan(0.2);
  });

  it('returns null without a matrix and without a full mesh', () => {
    expect(estimateFromFace({ points: new Float32Array(0), matrix: null }, IMAGE)).toBeNull();
  });
});
