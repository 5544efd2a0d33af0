import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../../../src/core/landmarks';
import { TowardCameraReader, towardCameraSample } from '../../../../src/core/pipeline/toward-camera';
import { IMAGE, syntheticFace } from '../../../../tools/synthetic/synthetic-subject';

function frame(yawDeg: number | null, tMs = 0): FrameObservation {
  const faces = yawDeg === null ? [] : [syntheticFace({ head: { yawDeg, pitchDeg: 0, rollDeg: 0 } })];
  return { tMs, imageWidth: IMAGE.width, imageHeight: IMAGE.height, faces, poses: [] };
}

/** The reading once the same face has been seen for three frames (the median of three). */
function steady(yawDeg: number | null, side: 'left' | 'right'): number {
  const reader = new TowardCameraReader();
  reader.read(frame(yawDeg), side);
  reader.read(frame(yawDeg), side);
  return reader.read(frame(yawDeg), side);
}

describe('TowardCameraReader: the face turned toward a floor camera, on head-up frames', () => {
  it('reads 90° less the face’s yaw to the camera, + with the camera at the left and − at the right', () => {
    // An 80° turn measured 25–26° from facing the camera at 1 m (docs/clipgen.md, face down).
    expect(steady(25, 'left')).toBeCloseTo(65, 0);
    expect(steady(-25, 'left')).toBeCloseTo(65, 0);
    expect(steady(25, 'right')).toBeCloseTo(-65, 0);
    expect(steady(50, 'left')).toBeCloseTo(40, 0);
  });

  it('ignores a face found on one frame only, and one frame without it mid-turn', () => {
    const reader = new TowardCameraReader();
    const blip = [null, null, 25, null, null].map((yaw) => reader.read(frame(yaw), 'left'));
    expect(blip.every((value) => value === 0)).toBe(true);
    const gap = [25, 25, 25, null, 25, 25].map((yaw) => reader.read(frame(yaw), 'left'));
    expect(gap.slice(2).every((value) => value > 60)).toBe(true);
    reader.reset();
    expect(reader.read(frame(25), 'left')).toBe(0);
  });

  it('reads 0 without a face: face down is the start, not an error', () => {
    expect(steady(null, 'left')).toBe(0);
    expect(steady(null, 'right')).toBe(0);
  });

  it('never reads past facing the camera, and keeps the side’s sign', () => {
    fc.assert(
      fc.property(fc.double({ min: -85, max: 85, noNaN: true }), fc.constantFrom('left' as const, 'right' as const), (yaw, side) => {
        const value = steady(yaw, side);
        expect(Math.abs(value)).toBeLessThanOrEqual(90);
        expect(side === 'left' ? value >= 0 : value <= 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('makes a sample that is always present, with no head angles to jump', () => {
    const sample = towardCameraSample({ tMs: 40, imageAspect: 0.75 }, 0);
    expect(sample).toMatchObject({ tMs: 40, present: true, angles: null, confidence: 1, towardCameraDeg: 0, imageAspect: 0.75 });
  });
});
