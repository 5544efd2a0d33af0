/** A variant's run against a reference run on the same frames: the frames both have a result for. */
export interface PairedFrames<T> {
  /** [reference, variant] per frame where both found something, in frame order. */
  readonly pairs: readonly (readonly [T, T])[];
  /** Those frames / the frames the reference found something in; NaN when it found nothing. */
  readonly coverage: number;
}

export function pairedFrames<T>(reference: readonly (T | null)[], variant: readonly (T | null)[]): PairedFrames<T> {
  const pairs: (readonly [T, T])[] = [];
  let referenced = 0;
  for (const [frame, ref] of reference.entries()) {
    if (!ref) continue;
    referenced += 1;
    const other = variant[frame];
    if (other) pairs.push([ref, other]);
  }
  return { pairs, coverage: referenced > 0 ? pairs.length / referenced : Number.NaN };
}
