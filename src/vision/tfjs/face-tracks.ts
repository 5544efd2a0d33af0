import type { SquareCrop } from '../crop/square-crop';

/**
 * Two crops frame the same face when either centre lies within half the other's side: a face's
 * crop is ~1.5–2× the face, so two people's crops are never that close, while a track and a new
 * detection of the same face always are.
 */
export function sameFace(a: SquareCrop, b: SquareCrop): boolean {
  const distance = Math.hypot(a.centerX - b.centerX, a.centerY - b.centerY);
  return distance < Math.max(a.size, b.size) / 2;
}

/**
 * The crops to mesh this frame: the faces already tracked, in their order (the first is the person
 * being followed), then newly detected faces that are none of them, up to `maxFaces`.
 */
export function withNewFaces(tracked: readonly SquareCrop[], detected: readonly SquareCrop[], maxFaces: number): SquareCrop[] {
  const crops = tracked.slice(0, maxFaces);
  for (const crop of detected) {
    if (crops.length >= maxFaces) break;
    if (!crops.some((other) => sameFace(other, crop))) crops.push(crop);
  }
  return crops;
}
