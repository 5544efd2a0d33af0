import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faceSeedFrom, isFaceSeedOrNull } from '../../../../src/vision/face-seed';
import { SEED_CROP_SCALE, seedCrop } from '../../../../src/vision/crop/seed-crop';
import type { Landmark, PoseObservation } from '../../../../src/core/landmarks';

function pose(points: readonly Landmark[]): PoseObservation {
  return { landmarks: points, worldLandmarks: null };
}

/** A body whose 33 points are at (x0 + i · dx, y0 + i · dy). */
function line(x0: number, y0: number, dx: number, dy: number): PoseObservation {
  return pose(Array.from({ length: 33 }, (_, i) => ({ x: x0 + i * dx, y: y0 + i * dy, z: 0, visibility: 0.9 })));
}

describe('face seeds from the body', () => {
  it('take the first body\'s eleven face points (nose, eyes, ears, mouth), normalised as given', () => {
    const seed = faceSeedFrom([line(0.4, 0.2, 0.01, 0.002), line(0.1, 0.1, 0, 0)]);
    expect(seed?.points).toHaveLength(11);
    expect(seed?.points[0]).toEqual({ x: 0.4, y: 0.2 });
    expect(seed?.points[10]?.x).toBeCloseTo(0.5, 12);
    expect(isFaceSeedOrNull(seed)).toBe(true);
  });

  it('are null without a body, with a truncated one, or with a face point that is not a number', () => {
    expect(faceSeedFrom([])).toBeNull();
    expect(faceSeedFrom([pose([{ x: 0.5, y: 0.5, z: 0 }])])).toBeNull();
    const broken = line(0.4, 0.2, 0.01, 0);
    expect(faceSeedFrom([pose(broken.landmarks.map((p, i) => (i === 7 ? { ...p, x: Number.NaN } : p)))])).toBeNull();
    // A point past the face (a wrist) does not matter.
    expect(faceSeedFrom([pose(broken.landmarks.map((p, i) => (i === 15 ? { ...p, x: Number.NaN } : p)))])).not.toBeNull();
  });
});

describe('the detector\'s crop around a seed', () => {
  it('is the points\' box squared on its long side, 3× larger, centred on it, upright; pixels from normalised points', () => {
    const seed = { points: [{ x: 0.45, y: 0.3 }, { x: 0.55, y: 0.3 }, { x: 0.5, y: 0.35 }] };
    expect(seedCrop(seed, 640, 480)).toEqual({ centerX: 320, centerY: 156, size: 64 * SEED_CROP_SCALE, rotation: 0 });
  });

  it('holds every point of the seed with a margin of the box on each side', () => {
    const point = fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 11 }), fc.integer({ min: 64, max: 1920 }), fc.integer({ min: 64, max: 1080 }), (points, width, height) => {
        const crop = seedCrop({ points }, width, height);
        if (crop === null) return;
        const spanX = (Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x))) * width;
        const spanY = (Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y))) * height;
        for (const p of points) {
          expect(Math.abs(p.x * width - crop.centerX)).toBeLessThanOrEqual(crop.size / 2 - Math.max(spanX, spanY) + 1e-6);
          expect(Math.abs(p.y * height - crop.centerY)).toBeLessThanOrEqual(crop.size / 2 - Math.max(spanX, spanY) + 1e-6);
        }
      }),
    );
  });

  it('is null when the points are all in one spot', () => {
    expect(seedCrop({ points: [{ x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 }] }, 640, 480)).toBeNull();
  });
});
