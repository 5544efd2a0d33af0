import type { NormalisedBox } from '../../core/landmarks';
import { assessLight, type LightVerdict } from './light-check';

/** The light check looks at the frame downscaled to this size: enough for mean and contrast. */
const SAMPLE_WIDTH = 32;
const SAMPLE_HEIGHT = 24;

/**
 * Draws the current video frame small and judges its light (assessLight). The pixels stay in
 * this canvas, in memory: nothing is kept or sent. Null while the video has no frame.
 */
export class VideoLightSampler {
  private canvas: HTMLCanvasElement | null = null;

  sample(video: HTMLVideoElement, subject: NormalisedBox | null): LightVerdict | null {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
    this.canvas ??= document.createElement('canvas');
    this.canvas.width = SAMPLE_WIDTH;
    this.canvas.height = SAMPLE_HEIGHT;
    const context = this.canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) return null;
    context.drawImage(video, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
    const pixels = context.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data;
    return (subject === null ? assessLight(pixels, SAMPLE_WIDTH, SAMPLE_HEIGHT) : assessLight(pixels, SAMPLE_WIDTH, SAMPLE_HEIGHT, subject)).verdict;
  }
}
