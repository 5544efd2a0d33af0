import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../../../src/core/geometry/symmetric-eigen';
import { landmarkToCamera } from '../../../../src/core/head-pose/camera-space';
import { CANONICAL_FACE_POINTS } from '../../../../src/core/head-pose/canonical-face';
import { CANONICAL_FACE_RADIUS, canonicalFaceRelativeResidual, canonicalFaceWorkspace, fitCanonicalFaceInto } from '../../../../src/core/head-pose/canonical-face-fit';
import type { Landmark } from '../../../../src/core/landmarks';
import { syntheticFace, IMAGE } from './synthetic-subject';
import { packPoints, unpackPoints } from '../../../../src/core/packed-points';

const jitter = fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { minLength: 3 * 478, maxLength: 3 * 478 });
const pose = fc.record({
  yawDeg: fc.double({ min: -80, max: 80, noNaN: true }),
  pitchDeg: fc.double({ min: -60, max: 60, noNaN: true }),
  rollDeg: fc.double({ min: -45, max: 45, noNaN: true }),
});

/**
 * Horn's fit written the textbook way, as the reference: centroids, S, Horn's N, its top
 * eigenvector by cyclic Jacobi (not QCP), Umeyama's scale, the residual from the fitted points.
 */
function referenceFit(landmarks: readonly Landmark[]): { rotation: number[]; scale: number; translation: number[]; rmsResidual: number } {
  const a = CANONICAL_FACE_POINTS.map((p) => [p.x, p.y, p.z]);
  const b = CANONICAL_FACE_POINTS.map((p) => {
    const c = landmarkToCamera(landmarks[p.index] ?? { x: 0, y: 0, z: 0 }, IMAGE);
    return [c.x, c.y, c.z];
  });
  const w = CANONICAL_FACE_POINTS.map((p) => p.weight);
  const total = w.reduce((s, x) => s + x, 0);
  const centroid = (points: number[][]) => [0, 1, 2].map((i) => points.reduce((s, p, k) => s + (w[k] ?? 0) * (p[i] ?? 0), 0) / total);
  const ca = centroid(a), cb = centroid(b);
  const s = [0, 1, 2].map((i) => [0, 1, 2].map((j) => a.reduce((sum, p, k) => sum + (w[k] ?? 0) * ((p[i] ?? 0) - (ca[i] ?? 0)) * ((b[k]?.[j] ?? 0) - (cb[j] ?? 0)), 0)));
  const at = (i: number, j: number) => s[i]?.[j] ?? 0;
  const n = [
    [at(0, 0) + at(1, 1) + at(2, 2), at(1, 2) - at(2, 1), at(2, 0) - at(0, 2), at(0, 1) - at(1, 0)],
    [at(1, 2) - at(2, 1), at(0, 0) - at(1, 1) - at(2, 2), at(0, 1) + at(1, 0), at(2, 0) + at(0, 2)],
    [at(2, 0) - at(0, 2), at(0, 1) + at(1, 0), -at(0, 0) + at(1, 1) - at(2, 2), at(1, 2) + at(2, 1)],
    [at(0, 1) - at(1, 0), at(2, 0) + at(0, 2), at(1, 2) + at(2, 1), -at(0, 0) - at(1, 1) + at(2, 2)],
  ];
  const { values, vectors } = symmetricEigen(n);
  const best = values.indexOf(Math.max(...values));
  const q = vectors[best] ?? [1, 0, 0, 0];
  const norm = Math.hypot(...q);
  const [qw = 1, qx = 0, qy = 0, qz = 0] = q.map((x) => x / norm);
  const r = [
    qw * qw + qx * qx - qy * qy - qz * qz, 2 * (qx * qy - qw * qz), 2 * (qx * qz + qw * qy),
    2 * (qx * qy + qw * qz), qw * qw - qx * qx + qy * qy - qz * qz, 2 * (qy * qz - qw * qx),
    2 * (qx * qz - qw * qy), 2 * (qy * qz + qw * qx), qw * qw - qx * qx - qy * qy + qz * qz,
  ];
  const rotate = (p: number[]) => [0, 1, 2].map((i) => [0, 1, 2].reduce((sum, j) => sum + (r[3 * i + j] ?? 0) * (p[j] ?? 0), 0));
  const da = a.map((p) => p.map((x, i) => x - (ca[i] ?? 0)));
  const db = b.map((p) => p.map((x, i) => x - (cb[i] ?? 0)));
  const correlation = da.reduce((sum, p, k) => sum + (w[k] ?? 0) * rotate(p).reduce((d, x, i) => d + x * (db[k]?.[i] ?? 0), 0), 0);
  const spread = da.reduce((sum, p, k) => sum + (w[k] ?? 0) * p.reduce((d, x) => d + x * x, 0), 0);
  const scale = correlation / spread;
  const rotatedCentroid = rotate(ca);
  const translation = cb.map((x, i) => x - scale * (rotatedCentroid[i] ?? 0));
  const squared = a.reduce((sum, p, k) => {
    const fitted = rotate(p).map((x, i) => scale * x + (translation[i] ?? 0));
    return sum + (w[k] ?? 0) * fitted.reduce((d, x, i) => d + (x - (b[k]?.[i] ?? 0)) ** 2, 0);
  }, 0);
  return { rotation: r, scale, translation, rmsResidual: Math.sqrt(squared / total) };
}

describe('fitCanonicalFaceInto (geometry/similarity-fit.ts on the canonical face)', () => {
  it('agrees with the textbook Horn fit (Jacobi) on noisy synthetic faces, and its residual-only path with both', () => {
    const ws = canonicalFaceWorkspace();
    fc.assert(
      fc.property(pose, jitter, (head, noise) => {
        const face = syntheticFace({ head });
        const landmarks = unpackPoints(face.points).map((l, k) => ({ x: l.x + (noise[3 * k] ?? 0), y: l.y + (noise[3 * k + 1] ?? 0), z: l.z + (noise[3 * k + 2] ?? 0) }));
        // The reference reads the points as the fit does: packed (float32).
        const points = packPoints(landmarks);
        const reference = referenceFit(unpackPoints(points));
        expect(fitCanonicalFaceInto(ws, points, IMAGE)).toBe(true);
        ws.rotation.forEach((value, k) => expect(Math.abs(value - (reference.rotation[k] ?? Number.NaN))).toBeLessThan(1e-12));
        expect(ws.scale / reference.scale).toBeCloseTo(1, 12);
        ws.translation.forEach((value, k) => expect(Math.abs(value - (reference.translation[k] ?? Number.NaN))).toBeLessThan(1e-9));
        expect(ws.rmsResidual / reference.rmsResidual).toBeCloseTo(1, 9);
        const relative = reference.rmsResidual / (reference.scale * CANONICAL_FACE_RADIUS);
        expect((canonicalFaceRelativeResidual(ws, points, IMAGE) ?? Number.NaN) / relative).toBeCloseTo(1, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same fit from two workspaces used in turn (no state outside the workspace)', () => {
    const first = canonicalFaceWorkspace();
    const second = canonicalFaceWorkspace();
    const turned = syntheticFace({ head: { yawDeg: 30, pitchDeg: -10, rollDeg: 5 } }).points;
    const frontal = syntheticFace({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } }).points;
    expect(fitCanonicalFaceInto(first, turned, IMAGE)).toBe(true);
    const alone = Array.from(first.rotation);
    expect(fitCanonicalFaceInto(first, turned, IMAGE)).toBe(true);
    expect(fitCanonicalFaceInto(second, frontal, IMAGE)).toBe(true);
    expect(Array.from(first.rotation)).toEqual(alone);
  });

  it('is false (null) when a fitted point is not finite', () => {
    const ws = canonicalFaceWorkspace();
    const face = syntheticFace({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const points = packPoints(unpackPoints(face.points).map((l, k) => (k === CANONICAL_FACE_POINTS[3]?.index ? { ...l, x: Number.NaN } : l)));
    expect(fitCanonicalFaceInto(ws, points, IMAGE)).toBe(false);
    expect(fitCanonicalFaceInto(ws, face.points.slice(0, 3 * 300), IMAGE)).toBe(false);
    expect(canonicalFaceRelativeResidual(ws, points, IMAGE)).toBeNull();
  });
});
