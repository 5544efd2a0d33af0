import { mat3At, type Mat3 } from '../../../src/core/geometry/mat3';

/**
 * The scan is one mesh (head, neck, shoulders): the head turns by bending the neck. Each vertex is
 * rotated about a neck pivot by a fraction w of the head's rotation (slerp from the identity, so the
 * neck twists instead of collapsing as a linear blend of positions would); w depends on the vertex's
 * height only: 0 at and below the shoulders, 1 at and above the jaw (the head is rigid), smoothstep
 * in between.
 */
export interface NeckSpec {
  /** Rotation centre (model units): on the cervical spine, between the jaw's and the shoulders' level. */
  readonly pivot: readonly [number, number, number];
  /** Height (model y) at and below which w = 0 (the shoulders stay). */
  readonly fixedBelowY: number;
  /** Height at and above which w = 1 (the whole head, jaw included, turns rigidly). */
  readonly rigidAboveY: number;
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

export function neckWeight(y: number, spec: NeckSpec): number {
  return smoothstep(spec.fixedBelowY, spec.rigidAboveY, y);
}

/** Unit quaternion [w, x, y, z] of a rotation matrix (Shepperd's method: stable for every angle). */
export function quaternionOf(r: Mat3): [number, number, number, number] {
  const m00 = mat3At(r, 0, 0), m11 = mat3At(r, 1, 1), m22 = mat3At(r, 2, 2);
  const trace = m00 + m11 + m22;
  let q: [number, number, number, number];
  if (trace > 0) {
    const s = 2 * Math.sqrt(trace + 1);
    q = [s / 4, (mat3At(r, 2, 1) - mat3At(r, 1, 2)) / s, (mat3At(r, 0, 2) - mat3At(r, 2, 0)) / s, (mat3At(r, 1, 0) - mat3At(r, 0, 1)) / s];
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    q = [(mat3At(r, 2, 1) - mat3At(r, 1, 2)) / s, s / 4, (mat3At(r, 0, 1) + mat3At(r, 1, 0)) / s, (mat3At(r, 0, 2) + mat3At(r, 2, 0)) / s];
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    q = [(mat3At(r, 0, 2) - mat3At(r, 2, 0)) / s, (mat3At(r, 0, 1) + mat3At(r, 1, 0)) / s, s / 4, (mat3At(r, 1, 2) + mat3At(r, 2, 1)) / s];
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    q = [(mat3At(r, 1, 0) - mat3At(r, 0, 1)) / s, (mat3At(r, 0, 2) + mat3At(r, 2, 0)) / s, (mat3At(r, 1, 2) + mat3At(r, 2, 1)) / s, s / 4];
  }
  // The short way round (w ≥ 0), so a fraction of it is a fraction of the smaller angle.
  return q[0] < 0 ? [-q[0], -q[1], -q[2], -q[3]] : q;
}

/** The rotation by fraction `w` of quaternion q (slerp from the identity), row-major. */
export function partialRotation(q: readonly [number, number, number, number], w: number): Mat3 {
  const half = Math.acos(Math.min(1, q[0]));
  const sinHalf = Math.sin(half);
  let x = 0, y = 0, z = 0, s = 1;
  if (sinHalf > 1e-12) {
    const k = Math.sin(w * half) / sinHalf;
    x = q[1] * k; y = q[2] * k; z = q[3] * k;
    s = Math.cos(w * half);
  }
  return [
    1 - 2 * (y * y + z * z), 2 * (x * y - s * z), 2 * (x * z + s * y),
    2 * (x * y + s * z), 1 - 2 * (x * x + z * z), 2 * (y * z - s * x),
    2 * (x * z - s * y), 2 * (y * z + s * x), 1 - 2 * (x * x + y * y),
  ];
}

/**
 * Bends the neck: writes each vertex rotated about the pivot by its weight's share of `neck` (and
 * its normal by the same rotation) into outPositions/outNormals. Inputs are xyz triples in model
 * units; `weights` from neckWeight per vertex (computed once).
 */
export function bendNeck(
  positions: ArrayLike<number>,
  normals: ArrayLike<number>,
  weights: ArrayLike<number>,
  neck: Mat3,
  spec: NeckSpec,
  outPositions: Float32Array,
  outNormals: Float32Array,
): void {
  const q = quaternionOf(neck);
  const [px, py, pz] = spec.pivot;
  let r: Mat3 = partialRotation(q, 0);
  let lastWeight = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    // Most vertices are in the rigid head or the fixed shoulders: reuse the rotation.
    if (w !== lastWeight) {
      r = partialRotation(q, w);
      lastWeight = w;
    }
    const [a, b, c, d, e, f, g, h, k] = r;
    const j = 3 * i;
    const x = (positions[j] ?? 0) - px, y = (positions[j + 1] ?? 0) - py, z = (positions[j + 2] ?? 0) - pz;
    outPositions[j] = px + a * x + b * y + c * z;
    outPositions[j + 1] = py + d * x + e * y + f * z;
    outPositions[j + 2] = pz + g * x + h * y + k * z;
    const nx = normals[j] ?? 0, ny = normals[j + 1] ?? 0, nz = normals[j + 2] ?? 0;
    outNormals[j] = a * nx + b * ny + c * nz;
    outNormals[j + 1] = d * nx + e * ny + f * nz;
    outNormals[j + 2] = g * nx + h * ny + k * nz;
  }
}
