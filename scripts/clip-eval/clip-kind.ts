import type { ArmPose } from '../../tools/clipgen/core/arm-pose';
import type { GroundTruth } from '../../tools/clipgen/core/ground-truth';
import { bodyMoves, placedMs } from '../../tools/clipgen/core/timed-truth';

/**
 * What a clip tests, read from its ground truth (not its name): `negative` has no rep at all,
 * `wrong-form` has reps the truth marks as not counting (too shallow, held too short), `exact`
 * only reps that count. A timed exercise's clip (`placement`: the arm pose its timer runs in) is
 * `exact` when the frames show the placement, `wrong-form` when the body moves without it, else
 * `negative`.
 */
export const CLIP_KINDS = ['exact', 'wrong-form', 'negative'] as const;
export type ClipKind = (typeof CLIP_KINDS)[number];

export function clipKind(truth: Pick<GroundTruth, 'reps' | 'frames'>, placement: ArmPose | null = null): ClipKind {
  if (placement !== null) {
    if (placedMs(truth, placement) > 0) return 'exact';
    return bodyMoves(truth) ? 'wrong-form' : 'negative';
  }
  if (truth.reps.length === 0) return 'negative';
  return truth.reps.some((rep) => !rep.counts) ? 'wrong-form' : 'exact';
}
