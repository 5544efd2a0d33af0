import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayRotation } from '../../../../src/vision/recorded/display-rotation';

/** 1.0 in the 16.16 fixed point of ISO-BMFF matrices. */
const ONE = 65536;

function matrixFor(clockwiseDeg: number): number[] {
  const rad = (clockwiseDeg * Math.PI) / 180;
  const a = Math.round(Math.cos(rad) * ONE);
  const b = Math.round(Math.sin(rad) * ONE);
  return [a, b, 0, -b, a, 0, 0, 0, 0x40000000];
}

describe('displayRotation', () => {
  it('reads the matrices recorders write', () => {
    expect(displayRotation([ONE, 0, 0, 0, ONE, 0, 0, 0, 0x40000000])).toBe(0);
    // A phone held upright: frames stored landscape, shown turned 90° clockwise.
    expect(displayRotation([0, ONE, 0, -ONE, 0, 0, 0, 0, 0x40000000])).toBe(90);
    // What `ffmpeg -metadata:s:v rotate=90` writes (ffmpeg shows it turned counterclockwise).
    expect(displayRotation([0, -ONE, 0, ONE, 0, 0, 0, 0, 0x40000000])).toBe(270);
    expect(displayRotation([-ONE, 0, 0, 0, -ONE, 0, 0, 0, 0x40000000])).toBe(180);
  });

  it('no or empty matrix: no rotation', () => {
    expect(displayRotation(undefined)).toBe(0);
    expect(displayRotation(null)).toBe(0);
    expect(displayRotation([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });

  it('any angle maps to its nearest quarter turn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: -40, max: 40, noNaN: true }), (quarter, jitter) => {
        expect(displayRotation(matrixFor(quarter * 90 + jitter))).toBe(quarter * 90);
      }),
    );
  });
});
