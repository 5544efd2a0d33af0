import { describe, expect, it } from 'vitest';
import { inpaintEllipse } from '../../../../tools/clipgen/core/inpaint';

function gradientWithBlob(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBlob = (x - 10) ** 2 + (y - 10) ** 2 < 16;
      rgba.set(inBlob ? [255, 0, 0, 255] : [x * 10, 0, 0, 255], (y * width + x) * 4);
    }
  }
  return rgba;
}

describe('inpaintEllipse', () => {
  it('replaces the inside by a blend of the row\'s pixels beside the ellipse, and leaves the outside alone', () => {
    const width = 21, height = 21;
    const rgba = gradientWithBlob(width, height);
    const before = rgba.slice();
    inpaintEllipse(rgba, width, height, { cx: 10, cy: 10, rx: 5, ry: 5 });
    // The blob is gone: on a linear gradient a linear blend restores the gradient exactly.
    for (let x = 6; x <= 14; x++) expect(rgba[(10 * width + x) * 4]).toBe(x * 10);
    expect(rgba[(0 * width + 10) * 4]).toBe(before[(0 * width + 10) * 4]);
    expect(rgba[(10 * width + 0) * 4]).toBe(before[(10 * width + 0) * 4]);
  });

  it('keeps the rows below keepBelowY (the neck)', () => {
    const width = 21, height = 21;
    const rgba = gradientWithBlob(width, height);
    const before = rgba.slice();
    inpaintEllipse(rgba, width, height, { cx: 10, cy: 10, rx: 5, ry: 5 }, 9);
    expect(rgba[(10 * width + 10) * 4]).toBe(before[(10 * width + 10) * 4]);
    expect(rgba[(8 * width + 10) * 4]).toBe(100);
  });
});
