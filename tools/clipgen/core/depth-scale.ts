import { CANONICAL_FACE_POINTS } from '../../../src/core/head-pose/canonical-face';
import type { Landmark } from '../../../src/core/landmarks';

/**
 * MediaPipe's landmark z is a relative depth "of roughly the scale of x": on one photo it may be
 * flatter or deeper than a real face. A too-flat mesh turned by 20° looks to the landmarker like a
 * real face turned less. This returns the factor for z (in the same normalised units) that makes the
 * photo's face as deep, for its width, as MediaPipe's canonical face: a weighted least-squares fit
 * over the 33 Procrustes points, after matching scale on x and y. Assumes a near-frontal photo.
 */
export function depthScaleToCanonical(landmarks: readonly Landmark[], imageWidth: number, imageHeight: number): number {
  const pairs = CANONICAL_FACE_POINTS.flatMap((c) => {
    const p = landmarks[c.index];
    return p === undefined ? [] : [{ c, p: { x: p.x * imageWidth, y: -p.y * imageHeight, z: -p.z * imageWidth } }];
  });
  if (pairs.length < 3) return 1;
  const totalWeight = pairs.reduce((s, { c }) => s + c.weight, 0);
  const mean = (f: (q: (typeof pairs)[number]) => number): number => pairs.reduce((s, q) => s + q.c.weight * f(q), 0) / totalWeight;
  const pc = { x: mean((q) => q.p.x), y: mean((q) => q.p.y), z: mean((q) => q.p.z) };
  const cc = { x: mean((q) => q.c.x), y: mean((q) => q.c.y), z: mean((q) => q.c.z) };
  let canonicalXY = 0, photoXY = 0, cross = 0, photoZZ = 0;
  for (const { c, p } of pairs) {
    canonicalXY += c.weight * ((c.x - cc.x) ** 2 + (c.y - cc.y) ** 2);
    photoXY += c.weight * ((p.x - pc.x) ** 2 + (p.y - pc.y) ** 2);
  }
  const scale = Math.sqrt(canonicalXY / photoXY);
  for (const { c, p } of pairs) {
    const z = scale * (p.z - pc.z);
    cross += c.weight * z * (c.z - cc.z);
    photoZZ += c.weight * z * z;
  }
  return photoZZ > 0 && cross > 0 ? cross / photoZZ : 1;
}
