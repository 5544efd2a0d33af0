/**
 * Removes the photo's own arms (hanging beside the torso) when rendered arms are raised: each side's
 * band between the torso's edge and a line beyond the sleeve is refilled, column by column, with the
 * background just above the band, mirrored back and forth (curtains and flags hang vertically, so
 * this continues them; no smear).
 */

/** One side's band in photo pixels: rows topY..bottomY, columns from innerX (torso) to outerX. */
export interface ArmBand {
  readonly topY: number;
  readonly bottomY: number;
  readonly innerX: number;
  /** Beyond the sleeve; left of innerX for the image's left side, right of it for the right side. */
  readonly outerX: number;
  /** How many rows just above the band are mirrored into it. */
  readonly sourceRows: number;
}

/**
 * Where the hanging arms are, from the photo's shoulder points (pixels), in shoulder widths W. Per
 * side two bands: the shoulder's cap (from above the shoulder pad to the armpit, out from the
 * shoulder point, which the raised upper arm covers) and below the armpit, from just inside the
 * shoulder point (the sleeve's seam on the torso) out to well beyond the sleeve.
 */
export const HANGING_ARM = {
  capAboveShoulder: 0.15,
  armpitBelowShoulder: 0.2,
  seamInsideShoulder: 0.12,
  beyondSleeve: 0.45,
  /** Rows of background mirrored into the bands. */
  sourceRows: 0.3,
} as const;

/** The bands of the arm hanging from `shoulder` (the other shoulder gives the scale and the midline). */
export function hangingArmBands(shoulder: { x: number; y: number }, otherShoulder: { x: number; y: number }, photoHeight: number): ArmBand[] {
  const w = Math.hypot(shoulder.x - otherShoulder.x, shoulder.y - otherShoulder.y);
  const A = HANGING_ARM;
  // `inward` points to the midline (+1 for the shoulder on the image's left).
  const inward = shoulder.x < otherShoulder.x ? 1 : -1;
  const armpitY = shoulder.y + A.armpitBelowShoulder * w;
  const outerX = shoulder.x - inward * A.beyondSleeve * w;
  const sourceRows = A.sourceRows * w;
  return [
    { topY: shoulder.y - A.capAboveShoulder * w, bottomY: armpitY, innerX: shoulder.x, outerX, sourceRows },
    { topY: armpitY, bottomY: photoHeight - 1, innerX: shoulder.x + inward * A.seamInsideShoulder * w, outerX, sourceRows },
  ];
}

/**
 * The source row for row `y` of a band starting at `top`: rows top−1, top−2, … top−span, then back
 * down, and so on (a triangle wave), never below 0.
 */
export function mirroredRow(y: number, top: number, span: number): number {
  const period = 2 * span;
  const k = (y - top) % period;
  const offset = k < span ? k : period - 1 - k;
  return Math.max(0, top - 1 - offset);
}

/**
 * Refills every band in place (RGBA), top band first: a band may take its source rows from one above
 * it that was filled already.
 */
export function paintOutArms(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, bands: readonly ArmBand[]): void {
  const ordered = [...bands].sort((a, b) => a.topY - b.topY);
  for (const band of ordered) {
    const x0 = Math.max(0, Math.round(Math.min(band.innerX, band.outerX)));
    const x1 = Math.min(width - 1, Math.round(Math.max(band.innerX, band.outerX)));
    const top = Math.max(0, Math.ceil(band.topY));
    const bottom = Math.min(height - 1, Math.floor(band.bottomY));
    const rows = Math.max(1, Math.min(Math.round(band.sourceRows), top));
    for (let y = top; y <= bottom; y++) {
      const source = mirroredRow(y, top, rows);
      for (let x = x0; x <= x1; x++) {
        const to = (y * width + x) * 4;
        const from = (source * width + x) * 4;
        for (let c = 0; c < 4; c++) rgba[to + c] = rgba[from + c] ?? 0;
      }
    }
  }
}
