import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i420Size, i420ToRgba, parseY4m, rgbaToI420, y4mHeader, Y4M_FRAME_MARKER } from '../../../../tools/clipgen/core/y4m';

/** 4:2:0 limited-range round trip: quantisation and range compression cost a few levels. */
const ROUND_TRIP_LEVELS = 4;

function solid(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) out.set([...rgb, 255], i * 4);
  return out;
}

describe('y4m', () => {
  it('writes the header ffmpeg and Chromium read as 640x480 30 fps yuv420p', () => {
    expect(new TextDecoder().decode(y4mHeader({ width: 640, height: 480, fps: 30 }))).toBe('YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg\n');
    expect(() => y4mHeader({ width: 641, height: 480, fps: 30 })).toThrow();
    expect(i420Size(640, 480)).toBe(460800);
  });

  it.each([
    ['white', [255, 255, 255], [235, 128, 128]],
    ['black', [0, 0, 0], [16, 128, 128]],
    ['red', [255, 0, 0], [81, 90, 240]],
    ['green', [0, 255, 0], [145, 54, 34]],
    ['blue', [0, 0, 255], [41, 240, 110]],
  ] as const)('converts %s to its BT.601 limited-range Y, Cb, Cr', (_name, rgb, [y, u, v]) => {
    const yuv = rgbaToI420(solid(4, 2, rgb), 4, 2);
    expect(Array.from(yuv.subarray(0, 8))).toEqual(Array(8).fill(y));
    expect(Array.from(yuv.subarray(8, 10))).toEqual([u, u]);
    expect(Array.from(yuv.subarray(10, 12))).toEqual([v, v]);
  });

  it('flips bottom-up rows (WebGL readPixels) to top-down', () => {
    const rgba = new Uint8Array(2 * 2 * 4);
    rgba.set([255, 255, 255, 255, 255, 255, 255, 255], 0); // bottom row (first in WebGL order) white
    const yuv = rgbaToI420(rgba, 2, 2, true);
    expect(Array.from(yuv.subarray(0, 4))).toEqual([16, 16, 235, 235]);
  });

  it('property: a flat colour survives RGBA → I420 → RGBA within a few levels', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })), (rgb) => {
        const back = i420ToRgba(rgbaToI420(solid(2, 2, rgb), 2, 2), 2, 2);
        for (let c = 0; c < 3; c++) expect(Math.abs((back[c] ?? 0) - (rgb[c] ?? 0))).toBeLessThanOrEqual(ROUND_TRIP_LEVELS);
      }),
    );
  });

  it('parses back what it writes: format and frames', () => {
    const frames = [rgbaToI420(solid(4, 2, [10, 20, 30]), 4, 2), rgbaToI420(solid(4, 2, [200, 100, 0]), 4, 2)];
    const parts = [y4mHeader({ width: 4, height: 2, fps: 30 }), ...frames.flatMap((f) => [Y4M_FRAME_MARKER, f])];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      bytes.set(p, offset);
      offset += p.length;
    }
    const parsed = parseY4m(bytes);
    expect(parsed.format).toEqual({ width: 4, height: 2, fps: 30 });
    expect(parsed.frames.map((f) => Array.from(f))).toEqual(frames.map((f) => Array.from(f)));
    expect(() => parseY4m(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
  });
});
