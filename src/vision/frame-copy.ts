import type { FrameImage } from './frame-source';

/** Makes an independent copy of a frame (a transferred image can go to one worker only). */
export type CopyImage = (image: FrameImage) => Promise<FrameImage>;

/** A VideoFrame clone shares the camera's buffer (no pixels copied); a bitmap is copied. */
export const copyFrameImage: CopyImage = (image) =>
  typeof VideoFrame === 'function' && image instanceof VideoFrame ? Promise.resolve(image.clone()) : createImageBitmap(image);
