import type { WorldPoint } from './camera-rig';

/** Small tuple arithmetic for the posed body (world or model units; the kernels in src/core use objects). */
export function add3(a: WorldPoint, b: WorldPoint): WorldPoint {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub3(a: WorldPoint, b: WorldPoint): WorldPoint {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale3(a: WorldPoint, k: number): WorldPoint {
  return [a[0] * k, a[1] * k, a[2] * k];
}

export function dot3(a: WorldPoint, b: WorldPoint): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross3(a: WorldPoint, b: WorldPoint): WorldPoint {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function length3(a: WorldPoint): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function distance3(a: WorldPoint, b: WorldPoint): number {
  return length3(sub3(a, b));
}

/** The unit vector along a; a itself (zero) when it has no direction. */
export function unit3(a: WorldPoint): WorldPoint {
  const n = length3(a);
  return n > 1e-12 ? scale3(a, 1 / n) : a;
}

/** Angle between two directions, degrees. */
export function angleBetweenDeg(a: WorldPoint, b: WorldPoint): number {
  const c = dot3(unit3(a), unit3(b));
  return (Math.acos(Math.min(1, Math.max(-1, c))) * 180) / Math.PI;
}
