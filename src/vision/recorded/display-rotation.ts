/** Clockwise quarter turns a player applies to decoded frames (phones record portrait this way). */
export type DisplayRotation = 0 | 90 | 180 | 270;

/**
 * The rotation in a track header's matrix (ISO-BMFF {a, b, u, c, d, v, x, y, w}, a–d in 16.16
 * fixed point): a = cos θ, b = sin θ for a display rotated θ clockwise (a portrait phone clip has
 * a = 0, b = 1, c = −1, d = 0: 90°). Mirrored or non-square matrices are read as their nearest
 * quarter turn; other angles are not used by recorders.
 */
export function displayRotation(matrix: ArrayLike<number> | null | undefined): DisplayRotation {
  if (!matrix || matrix.length < 2) return 0;
  const a = matrix[0] ?? 0;
  const b = matrix[1] ?? 0;
  if (a === 0 && b === 0) return 0;
  const degrees = (Math.atan2(b, a) * 180) / Math.PI;
  const quarter = (((Math.round(degrees / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  return ([0, 90, 180, 270] as const)[quarter];
}
