import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { applyMat3, distanceMat3, IDENTITY3 } from '../../../../src/core/geometry/mat3';
import { bendNeck, neckWeight, partialRotation, quaternionOf, type NeckSpec } from '../../../../tools/clipgen/core/neck-bend';

const SPEC: NeckSpec = { pivot: [0, -1, -0.5], fixedBelowY: -2, rigidAboveY: 0 };

describe('neck weights', () => {
  it('are 0 at and below the shoulders, 1 at and above the jaw, smooth and rising between', () => {
    expect(neckWeight(-3, SPEC)).toBe(0);
    expect(neckWeight(-2, SPEC)).toBe(0);
    expect(neckWeight(0, SPEC)).toBe(1);
    expect(neckWeight(2, SPEC)).toBe(1);
    expect(neckWeight(-1, SPEC)).toBeCloseTo(0.5, 12);
    let previous = 0;
    for (let y = -2; y <= 0; y += 0.05) {
      const w = neckWeight(y, SPEC);
      expect(w).toBeGreaterThanOrEqual(previous);
      previous = w;
    }
    // smoothstep: flat at both ends (no kink where the neck meets the head or the shoulders).
    expect(neckWeight(-2 + 1e-3, SPEC)).toBeLessThan(1e-5);
    expect(1 - neckWeight(-1e-3, SPEC)).toBeLessThan(1e-5);
  });
});

describe('partial rotations', () => {
  it('recover the rotation at weight 1, the identity at 0, and half the angle at 0.5 (also past 90°)', () => {
    for (const angles of [{ yawDeg: 90, pitchDeg: 0, rollDeg: 0 }, { yawDeg: -60, pitchDeg: 40, rollDeg: 30 }, { yawDeg: 0, pitchDeg: -170, rollDeg: 0 }]) {
      const r = anglesToMatrix(angles);
      const q = quaternionOf(r);
      expect(distanceMat3(partialRotation(q, 1), r)).toBeLessThan(1e-9);
      expect(distanceMat3(partialRotation(q, 0), IDENTITY3)).toBeLessThan(1e-12);
      const half = partialRotation(q, 0.5);
      const v = { x: 0.3, y: -0.2, z: 0.9 };
      const twice = applyMat3(half, applyMat3(half, v));
      const once = applyMat3(r, v);
      expect(twice.x).toBeCloseTo(once.x, 9);
      expect(twice.y).toBeCloseTo(once.y, 9);
      expect(twice.z).toBeCloseTo(once.z, 9);
    }
  });
});

describe('bendNeck', () => {
  it('turns the head rigidly about the pivot, keeps the shoulders, and keeps the neck\'s length (slerp, not a blend of positions)', () => {
    const neck = anglesToMatrix({ yawDeg: 80, pitchDeg: 0, rollDeg: 0 });
    // head point, shoulder point, mid-neck point (on a ring around the pivot's axis).
    const positions = new Float32Array([0.2, 1, 1.5, 1, -3, 0.5, 0.8, -1, -0.5]);
    const normals = new Float32Array([0, 0, 1, 0, 0, 1, 1, 0, 0]);
    const weights = new Float32Array([1, 0, neckWeight(-1, SPEC)]);
    const outP = new Float32Array(9);
    const outN = new Float32Array(9);
    bendNeck(positions, normals, weights, neck, SPEC, outP, outN);
    const head = applyMat3(neck, { x: 0.2 - 0, y: 1 - -1, z: 1.5 - -0.5 });
    expect(outP[0]).toBeCloseTo(head.x, 5);
    expect(outP[1]).toBeCloseTo(head.y - 1, 5);
    expect(outP[2]).toBeCloseTo(head.z - 0.5, 5);
    // The normal turns with the head: the face's +z normal now points to +x (yaw > 0: subject's left = image right).
    expect(outN[0]).toBeCloseTo(Math.sin((80 * Math.PI) / 180), 5);
    expect([...outP.subarray(3, 6)]).toEqual([...positions.subarray(3, 6)]);
    // The mid-neck point (weight 0.5) turned 40° about the vertical through the pivot (Ry takes +x
    // toward −z), at its distance from it.
    const x = outP[6] ?? Number.NaN, z = (outP[8] ?? Number.NaN) + 0.5;
    expect(Math.hypot(x, z)).toBeCloseTo(0.8, 5);
    expect(Math.atan2(-z, x) * (180 / Math.PI)).toBeCloseTo(40, 3);
  });
});
