import type { LandmarkerImage } from '../landmarkers';
import type { SquareCrop } from './square-crop';

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export function imageSize(image: LandmarkerImage): ImageSize {
  if (typeof HTMLVideoElement !== 'undefined' && image instanceof HTMLVideoElement) return { width: image.videoWidth, height: image.videoHeight };
  if (typeof HTMLImageElement !== 'undefined' && image instanceof HTMLImageElement) return { width: image.naturalWidth, height: image.naturalHeight };
  if (typeof VideoFrame !== 'undefined' && image instanceof VideoFrame) return { width: image.displayWidth, height: image.displayHeight };
  const sized = image as ImageBitmap | OffscreenCanvas | ImageData | HTMLCanvasElement;
  return { width: sized.width, height: sized.height };
}

function newContext(width: number, height: number): Canvas2D {
  const context =
    typeof OffscreenCanvas !== 'undefined'
      ? new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })
      : Object.assign(document.createElement('canvas'), { width, height }).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas context to crop frames in');
  return context;
}

/**
 * Draws square crops of frames into a small canvas and reads back their pixels: resizing, padding
 * and rotation done by the browser's 2D canvas, cheaper than tensor ops for these sizes.
 */
export class CropCanvas {
  readonly inputSize: number;
  private readonly context: Canvas2D;
  private staging: Canvas2D | null = null;

  constructor(inputSize: number) {
    this.inputSize = inputSize;
    this.context = newContext(inputSize, inputSize);
  }

  /** The crop's pixels (RGBA, inputSize²); outside the image is black, as MediaPipe pads. */
  read(image: LandmarkerImage, crop: SquareCrop): ImageData {
    const size = this.inputSize;
    const ctx = this.context;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, size, size);
    const scale = size / crop.size;
    ctx.translate(size / 2, size / 2);
    ctx.scale(scale, scale);
    ctx.rotate(-crop.rotation);
    ctx.translate(-crop.centerX, -crop.centerY);
    ctx.drawImage(this.drawable(image), 0, 0);
    return ctx.getImageData(0, 0, size, size);
  }

  private drawable(image: LandmarkerImage): CanvasImageSource | OffscreenCanvas {
    if (!(image instanceof ImageData)) return image;
    if (!this.staging || this.staging.canvas.width !== image.width || this.staging.canvas.height !== image.height) {
      this.staging = newContext(image.width, image.height);
    }
    this.staging.putImageData(image, 0, 0);
    return this.staging.canvas;
  }
}
