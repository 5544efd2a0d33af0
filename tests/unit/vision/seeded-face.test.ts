import { describe, expect, it } from 'vitest';
import { closeCrops, faceInFrame } from '../../../src/vision/seeded-face';
import { packPoints, unpackPoints } from '../../../src/core/packed-points';

describe('a face found in the crop around the body\'s face points', () => {
  const crop = { centerX: 320, centerY: 150, size: 150, rotation: 0 };

  it('maps its points back to the frame: the crop\'s centre, corners and depth', () => {
    const face = { points: packPoints([{ x: 0.5, y: 0.5, z: 0 }, { x: 0, y: 0, z: -0.1 }, { x: 1, y: 1, z: 0.2 }]), matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -50, 1] };
    const inFrame = { landmarks: unpackPoints(faceInFrame(face, crop, 640, 480).points) };
    expect(inFrame.landmarks[0]?.x).toBeCloseTo(320 / 640, 12);
    expect(inFrame.landmarks[0]?.y).toBeCloseTo(150 / 480, 12);
    expect(inFrame.landmarks[1]?.x).toBeCloseTo(245 / 640, 12);
    expect(inFrame.landmarks[1]?.y).toBeCloseTo(75 / 480, 12);
    expect(inFrame.landmarks[2]?.x).toBeCloseTo(395 / 640, 12);
    expect(inFrame.landmarks[2]?.y).toBeCloseTo(225 / 480, 12);
    // Depth in crop widths → frame widths: the crop is 150 of the frame's 640 pixels.
    expect(inFrame.landmarks[1]?.z).toBeCloseTo(-0.1 * (150 / 640), 12);
    expect(inFrame.landmarks[2]?.z).toBeCloseTo(0.2 * (150 / 640), 12);
  });

  it('drops the matrix: it would be that of a camera looking at the crop', () => {
    expect(faceInFrame({ points: new Float32Array(0), matrix: Array.from({ length: 16 }, () => 1) }, crop, 640, 480).matrix).toBeNull();
  });
});

describe('holding the crop a face was found in', () => {
  const held = { centerX: 320, centerY: 150, size: 160, rotation: 0 };

  it('keeps it while the body\'s next crop is within an eighth of its side and a quarter of its size', () => {
    expect(closeCrops(held, { ...held, centerX: 340 })).toBe(true);
    expect(closeCrops(held, { ...held, centerX: 332, centerY: 165 })).toBe(true);
    expect(closeCrops(held, { ...held, size: 200 })).toBe(true);
    expect(closeCrops(held, { ...held, size: 128 })).toBe(true);
  });

  it('moves to the new crop when the body has moved further or the head grew or shrank more', () => {
    expect(closeCrops(held, { ...held, centerX: 341 })).toBe(false);
    expect(closeCrops(held, { ...held, size: 201 })).toBe(false);
    expect(closeCrops(held, { ...held, size: 127 })).toBe(false);
  });
});
