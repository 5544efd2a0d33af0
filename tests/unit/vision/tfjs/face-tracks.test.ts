import { describe, expect, it } from 'vitest';
import { sameFace, withNewFaces } from '../../../../src/vision/tfjs/face-tracks';
import type { SquareCrop } from '../../../../src/vision/crop/square-crop';

const crop = (centerX: number, centerY: number, size = 100): SquareCrop => ({ centerX, centerY, size, rotation: 0 });

describe('face tracks', () => {
  it('takes crops whose centres are within half a side for the same face, two people side by side for two', () => {
    expect(sameFace(crop(100, 100), crop(130, 110))).toBe(true);
    expect(sameFace(crop(100, 100), crop(100, 100, 40))).toBe(true);
    expect(sameFace(crop(100, 100), crop(220, 100))).toBe(false);
  });

  it('keeps the tracked faces first and adds only detections of other faces, up to the maximum', () => {
    const followed = crop(100, 100);
    const again = crop(110, 95); // the detector finding the followed face
    const other = crop(320, 110);
    const third = crop(520, 100);
    expect(withNewFaces([followed], [again, other], 2)).toEqual([followed, other]);
    expect(withNewFaces([followed], [again], 2)).toEqual([followed]);
    expect(withNewFaces([], [other, third], 2)).toEqual([other, third]);
    expect(withNewFaces([followed], [other, third], 2)).toEqual([followed, other]);
    expect(withNewFaces([followed, other], [third], 1)).toEqual([followed]);
  });
});
