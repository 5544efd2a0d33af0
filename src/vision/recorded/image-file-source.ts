import type { FrameSource, SourceFrame } from '../frame-source';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';

/** A still image as a one-frame source at tMs 0 (EXIF orientation applied, never mirrored). */
export class ImageFileSource implements FrameSource {
  readonly kind = 'image' as const;
  private image: ImageBitmap | null;

  private constructor(image: ImageBitmap) {
    this.image = image;
  }

  static async open(blob: Blob): Promise<ImageFileSource> {
    try {
      return new ImageFileSource(await createImageBitmap(blob, { imageOrientation: 'from-image' }));
    } catch {
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.corrupt,
        'The image could not be decoded: it is damaged or truncated.',
      );
    }
  }

  get width(): number {
    return this.image?.width ?? 0;
  }

  get height(): number {
    return this.image?.height ?? 0;
  }

  nextFrame(): Promise<SourceFrame | null> {
    const image = this.image;
    this.image = null; // the consumer owns (and closes) the bitmap from here on
    return Promise.resolve(image ? { image, tMs: 0, width: image.width, height: image.height } : null);
  }

  close(): void {
    this.image?.close();
    this.image = null;
  }
}
