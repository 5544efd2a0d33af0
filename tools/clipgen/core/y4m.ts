/**
 * A minimal YUV4MPEG2 writer: 4:2:0 planar (I420), BT.601 limited range, as ffmpeg's
 * `-pix_fmt yuv420p` and Chromium's fake camera expect. Produces bytes only; callers write them.
 */
export interface Y4mFormat {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
}

const encoder = new TextEncoder();

export function y4mHeader(format: Y4mFormat): Uint8Array {
  if (format.width % 2 !== 0 || format.height % 2 !== 0) throw new Error('y4m 4:2:0 needs even width and height');
  return encoder.encode(`YUV4MPEG2 W${format.width} H${format.height} F${format.fps}:1 Ip A1:1 C420jpeg\n`);
}

export const Y4M_FRAME_MARKER: Uint8Array = encoder.encode('FRAME\n');

export function i420Size(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/**
 * RGBA (8 bits per channel, rows top to bottom unless `bottomUp`, e.g. WebGL readPixels) → I420.
 * BT.601 limited range: Y in 16..235, Cb/Cr in 16..240; chroma is the mean of each 2×2 block.
 */
export function rgbaToI420(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, bottomUp = false): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`rgba has ${rgba.length} bytes, expected ${width * height * 4}`);
  const out = new Uint8Array(i420Size(width, height));
  const cw = width / 2;
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height / 2);
  for (let y = 0; y < height; y++) {
    const srcRow = bottomUp ? height - 1 - y : y;
    for (let x = 0; x < width; x++) {
      const p = (srcRow * width + x) * 4;
      const r = rgba[p] ?? 0, g = rgba[p + 1] ?? 0, b = rgba[p + 2] ?? 0;
      out[y * width + x] = clampByte(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
    }
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0, g = 0, b = 0;
      for (let dy = 0; dy < 2; dy++) {
        const srcRow = bottomUp ? height - 1 - (2 * cy + dy) : 2 * cy + dy;
        for (let dx = 0; dx < 2; dx++) {
          const p = (srcRow * width + 2 * cx + dx) * 4;
          r += rgba[p] ?? 0;
          g += rgba[p + 1] ?? 0;
          b += rgba[p + 2] ?? 0;
        }
      }
      r /= 4 * 255;
      g /= 4 * 255;
      b /= 4 * 255;
      out[uOffset + cy * cw + cx] = clampByte(128 - 37.797 * r - 74.203 * g + 112 * b);
      out[vOffset + cy * cw + cx] = clampByte(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  }
  return out;
}

/** Inverse, for tests and for reading clips back: I420 (BT.601 limited) → RGBA, rows top to bottom. */
export function i420ToRgba(yuv: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const cw = width / 2;
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = Math.floor(y / 2) * cw + Math.floor(x / 2);
      const yy = 1.164 * ((yuv[y * width + x] ?? 16) - 16);
      const u = (yuv[uOffset + c] ?? 128) - 128;
      const v = (yuv[vOffset + c] ?? 128) - 128;
      const p = (y * width + x) * 4;
      out[p] = clampByte(yy + 1.596 * v);
      out[p + 1] = clampByte(yy - 0.392 * u - 0.813 * v);
      out[p + 2] = clampByte(yy + 2.017 * u);
      out[p + 3] = 255;
    }
  }
  return out;
}

/** Splits a whole y4m file into its header fields and frames (for tests and the evaluation). */
export function parseY4m(bytes: Uint8Array): { format: Y4mFormat; frames: Uint8Array[] } {
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) throw new Error('y4m: no header line');
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd));
  if (!header.startsWith('YUV4MPEG2 ')) throw new Error('y4m: bad signature');
  const field = (tag: string): string | undefined => header.split(' ').find((f) => f.startsWith(tag))?.slice(1);
  const width = Number(field('W'));
  const height = Number(field('H'));
  const [num, den] = (field('F') ?? '30:1').split(':').map(Number);
  const fps = (num ?? 30) / (den ?? 1);
  const size = i420Size(width, height);
  const frames: Uint8Array[] = [];
  let p = headerEnd + 1;
  while (p < bytes.length) {
    const lineEnd = bytes.indexOf(0x0a, p);
    if (lineEnd < 0) throw new Error('y4m: truncated frame header');
    p = lineEnd + 1;
    if (p + size > bytes.length) throw new Error('y4m: truncated frame');
    frames.push(bytes.subarray(p, p + size));
    p += size;
  }
  return { format: { width, height, fps }, frames };
}
