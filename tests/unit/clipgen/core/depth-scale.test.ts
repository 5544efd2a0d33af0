import { describe, expect, it } from 'vitest';
import { depthScaleToCanonical } from '../../../../tools/clipgen/core/depth-scale';
import { CANONICAL_FACE_POINTS } from '../../../../src/core/head-pose/canonical-face';
import type { Landmark } from '../../../../src/core/landmarks';

const SCALE_EPS = 1e-9;
const WIDTH = 800, HEIGHT = 600;
/** Pixels per canonical centimetre in the synthetic image. */
const PX_PER_CM = 12;

/** A frontal face made from the canonical points, its depth multiplied by `depthFactor`. */
function syntheticFace(depthFactor: number): Landmark[] {
  const out: Landmark[] = Array.from({ length: 478 }, () => ({ x: 0.5, y: 0.5, z: 0 }));
  for (const c of CANONICAL_FACE_POINTS) {
    out[c.index] = {
      x: (WIDTH / 2 + c.x * PX_PER_CM) / WIDTH,
      y: (HEIGHT / 2 - c.y * PX_PER_CM) / HEIGHT,
      // MediaPipe z: smaller = closer; in units of the image width.
      z: (-c.z * PX_PER_CM * depthFactor) / WIDTH,
    };
  }
  return out;
}

describe('depthScaleToCanonical', () => {
  it.each([0.5, 1, 1.7])('undoes a face whose depth is %s× the canonical face\'s', (factor) => {
    expect(Math.abs(depthScaleToCanonical(syntheticFace(factor), WIDTH, HEIGHT) - 1 / factor)).toBeLessThan(SCALE_EPS);
  });

  it('falls back to 1 without usable points', () => {
    expect(depthScaleToCanonical([], WIDTH, HEIGHT)).toBe(1);
  });
});
