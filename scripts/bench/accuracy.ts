/** Accuracy of a variant against a reference run on the same frames (pure). */

export type AngleTriple = readonly [number, number, number];

export interface AngleAgreement {
  /** Mean absolute difference per axis over frames where both have angles, degrees. */
  readonly yawMaeDeg: number;
  readonly pitchMaeDeg: number;
  readonly rollMaeDeg: number;
  /** Frames compared / reference frames with angles. */
  readonly coverage: number;
}

function wrapDeg(d: number): number {
  return ((((d + 180) % 360) + 360) % 360) - 180;
}

export function angleAgreement(reference: readonly (AngleTriple | null)[], variant: readonly (AngleTriple | null)[]): AngleAgreement {
  const sums = [0, 0, 0];
  let both = 0;
  let referenced = 0;
  for (const [i, ref] of reference.entries()) {
    if (!ref) continue;
    referenced += 1;
    const other = variant[i];
    if (!other) continue;
    both += 1;
    for (let axis = 0; axis < 3; axis++) sums[axis] = (sums[axis] ?? 0) + Math.abs(wrapDeg((other[axis] ?? 0) - (ref[axis] ?? 0)));
  }
  const mean = (axis: number): number => (both > 0 ? (sums[axis] ?? 0) / both : Number.NaN);
  return { yawMaeDeg: mean(0), pitchMaeDeg: mean(1), rollMaeDeg: mean(2), coverage: referenced > 0 ? both / referenced : Number.NaN };
}

/** Mean distance between corresponding points ([x0, y0, x1, y1, …] pixels) over frames where both have them. */
export function pointErrorPx(reference: readonly (readonly number[] | null)[], variant: readonly (readonly number[] | null)[]): number {
  let sum = 0;
  let count = 0;
  for (const [i, ref] of reference.entries()) {
    const other = variant[i];
    if (!ref || !other) continue;
    for (let k = 0; k + 1 < ref.length; k += 2) {
      const dx = (other[k] ?? Number.NaN) - (ref[k] ?? Number.NaN);
      const dy = (other[k + 1] ?? Number.NaN) - (ref[k + 1] ?? Number.NaN);
      const d = Math.hypot(dx, dy);
      if (!Number.isFinite(d)) continue;
      sum += d;
      count += 1;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}
