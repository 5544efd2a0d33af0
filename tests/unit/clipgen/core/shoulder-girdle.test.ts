import { describe, expect, it } from 'vitest';
import { girdleWeight, moveGirdle } from '../../../../tools/clipgen/core/shoulder-girdle';
import { shirtWeight } from '../../../../tools/clipgen/core/scan-shirt';
import { UNITS_PER_CM } from '../../../../tools/clipgen/core/scan-body';

describe('the shoulder girdle\'s skinning', () => {
  it('moves the shoulders fully, never the head, the ears or the neck\'s middle', () => {
    expect(girdleWeight(3.6, -2.7)).toBe(1);
    expect(girdleWeight(-4.2, -3.0)).toBe(1);
    expect(girdleWeight(1.85, 1.4)).toBe(0); // an ear
    expect(girdleWeight(0, -3)).toBe(0); // the sternum
    expect(girdleWeight(0.9, -1.2)).toBe(0); // the neck
    const w = girdleWeight(2, -2.5);
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(1);
  });

  it('translates each vertex by its weight\'s share, and leaves the mesh exactly as it was at rest', () => {
    const positions = Float32Array.from([3.6, -2.7, -0.9, 0, 2, 1, 2, -2.5, 0]);
    const weights = Float32Array.from([girdleWeight(3.6, -2.7), girdleWeight(0, 2), girdleWeight(2, -2.5)]);
    const out = new Float32Array(9);
    moveGirdle(positions, weights, { elevationCm: 5, protractionCm: -2 }, out);
    expect(out[1]! - positions[1]!).toBeCloseTo(5 * UNITS_PER_CM, 5);
    expect(out[2]! - positions[2]!).toBeCloseTo(-2 * UNITS_PER_CM, 5);
    expect([out[3], out[4], out[5]]).toEqual([positions[3], positions[4], positions[5]]);
    expect(out[7]! - positions[7]!).toBeCloseTo(weights[2]! * 5 * UNITS_PER_CM, 5);
    moveGirdle(positions, weights, { elevationCm: 0, protractionCm: 0 }, out);
    expect(out).toEqual(positions);
  });
});

describe('the shirt', () => {
  it('covers the shoulders and the chest, not the neck or the face', () => {
    expect(shirtWeight(0, -3)).toBe(1);
    expect(shirtWeight(3.5, -2.2)).toBe(1);
    expect(shirtWeight(0, -1.5)).toBe(0);
    expect(shirtWeight(0, 1.7)).toBe(0);
  });
});
