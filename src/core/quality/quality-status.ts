import { stringEnum, type EnumValue } from '../string-enum';

/**
 * Why the tracking of a frame (or, after hysteresis, of the session) is not good enough to count
 * repetitions. Each reason is also a stable message code the UI translates.
 */
export const QUALITY_PROBLEMS = stringEnum(
  'no-person', // Nobody in the frame (or too dark to see anyone).
  'several-people', // More than one face or body: the counters cannot know whose head to follow.
  'face-occluded', // The face was lost while the body is seen with a hand next to the head.
  'jumpy', // Landmarks or head angles moved faster than a person can between two frames (a tracking swap).
  'invalid-data', // Non-finite or absurd numbers, truncated landmark lists, an unusable frame size.
);
export type QualityProblem = EnumValue<typeof QUALITY_PROBLEMS>;

export const QUALITY_STATUSES = stringEnum('good', 'poor');
export type QualityStatusKind = EnumValue<typeof QUALITY_STATUSES>;

/** The tracking quality the UI shows and the session obeys (poor: counting pauses). */
export type TrackingQuality =
  | { readonly status: typeof QUALITY_STATUSES.good; readonly sinceMs: number | null }
  | { readonly status: typeof QUALITY_STATUSES.poor; readonly reason: QualityProblem; readonly sinceMs: number };

/** One frame on its own: fine, or the first problem found (checked in the order of QUALITY_PROBLEMS' severity). */
export type FrameVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: QualityProblem; readonly detail: string };

export function allowsCounting(quality: TrackingQuality): boolean {
  return quality.status === QUALITY_STATUSES.good;
}
