/**
 * A square crop of the image, possibly rotated: what a model with a square input sees. Pure maths
 * in image pixels (x right, y down); `rotation` is in radians, positive = clockwise on screen.
 */
export interface SquareCrop {
  readonly centerX: number;
  readonly centerY: number;
  /** Side of the square in image pixels. */
  readonly size: number;
  readonly rotation: number;
}

export interface Point2 {
  readonly x: number;
  readonly y: number;
}

/** The whole image letterboxed into a square (padding top/bottom or left/right), no rotation. */
export function letterboxCrop(width: number, height: number): SquareCrop {
  return { centerX: width / 2, centerY: height / 2, size: Math.max(width, height), rotation: 0 };
}

/** A point of the model's input (pixels of an `inputSize` square) → image pixels. */
export function cropToImage(crop: SquareCrop, inputSize: number, point: Point2): Point2 {
  const scale = crop.size / inputSize;
  const u = (point.x - inputSize / 2) * scale;
  const v = (point.y - inputSize / 2) * scale;
  const cos = Math.cos(crop.rotation);
  const sin = Math.sin(crop.rotation);
  return { x: crop.centerX + cos * u - sin * v, y: crop.centerY + sin * u + cos * v };
}

/** Image pixels → the model's input pixels (the inverse of cropToImage). */
export function imageToCrop(crop: SquareCrop, inputSize: number, point: Point2): Point2 {
  const scale = inputSize / crop.size;
  const dx = point.x - crop.centerX;
  const dy = point.y - crop.centerY;
  const cos = Math.cos(crop.rotation);
  const sin = Math.sin(crop.rotation);
  return { x: inputSize / 2 + scale * (cos * dx + sin * dy), y: inputSize / 2 + scale * (-sin * dx + cos * dy) };
}
