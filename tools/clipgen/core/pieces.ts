import { progress } from './speed-profiles';
import type { RepSegment } from './trajectory';

/** One stretch of a timeline: from startMs up to endMs, the value at each instant. */
export interface Piece<T> {
  readonly startMs: number;
  readonly endMs: number;
  readonly pose: (tMs: number) => T;
}

/** The value of contiguous pieces at tMs (clamped to [0, durationMs]); `last` after the final piece. */
export function valueAt<T>(pieces: readonly Piece<T>[], tMs: number, durationMs: number, last: T): T {
  const clamped = Math.min(Math.max(tMs, 0), durationMs);
  // Pieces are contiguous and few (tens): a linear scan is clear and fast enough.
  for (const piece of pieces) {
    if (clamped < piece.endMs) return piece.pose(clamped);
  }
  return last;
}

type RepTiming = Pick<RepSegment, 'outMs' | 'holdMs' | 'backMs' | 'profile'>;

/** A rep's out (from → peak), hold (at the peak) and back (peak → from), the back ending at endMs. */
export function repPieces<T>(lerp: (a: T, b: T, s: number) => T, from: T, peak: T, rep: RepTiming, startMs: number, endMs: number): Piece<T>[] {
  const outEnd = startMs + rep.outMs;
  const holdEnd = outEnd + rep.holdMs;
  return [
    { startMs, endMs: outEnd, pose: (t) => lerp(from, peak, progress(rep.profile, (t - startMs) / rep.outMs)) },
    { startMs: outEnd, endMs: holdEnd, pose: () => peak },
    { startMs: holdEnd, endMs, pose: (t) => lerp(peak, from, progress(rep.profile, (t - holdEnd) / rep.backMs)) },
  ];
}
