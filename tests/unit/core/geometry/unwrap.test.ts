import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { distanceMat3 } from '../../../../src/core/geometry/mat3';
import { continuousAngles, equivalentAngles, unwrapDeg, uprightAngles, wrapDeg } from '../../../../src/core/geometry/unwrap';
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

describe('uprightAngles', () => {
  it('reads a head turned past 90° as itself, not as its twin, and leaves an upright head alone', () => {
    // rotationToAngles keeps |yaw| ≤ 90°: a head turned −96° comes out as its twin.
    const twin = rotationToAngles(anglesToMatrix({ yawDeg: -96, pitchDeg: 8, rollDeg: -5 }));
    expect(Math.abs(twin.pitchDeg)).toBeGreaterThan(90);
    const upright = uprightAngles(twin);
    expect(upright.yawDeg).toBeCloseTo(-96, 6);
    expect(upright.pitchDeg).toBeCloseTo(8, 6);
    expect(upright.rollDeg).toBeCloseTo(-5, 6);
    const plain = { yawDeg: 40, pitchDeg: -20, rollDeg: 10 };
    expect(uprightAngles(plain)).toBe(plain);
  });

  it('is the same rotation, upright whenever either twin is', () => {
    fc.assert(
      fc.property(headAnglesWithin({ yawDeg: 179, pitchDeg: 179, rollDeg: 179 }), (angles) => {
        const upright = uprightAngles(angles);
        expect(distanceMat3(anglesToMatrix(upright), anglesToMatrix(angles))).toBeLessThan(1e-9);
        const eitherUpright = [angles, equivalentAngles(angles)].some((a) => Math.abs(a.pitchDeg) <= 90 && Math.abs(a.rollDeg) <= 90);
        if (eitherUpright) expect(Math.max(Math.abs(upright.pitchDeg), Math.abs(upright.rollDeg))).toBeLessThanOrEqual(90);
      }),
    );
  });
});
