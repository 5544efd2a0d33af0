/** Accuracy of a variant against a reference run on the same frames (pure). */
import { wrapDeg } from '../../src/core/geometry/unwrap';
import { pairedFrames } from './paired-frames';

export type AngleTriple = readonly [number, number, number];

export interface AngleAgreement {
  /** Mean absolute difference per axis over frames where both have angles, degrees. */
  readonly yawMaeDeg: number;
  readonly pitchMaeDeg: number;
  readonly rollMaeDeg: number;
  /** Frames compared / reference frames with angles. */
  readonly coverage: number;
}

export function angleAgreement(reference: readonly (AngleTriple | null)[], variant: readonly (AngleTriple | null)[]): AngleAgreement {
  const { pairs, coverage } = pairedFrames(reference, variant);
  const mean = (axis: number): number =>
    pairs.length > 0 ? pairs.reduce((sum, [ref, other]) => sum + Math.abs(wrapDeg((other[axis] ?? 0) - (ref[axis] ?? 0))), 0) / pairs.length : Number.NaN;
  return { yawMaeDeg: mean(0), pitchMaeDeg: mean(1), rollMaeDeg: mean(2), coverage };
}

/** Mean distance between corresponding points ([x0, y0, x1, y1, …] pixels) over frames where both have them. */
export function pointErrorPx(reference: readonly (readonly number[] | null)[], variant: readonly (readonly number[] | null)[]): number {
  let sum = 0;
  let count = 0;
  for (const [ref, other] of pairedFrames(reference, variant).pairs) {
    for (let k = 0; k + 1 < ref.length; k += 2) {
      const d = Math.hypot((other[k] ?? Number.NaN) - (ref[k] ?? Number.NaN), (other[k + 1] ?? Number.NaN) - (ref[k + 1] ?? Number.NaN));
      if (!Number.isFinite(d)) continue;
      sum += d;
      count += 1;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}
