import type { Landmark, PackedPoints } from './landmarks';

/** Numbers per packed point: x, y, z. */
export const POINT_STRIDE = 3;

/** Points of a packed list (a trailing partial triple is not a point). */
export function pointCount(points: PackedPoints): number {
  return Math.floor(points.length / POINT_STRIDE);
}

/** Packs points (any object with x, y, z: a visibility is dropped) as x, y, z triples. */
export function packPoints(points: readonly { readonly x: number; readonly y: number; readonly z: number }[]): PackedPoints {
  const packed = new Float32Array(points.length * POINT_STRIDE);
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i] as Landmark;
    packed[POINT_STRIDE * i] = p.x;
    packed[POINT_STRIDE * i + 1] = p.y;
    packed[POINT_STRIDE * i + 2] = p.z;
  }
  return packed;
}

/** Point i as a Landmark, for code off the per-frame path (drawing, tools, tests); undefined past the end. */
export function pointAt(points: PackedPoints, i: number): Landmark | undefined {
  if (!(i >= 0 && i < pointCount(points))) return undefined;
  return { x: points[POINT_STRIDE * i] as number, y: points[POINT_STRIDE * i + 1] as number, z: points[POINT_STRIDE * i + 2] as number };
}

/** Every point as a Landmark (off the per-frame path). */
export function unpackPoints(points: PackedPoints): Landmark[] {
  return Array.from({ length: pointCount(points) }, (_, i) => pointAt(points, i) as Landmark);
}
