import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropToImage, imageToCrop, letterboxCrop, type SquareCrop } from '../../../../src/vision/crop/square-crop';

/** Float slack of the round trip, pixels. */
const PIXEL_EPSILON = 1e-6;

const crop = fc.record({
  centerX: fc.double({ min: -500, max: 2000, noNaN: true }),
  centerY: fc.double({ min: -500, max: 2000, noNaN: true }),
  size: fc.double({ min: 10, max: 2000, noNaN: true }),
  rotation: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
});
const inputPoint = fc.record({ x: fc.double({ min: 0, max: 192, noNaN: true }), y: fc.double({ min: 0, max: 192, noNaN: true }) });

describe('square crops', () => {
  it('imageToCrop inverts cropToImage', () => {
    fc.assert(
      fc.property(crop, inputPoint, (c: SquareCrop, p) => {
        const back = imageToCrop(c, 192, cropToImage(c, 192, p));
        expect(Math.abs(back.x - p.x)).toBeLessThan(PIXEL_EPSILON);
        expect(Math.abs(back.y - p.y)).toBeLessThan(PIXEL_EPSILON);
      }),
    );
  });

  it('letterboxes a 640×480 frame: the input square spans the width, with equal bands above and below', () => {
    const c = letterboxCrop(640, 480);
    expect(cropToImage(c, 192, { x: 0, y: 0 })).toEqual({ x: 0, y: -80 });
    expect(cropToImage(c, 192, { x: 192, y: 192 })).toEqual({ x: 640, y: 560 });
    expect(cropToImage(c, 192, { x: 96, y: 96 })).toEqual({ x: 320, y: 240 });
  });

  it('a crop turned clockwise by 90° maps the input right edge to the image bottom', () => {
    const c: SquareCrop = { centerX: 100, centerY: 100, size: 192, rotation: Math.PI / 2 };
    const p = cropToImage(c, 192, { x: 192, y: 96 });
    expect(p.x).toBeCloseTo(100, 9);
    expect(p.y).toBeCloseTo(196, 9);
  });
});
