import { CAMERA_SIDES, type CameraSide } from '../core/protocol/camera-side';
import type { FrameSource, SourceFrame } from './frame-source';

/**
 * Face down, a camera on the floor at one side sees the head lying sideways in the picture: toward
 * the image's left when it is at the subject's left, toward its right otherwise. Face detectors
 * expect an upright face (on the rendered clips the face was found only on frames turned head-up:
 * docs/clipgen.md, face down), so the landmarkers get each frame turned a quarter turn, clockwise
 * for a camera at the subject's left, counterclockwise at the right. The live coach and `npm run
 * analyze` both read their frames through this source, so they see the same pixels.
 *
 * `side` null passes frames through untouched (every other position). The turned frame is a new
 * ImageBitmap (the original is closed); its landmarks are in the turned frame's coordinates and
 * the observation's width and height are the turned ones. Only the landmarkers see it: the display
 * shows the camera as it is. The turn is a 2D-canvas draw on the thread that reads the source (the
 * main thread live): a cost paid face down only, not measured by `npm run bench`.
 */
export class HeadUpSource implements FrameSource {
  private canvas: OffscreenCanvas | null = null;

  constructor(
    private readonly inner: FrameSource,
    private side: CameraSide | null = null,
  ) {}

  get kind(): FrameSource['kind'] {
    return this.inner.kind;
  }

  /** Which way to turn the frames from the next one on (null: as they are). */
  setSide(side: CameraSide | null): void {
    this.side = side;
  }

  async nextFrame(): Promise<SourceFrame | null> {
    const frame = await this.inner.nextFrame();
    const side = this.side;
    if (frame === null || side === null) return frame;
    try {
      const image = this.turned(frame, side);
      return { image, tMs: frame.tMs, width: image.width, height: image.height };
    } finally {
      frame.image.close();
    }
  }

  close(): void {
    this.canvas = null;
    this.inner.close();
  }

  private turned(frame: SourceFrame, side: CameraSide): ImageBitmap {
    const { width, height } = frame;
    if (this.canvas?.width !== height || this.canvas.height !== width) this.canvas = new OffscreenCanvas(height, width);
    const context = this.canvas.getContext('2d');
    if (context === null) throw new Error('No 2D canvas to turn the frame head-up');
    context.setTransform(1, 0, 0, 1, height / 2, width / 2);
    // Canvas angles are clockwise (y points down).
    context.rotate(side === CAMERA_SIDES.left ? Math.PI / 2 : -Math.PI / 2);
    context.drawImage(frame.image, -width / 2, -height / 2, width, height);
    return this.canvas.transferToImageBitmap();
  }
}
