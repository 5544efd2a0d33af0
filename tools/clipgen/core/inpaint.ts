/** An axis-aligned ellipse in pixels. */
export interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
}

/**
 * Removes the photo's own head so that it does not show behind the rendered one: every row that
 * crosses the ellipse is filled, inside it, by blending linearly between the pixels just left and
 * just right of it. Rows below `keepBelowY` are kept (the neck stays). Works in place on RGBA.
 */
export function inpaintEllipse(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, e: Ellipse, keepBelowY = Infinity): void {
  const top = Math.max(0, Math.ceil(e.cy - e.ry));
  const bottom = Math.min(height - 1, Math.floor(Math.min(e.cy + e.ry, keepBelowY)));
  for (let y = top; y <= bottom; y++) {
    const dy = (y - e.cy) / e.ry;
    const half = e.rx * Math.sqrt(Math.max(0, 1 - dy * dy));
    const x0 = Math.max(0, Math.floor(e.cx - half) - 1);
    const x1 = Math.min(width - 1, Math.ceil(e.cx + half) + 1);
    if (x1 - x0 < 2) continue;
    const left = (y * width + x0) * 4;
    const right = (y * width + x1) * 4;
    for (let x = x0 + 1; x < x1; x++) {
      const s = (x - x0) / (x1 - x0);
      const p = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        rgba[p + c] = Math.round((rgba[left + c] ?? 0) * (1 - s) + (rgba[right + c] ?? 0) * s);
      }
    }
  }
}
