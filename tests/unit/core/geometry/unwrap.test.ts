import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { distanceMat3 } from '../../../../src/core/geometry/mat3';
import { continuousAngles, equivalentAngles, unwrapDeg, wrapDeg } from '../../../../src/core/geometry/unwrap';
import { headAnglesWithin } from '../../../support/head-angles-arbitrary';

const ANGLE_TOLERANCE_DEG = 1e-6;

describe('wrapDeg / unwrapDeg', () => {
  it('wraps into (−180, 180]', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a) => {
        const w = wrapDeg(a);
        expect(w).toBeGreaterThan(-180);
        expect(w).toBeLessThanOrEqual(180);
        expect(Math.abs(Math.sin(((w - a) * Math.PI) / 180))).toBeLessThan(1e-6);
      }),
    );
  });

  it('keeps a sequence continuous across ±180°', () => {
    expect(unwrapDeg(175, -178)).toBeCloseTo(182, 9);
    expect(unwrapDeg(-170, 170)).toBeCloseTo(-190, 9);
    expect(unwrapDeg(10, 20)).toBeCloseTo(20, 9);
  });
});

describe('equivalentAngles / continuousAngles', () => {
  it('the Euler twin describes the same rotation', () => {
    fc.assert(
      fc.property(
        headAnglesWithin({ yawDeg: 89, pitchDeg: 179, rollDeg: 179 }),
        (a) => {
          expect(distanceMat3(anglesToMatrix(a), anglesToMatrix(equivalentAngles(a)))).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('follows a yaw sweep past 90° without a jump', () => {
    let previous = null as ReturnType<typeof continuousAngles> | null;
    // Exactly ±90° is gimbal lock (pitch and roll are not separable there), so the sweep steps over it.
    for (let yaw = 61; yaw <= 131; yaw += 2) {
      const decoded = rotationToAngles(anglesToMatrix({ yawDeg: yaw, pitchDeg: 5, rollDeg: -3 }));
      const next = continuousAngles(previous, decoded);
      expect(Math.abs(next.yawDeg - yaw)).toBeLessThan(ANGLE_TOLERANCE_DEG);
      expect(Math.abs(next.pitchDeg - 5)).toBeLessThan(ANGLE_TOLERANCE_DEG);
      expect(Math.abs(next.rollDeg + 3)).toBeLessThan(ANGLE_TOLERANCE_DEG);
      previous = next;
    }
  });

  it('returns to the upright reading once the turn is back, whatever branch it came from', () => {
    // A head back at neutral tracked as (180, 180, 180), the twin of (0, 0, 0), comes back upright.
    expect(continuousAngles({ yawDeg: 179, pitchDeg: 179, rollDeg: 178 }, { yawDeg: 1, pitchDeg: 2, rollDeg: -1 })).toEqual({ yawDeg: 1, pitchDeg: 2, rollDeg: -1 });
    fc.assert(
      fc.property(headAnglesWithin({ yawDeg: 80, pitchDeg: 80, rollDeg: 80 }), headAnglesWithin({ yawDeg: 179, pitchDeg: 179, rollDeg: 179 }), (head, previous) => {
        const next = continuousAngles(previous, head);
        // The same rotation, read upright, yaw only unwrapped by whole turns.
        expect(distanceMat3(anglesToMatrix(next), anglesToMatrix(head))).toBeLessThan(1e-9);
        expect(next.pitchDeg).toBeCloseTo(head.pitchDeg, 9);
        expect(next.rollDeg).toBeCloseTo(head.rollDeg, 9);
        expect(Math.abs(wrapDeg(next.yawDeg - head.yawDeg))).toBeLessThan(1e-9);
      }),
    );
  });

  it('returns the input unchanged without a previous value', () => {
    const a = { yawDeg: 12, pitchDeg: -4, rollDeg: 7 };
    expect(continuousAngles(null, a)).toEqual(a);
  });
});
