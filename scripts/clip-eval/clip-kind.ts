import type { GroundTruth } from '../../tools/clipgen/core/ground-truth';

/**
 * What a clip tests, read from its ground truth (not its name): `negative` has no rep at all,
 * `wrong-form` has reps the truth marks as not counting (too shallow, held too short), `exact`
 * only reps that count.
 */
export const CLIP_KINDS = ['exact', 'wrong-form', 'negative'] as const;
export type ClipKind = (typeof CLIP_KINDS)[number];

export function clipKind(truth: Pick<GroundTruth, 'reps'>): ClipKind {
  if (truth.reps.length === 0) return 'negative';
  return truth.reps.some((rep) => !rep.counts) ? 'wrong-form' : 'exact';
}
