import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFrame } from '../../../../src/core/quality/frame-checks';
import { DEFAULT_QUALITY_OPTIONS } from '../../../../src/core/quality/quality-options';
import type { Landmark } from '../../../../src/core/landmarks';

/** The rule for one point, written plainly (the check runs it fused over every point of a frame). */
function saneByRule(point: unknown, low: number, high: number, maxDepth: number, minVisibility: number): boolean {
  if (point === undefined || point === null || typeof point !== 'object') return false;
  const { x, y, z, visibility } = point as Record<string, unknown>;
  if (visibility !== undefined && !(typeof visibility === 'number' && Number.isFinite(visibility))) return false;
  const inRange = (v: unknown): boolean => typeof v === 'number' && v >= low && v <= high;
  if (typeof visibility === 'number' && visibility < minVisibility) {
    return Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z) && Math.abs(x as number) + Math.abs(y as number) < 1e6;
  }
  return inRange(x) && inRange(y) && typeof z === 'number' && Math.abs(z) <= maxDepth;
}

const value = fc.oneof(
  fc.double({ min: -12, max: 12 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2e6, -0.25, 1.25, -2.1, undefined, null, '0.5', true),
);
const point = fc.oneof(
  fc.record({ x: value, y: value, z: value, visibility: fc.oneof(value, fc.constantFrom(0, 0.49, 0.5, 1)) }, { requiredKeys: ['x', 'y', 'z'] }),
  fc.constantFrom(undefined, null, 7, 'point'),
);

describe('checkFrame: garbage landmarks', () => {
  it('refuses a body exactly when one of its points breaks the rule', () => {
    const o = DEFAULT_QUALITY_OPTIONS;
    const good: Landmark = { x: 0.5, y: 0.5, z: 0, visibility: 0.9 };
    fc.assert(
      fc.property(point, fc.integer({ min: 0, max: 32 }), (p, at) => {
        const landmarks = Array.from({ length: 33 }, (_, k) => (k === at ? p : good)) as Landmark[];
        const verdict = checkFrame({ tMs: 0, imageWidth: 640, imageHeight: 480, faces: [], poses: [{ landmarks, worldLandmarks: null }] }, o);
        const refused = !verdict.ok && verdict.detail === 'pose landmark out of range or not a number';
        expect(refused).toBe(!saneByRule(p, -o.maxOutsideImage, 1 + o.maxOutsideImage, o.maxDepth, o.minVisibility));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a frame whose visible hand is placed deep in front of the body (TF.js, out of frame)', () => {
    const landmarks = Array.from({ length: 33 }, (_, k): Landmark => ({ x: 0.5, y: k === 15 ? 1.3 : 0.5, z: k === 15 ? -2.1 : 0, visibility: 0.9 }));
    const verdict = checkFrame({ tMs: 0, imageWidth: 640, imageHeight: 480, faces: [], poses: [{ landmarks, worldLandmarks: null }] }, DEFAULT_QUALITY_OPTIONS);
    expect(verdict.ok ? null : verdict.detail).not.toBe('pose landmark out of range or not a number');
  });
});
