import type { GroundTruth } from '../../tools/clipgen/core/ground-truth';

/** The rep feedback that tells the person to move differently (analyze's rep lines, `feedback`). */
const WARNINGS: ReadonlySet<string> = new Set(['too-fast', 'jerky', 'asymmetric']);
/**
 * A scripted peak speed within this fraction of the exercise's limit is not judged: the speed is
 * measured to a few percent, so a rep scripted at the limit may fairly read either side of it.
 */
const SPEED_MARGIN = 0.1;

/** What a rep line carries for this check (older analysis files have no `feedback`: read as none). */
export interface RepFeedbackLine {
  readonly feedback?: readonly string[];
}

/**
 * A clip whose every rep is counted, minimum-jerk, at the normal tempo and evenly on both sides
 * must get no warning ("a clean minimum-jerk movement must get no warning"), except "too fast"
 * where its scripted speed is over the exercise's limit. Returns the warnings it should not have
 * got, or null when the clip is not such a clip (no reps, a jerky, fast, incomplete or wrong-form
 * rep) or its speed is too near the limit to judge. `maxSpeedPerS` null: the exercise's speed is
 * not judged (a signal that steps: face down), so no warning is expected at all.
 */
export function unexpectedWarnings(truth: GroundTruth, reps: readonly RepFeedbackLine[], maxSpeedPerS: number | null): string[] | null {
  if (truth.reps.length === 0 || !truth.reps.every((r) => r.counts && r.profile === 'minimum-jerk' && r.tempo === 'normal')) return null;
  if (maxSpeedPerS === null) return reps.flatMap((rep) => (rep.feedback ?? []).filter((kind) => WARNINGS.has(kind)));
  const fastest = Math.max(...truth.reps.map((r) => r.peakSpeedDegPerS));
  if (Math.abs(fastest - maxSpeedPerS) <= SPEED_MARGIN * maxSpeedPerS) return null;
  const fastExpected = fastest > maxSpeedPerS;
  return reps.flatMap((rep) => (rep.feedback ?? []).filter((kind) => WARNINGS.has(kind) && !(kind === 'too-fast' && fastExpected)));
}
