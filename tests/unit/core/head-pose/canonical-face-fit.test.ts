import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSimilarity } from '../../../../src/core/geometry/similarity-fit';
import { landmarkToCamera } from '../../../../src/core/head-pose/camera-space';
import { CANONICAL_FACE_POINTS } from '../../../../src/core/head-pose/canonical-face';
import { CANONICAL_FACE_RADIUS, canonicalFaceRelativeResidual, fitCanonicalFace } from '../../../../src/core/head-pose/canonical-face-fit';
import type { Landmark } from '../../../../src/core/landmarks';
import { syntheticFace, IMAGE } from './synthetic-subject';

const jitter = fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { minLength: 3 * 478, maxLength: 3 * 478 });
const pose = fc.record({
  yawDeg: fc.double({ min: -80, max: 80, noNaN: true }),
  pitchDeg: fc.double({ min: -60, max: 60, noNaN: true }),
  rollDeg: fc.double({ min: -45, max: 45, noNaN: true }),
});

function genericFit(landmarks: readonly Landmark[]) {
  return fitSimilarity(
    CANONICAL_FACE_POINTS,
    CANONICAL_FACE_POINTS.map((p) => landmarkToCamera(landmarks[p.index] ?? { x: 0, y: 0, z: 0 }, IMAGE)),
    CANONICAL_FACE_POINTS.map((p) => p.weight),
  );
}

describe('fitCanonicalFace', () => {
  it('agrees with the generic fitSimilarity (Jacobi) on noisy synthetic faces, and its residual-only path with both', () => {
    fc.assert(
      fc.property(pose, jitter, (head, noise) => {
        const face = syntheticFace({ head });
        const landmarks = face.landmarks.map((l, k) => ({ x: l.x + (noise[3 * k] ?? 0), y: l.y + (noise[3 * k + 1] ?? 0), z: l.z + (noise[3 * k + 2] ?? 0) }));
        const generic = genericFit(landmarks);
        const fast = fitCanonicalFace(landmarks, IMAGE);
        if (!generic) {
          expect(fast).toBeNull();
          return;
        }
        if (!fast) throw new Error('the fast fit failed where the generic one did not');
        fast.rotation.forEach((value, k) => expect(Math.abs(value - (generic.rotation[k] ?? Number.NaN))).toBeLessThan(1e-12));
        expect(fast.scale / generic.scale).toBeCloseTo(1, 12);
        expect(Math.hypot(fast.translationX - generic.translation.x, fast.translationY - generic.translation.y, fast.translationZ - generic.translation.z)).toBeLessThan(1e-9);
        expect(fast.rmsResidual / generic.rmsResidual).toBeCloseTo(1, 9);
        const relative = generic.rmsResidual / (generic.scale * CANONICAL_FACE_RADIUS);
        expect((canonicalFaceRelativeResidual(landmarks, IMAGE) ?? Number.NaN) / relative).toBeCloseTo(1, 6);
      }),
      { numRuns: 100 },
    );
  });

  it('is null when a fitted point is not finite', () => {
    const face = syntheticFace({ head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    const landmarks = face.landmarks.map((l, k) => (k === CANONICAL_FACE_POINTS[3]?.index ? { ...l, x: Number.NaN } : l));
    expect(fitCanonicalFace(landmarks, IMAGE)).toBeNull();
    expect(canonicalFaceRelativeResidual(landmarks, IMAGE)).toBeNull();
  });
});
