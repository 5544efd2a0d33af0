/**
 * Where frames come from: a live camera, a video file or an image. The rest of the pipeline does
 * not know which. Frames are never mirrored here (mirroring is a display concern, CSS only).
 */
/**
 * A frame's pixels. The camera gives VideoFrames (no conversion on the main thread: the landmarker
 * worker reads the camera's own buffer), recorded sources and browsers without WebCodecs give
 * ImageBitmaps. Both are transferable and must be closed.
 */
export type FrameImage = ImageBitmap | VideoFrame;

export interface SourceFrame {
  /** The pixels. The consumer owns it and must close() it (or transfer it) when done. */
  readonly image: FrameImage;
  /** Presentation time in ms: camera capture time, or the frame's position in a video (0 for an image). */
  readonly tMs: number;
  readonly width: number;
  readonly height: number;
}

export interface FrameSource {
  readonly kind: 'camera' | 'video' | 'image';
  /**
   * Next frame, or null when the source has ended (end of file; camera stopped or track ended).
   * Recorded sources yield every frame in order (not real time); the camera yields the newest frame.
   */
  nextFrame(): Promise<SourceFrame | null>;
  /** Releases everything (camera tracks stopped, decoders closed, object URLs revoked). Idempotent. */
  close(): void;
}
