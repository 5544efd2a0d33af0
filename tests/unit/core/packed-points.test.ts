import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packPoints, pointAt, pointCount, POINT_STRIDE, unpackPoints } from '../../../src/core/packed-points';

const coordinate = fc.float({ noNaN: true, noDefaultInfinity: true });
const point = fc.record({ x: coordinate, y: coordinate, z: coordinate });

describe('packed points', () => {
  it('pack x, y, z triples in order and unpack to the same points (float32 values are kept exactly)', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (points) => {
        const packed = packPoints(points);
        expect(packed).toBeInstanceOf(Float32Array);
        expect(packed).toHaveLength(POINT_STRIDE * points.length);
        expect(pointCount(packed)).toBe(points.length);
        expect(unpackPoints(packed)).toEqual(points.map(({ x, y, z }) => ({ x, y, z })));
        points.forEach((p, i) => expect(Array.from(packed.subarray(POINT_STRIDE * i, POINT_STRIDE * i + 3))).toEqual([p.x, p.y, p.z]));
      }),
    );
  });

  it('drop a visibility and round other numbers to float32', () => {
    const packed = packPoints([{ x: 0.1, y: 0.2, z: -0.3, visibility: 0.9 } as { x: number; y: number; z: number }]);
    expect(Array.from(packed)).toEqual([Math.fround(0.1), Math.fround(0.2), Math.fround(-0.3)]);
  });

  it('give no point past the end, and no point for a trailing partial triple', () => {
    const packed = Float32Array.from([1, 2, 3, 4, 5]);
    expect(pointCount(packed)).toBe(1);
    expect(pointAt(packed, 0)).toEqual({ x: 1, y: 2, z: 3 });
    expect(pointAt(packed, 1)).toBeUndefined();
    expect(pointAt(packed, -1)).toBeUndefined();
    expect(unpackPoints(packed)).toEqual([{ x: 1, y: 2, z: 3 }]);
  });
});
