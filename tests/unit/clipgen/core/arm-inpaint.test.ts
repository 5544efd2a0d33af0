import { describe, expect, it } from 'vitest';
import { hangingArmBands, HANGING_ARM, mirroredRow, paintOutArms } from '../../../../tools/clipgen/core/arm-inpaint';

/** Red channel = row index (background), except a "sleeve" block (255) in columns 2..4, rows 5..9. */
function picture(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([x >= 2 && x <= 4 && y >= 5 ? 255 : y, 0, 0, 255], (y * width + x) * 4);
  }
  return rgba;
}

const red = (rgba: Uint8Array, width: number, x: number, y: number): number => rgba[(y * width + x) * 4] ?? NaN;

describe('mirroredRow', () => {
  it('goes up from the row above the band, then back down, and so on', () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((y) => mirroredRow(y, 5, 3))).toEqual([4, 3, 2, 2, 3, 4, 4]);
  });
});

describe('paintOutArms', () => {
  it('refills a band from the rows just above it (the sleeve is gone) and leaves everything else', () => {
    const width = 8, height = 12;
    const rgba = picture(width, height);
    paintOutArms(rgba, width, height, [{ topY: 5, bottomY: 11, innerX: 4, outerX: 2, sourceRows: 3 }]);
    for (let y = 5; y <= 11; y++) {
      for (let x = 2; x <= 4; x++) expect(red(rgba, width, x, y)).toBe(mirroredRow(y, 5, 3));
    }
    expect(red(rgba, width, 5, 8)).toBe(8);
    expect(red(rgba, width, 1, 8)).toBe(8);
    expect(red(rgba, width, 3, 4)).toBe(4);
  });
});

describe('hangingArmBands', () => {
  it('per shoulder: the cap out from the shoulder point, and below the armpit from inside the seam, both out beyond the sleeve', () => {
    const w = 400;
    const left = { x: 600, y: 440 }, right = { x: 200, y: 440 };
    const bands = [...hangingArmBands(left, right, 1024), ...hangingArmBands(right, left, 1024)];
    expect(bands).toHaveLength(4);
    const onImageLeft = bands.filter((b) => b.outerX < 400);
    const onImageRight = bands.filter((b) => b.outerX > 400);
    expect(onImageLeft).toHaveLength(2);
    expect(onImageRight).toHaveLength(2);
    for (const b of onImageLeft) expect(b.outerX).toBeCloseTo(200 - HANGING_ARM.beyondSleeve * w, 9);
    const [cap, below] = [...onImageLeft].sort((a, b) => a.topY - b.topY);
    expect(cap?.topY).toBeLessThan(440);
    expect(cap?.innerX).toBe(200);
    expect(below?.topY).toBe(cap?.bottomY);
    expect(below?.innerX).toBeCloseTo(200 + HANGING_ARM.seamInsideShoulder * w, 9);
    expect(below?.bottomY).toBe(1023);
    const rightBelow = [...onImageRight].sort((a, b) => a.topY - b.topY)[1];
    expect(rightBelow?.innerX).toBeCloseTo(600 - HANGING_ARM.seamInsideShoulder * w, 9);
  });
});
