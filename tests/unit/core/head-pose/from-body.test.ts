import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateFromBody } from '../../../../src/core/head-pose/from-body';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3 } from '../../../../src/core/geometry/mat3';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import { IMAGE, mirrorBody, syntheticBody } from './synthetic-subject';

/** Perspective and hidden points make the 11-point head fit approximate. */
const BODY_TOLERANCE_DEG = 3;

/** Angle of the rotation between two orientations (deg): unlike Euler differences, well-defined at yaw ±90°. */
function rotationErrorDeg(a: HeadAngles, b: HeadAngles): number {
  const d = multiplyMat3(transposeMat3(anglesToMatrix(a)), anglesToMatrix(b));
  return (Math.acos(Math.min(1, Math.max(-1, (d[0] + d[4] + d[8] - 1) / 2))) * 180) / Math.PI;
}

describe('estimateFromBody', () => {
  it('recovers the head angles from BlazePose head points, including profiles, chin on chest and head back', () => {
    fc.assert(
      fc.property(
        fc.record({
          yawDeg: fc.double({ min: -88, max: 88, noNaN: true }),
          pitchDeg: fc.double({ min: -50, max: 45, noNaN: true }),
          rollDeg: fc.double({ min: -35, max: 35, noNaN: true }),
        }),
        (head) => {
          const estimate = estimateFromBody(syntheticBody({ head }), IMAGE);
          expect(estimate).not.toBeNull();
          expect(rotationErrorDeg(estimate?.angles ?? { yawDeg: NaN, pitchDeg: NaN, rollDeg: NaN }, head)).toBeLessThan(BODY_TOLERANCE_DEG);
          expect(Math.abs((estimate?.angles.yawDeg ?? NaN) - head.yawDeg)).toBeLessThan(BODY_TOLERANCE_DEG);
          // Near ±90° of yaw, pitch and roll become one axis (gimbal lock): compare them only below.
          if (Math.abs(head.yawDeg) < 70) {
            expect(Math.abs((estimate?.angles.pitchDeg ?? NaN) - head.pitchDeg)).toBeLessThan(BODY_TOLERANCE_DEG);
            expect(Math.abs((estimate?.angles.rollDeg ?? NaN) - head.rollDeg)).toBeLessThan(BODY_TOLERANCE_DEG);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('mirrored input flips yaw and roll and keeps pitch', () => {
    fc.assert(
      fc.property(
        fc.record({
          yawDeg: fc.double({ min: -80, max: 80, noNaN: true }),
          pitchDeg: fc.double({ min: -40, max: 40, noNaN: true }),
          rollDeg: fc.double({ min: -30, max: 30, noNaN: true }),
        }),
        (head) => {
          const body = syntheticBody({ head });
          const direct = estimateFromBody(body, IMAGE);
          const mirrored = estimateFromBody(mirrorBody(body), IMAGE);
          expect(Math.abs((mirrored?.angles.yawDeg ?? NaN) + (direct?.angles.yawDeg ?? NaN))).toBeLessThan(1e-3);
          expect(Math.abs((mirrored?.angles.pitchDeg ?? NaN) - (direct?.angles.pitchDeg ?? NaN))).toBeLessThan(1e-3);
          expect(Math.abs((mirrored?.angles.rollDeg ?? NaN) + (direct?.angles.rollDeg ?? NaN))).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives no reading when the nose is not visible', () => {
    const body = syntheticBody({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const hidden = { ...body, landmarks: body.landmarks.map((l, k) => (k === 0 ? { ...l, visibility: 0.01 } : l)) };
    expect(estimateFromBody(hidden, IMAGE)).toBeNull();
  });

  it('confidence drops when the points do not fit a head', () => {
    const body = syntheticBody({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const clean = estimateFromBody(body, IMAGE)?.confidence ?? NaN;
    const scrambled = { ...body, landmarks: body.landmarks.map((l, k) => (k === 7 ? { ...l, y: l.y - 0.15 } : k === 9 ? { ...l, x: l.x + 0.1 } : l)) };
    expect(estimateFromBody(scrambled, IMAGE)?.confidence ?? 0).toBeLessThan(clean * 0.7);
  });
});
