import type { FrameImage } from '../frame-source';
import type { LandmarkerImage } from '../landmarkers';

/**
 * Turns a camera VideoFrame into RGBA pixels the cheap way, inside the landmarker's worker.
 *
 * MediaPipe uploads its input with texImage2D. Measured in headless Chromium on the 640×480 I420
 * fake camera (median of 30 frames, `.cache`-less script in docs/performance.md): texImage2D of
 * the VideoFrame 17.4 ms, `copyTo({ format: 'RGBA' })` 4.6 ms + texImage2D of the ImageData
 * 4.6 ms; createImageBitmap 8.7 ms + 4.4 ms. So VideoFrames are converted here with copyTo into a
 * buffer reused from frame to frame. ImageBitmaps (recorded sources) pass through unchanged, as
 * do VideoFrames where copyTo cannot convert (older browsers: the landmarker reads the frame itself).
 */
export class FramePixels {
  private buffer: Uint8ClampedArray<ArrayBuffer> | null = null;
  private rgbaCopyWorks = true;

  /** What to give the landmarker for `image`. The caller still owns and closes `image`; the result is valid until the next call. */
  async read(image: FrameImage): Promise<LandmarkerImage> {
    if (!(typeof VideoFrame === 'function' && image instanceof VideoFrame) || !this.rgbaCopyWorks) return image;
    // copyTo converts the visible rectangle (the coded frame may be padded).
    const width = image.visibleRect?.width ?? image.displayWidth;
    const height = image.visibleRect?.height ?? image.displayHeight;
    const size = width * height * 4;
    if (this.buffer?.length !== size) this.buffer = new Uint8ClampedArray(size);
    try {
      await image.copyTo(this.buffer, { format: 'RGBA' });
    } catch {
      // NotSupportedError (no RGBA conversion in this browser): from now on the landmarker reads VideoFrames itself.
      this.rgbaCopyWorks = false;
      return image;
    }
    return new ImageData(this.buffer, width, height);
  }
}
