import { openRecordedSource } from '../../src/vision/recorded/open-recorded-source';

export interface BenchFrame {
  readonly image: ImageBitmap;
  readonly tMs: number;
}

/**
 * The first `count` frames of the clip at `url`, letterboxed (never stretched) onto a
 * `width`×`height` canvas, as a camera of that size would deliver them.
 */
export async function loadClipFrames(url: string, count: number, width: number, height: number): Promise<BenchFrame[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the clip ${url}: HTTP ${response.status}`);
  const source = await openRecordedSource(await response.blob());
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  const frames: BenchFrame[] = [];
  try {
    while (frames.length < count) {
      const frame = await source.nextFrame();
      if (frame === null) break;
      const scale = Math.min(width / frame.width, height / frame.height);
      const w = frame.width * scale;
      const h = frame.height * scale;
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(frame.image, (width - w) / 2, (height - h) / 2, w, h);
      frame.image.close();
      frames.push({ image: await createImageBitmap(canvas), tMs: frame.tMs });
    }
  } finally {
    source.close();
  }
  if (frames.length === 0) throw new Error(`The clip ${url} gave no frames`);
  return frames;
}

/** The same frames downscaled by `factor` (what a smaller camera request or a resize would give). */
export async function downscaled(frames: readonly BenchFrame[], factor: number): Promise<BenchFrame[]> {
  if (factor === 1) return [...frames];
  return Promise.all(
    frames.map(async (f) => ({
      image: await createImageBitmap(f.image, { resizeWidth: Math.round(f.image.width * factor), resizeHeight: Math.round(f.image.height * factor), resizeQuality: 'medium' }),
      tMs: f.tMs,
    })),
  );
}
