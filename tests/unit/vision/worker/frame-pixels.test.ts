import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FramePixels } from '../../../../src/vision/worker/frame-pixels';

/** Node has neither VideoFrame nor ImageData: stand-ins with the parts FramePixels uses. */
class FakeVideoFrame {
  readonly displayWidth = 4;
  readonly displayHeight = 2;
  readonly visibleRect = { width: 4, height: 2 };
  copies = 0;
  constructor(
    private readonly fill: number,
    private readonly supportsRgba = true,
  ) {}

  async copyTo(destination: Uint8ClampedArray, options: { format: string }): Promise<void> {
    if (!this.supportsRgba || options.format !== 'RGBA') throw new DOMException('RGBA conversion is not supported', 'NotSupportedError');
    this.copies += 1;
    destination.fill(this.fill);
  }

  close(): void {}
}

class FakeImageData {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
}

const asFrame = (frame: FakeVideoFrame): VideoFrame => frame as unknown as VideoFrame;

describe('FramePixels', () => {
  beforeEach(() => {
    vi.stubGlobal('VideoFrame', FakeVideoFrame);
    vi.stubGlobal('ImageData', FakeImageData);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('converts a VideoFrame to RGBA pixels of its visible size, reusing one buffer', async () => {
    const pixels = new FramePixels();
    const first = (await pixels.read(asFrame(new FakeVideoFrame(7)))) as unknown as FakeImageData;
    expect(first).toBeInstanceOf(FakeImageData);
    expect([first.width, first.height, first.data.length]).toEqual([4, 2, 4 * 2 * 4]);
    expect(first.data.every((v) => v === 7)).toBe(true);
    const second = (await pixels.read(asFrame(new FakeVideoFrame(9)))) as unknown as FakeImageData;
    expect(second.data.buffer).toBe(first.data.buffer);
    expect(second.data[0]).toBe(9);
  });

  it('hands the frame itself to the landmarker, from then on, where the browser cannot convert to RGBA', async () => {
    const pixels = new FramePixels();
    const unsupported = asFrame(new FakeVideoFrame(1, false));
    expect(await pixels.read(unsupported)).toBe(unsupported);
    const later = new FakeVideoFrame(2);
    expect(await pixels.read(asFrame(later))).toBe(asFrame(later));
    expect(later.copies).toBe(0);
  });

  it('passes ImageBitmaps (recorded sources) through untouched', async () => {
    const bitmap = { width: 4, height: 2, close: () => undefined } as unknown as ImageBitmap;
    expect(await new FramePixels().read(bitmap)).toBe(bitmap);
  });
});
