import type { CounterSide } from '../rep-counter/rep-counter';

/** Keys of `summary.directions` in the translations. */
export type SummaryDirection = 'left' | 'right' | 'up' | 'down' | 'leftTilt' | 'rightTilt' | 'span';

/** How this range compares with last time, judged against the measurement's noise. */
export type RangeChange = 'progress' | 'regress' | 'noise' | 'first';

export interface SummaryRange {
  readonly direction: SummaryDirection;
  /** Best range reached this session, degrees; null when nothing was measured. */
  readonly reachedDeg: number | null;
  readonly targetDeg: number;
  /** Best range of the previous session with this exercise, degrees; null the first time. */
  readonly previousDeg: number | null;
  readonly change: RangeChange;
  /** Change of the mean peak vs last time, degrees (what the noise rule judged); null the first time. */
  readonly deltaDeg: number | null;
}

export type SummaryStatus = 'done' | 'skipped' | 'stopped' | 'pain' | 'pending' | 'active' | 'locked';
export type SmoothnessGrade = 'smooth' | 'fair' | 'jerky';

export interface SummaryExercise {
  readonly exerciseId: string;
  /** Already in the UI's language. */
  readonly title: string;
  readonly status: SummaryStatus;
  readonly reps: readonly { readonly side: CounterSide; readonly count: number }[];
  readonly repsTarget: number;
  readonly ranges: readonly SummaryRange[];
  readonly smoothness: SmoothnessGrade | null;
  /** Warning feedback codes (e.g. `too-fast`) and how often each was given. */
  readonly warnings: readonly { readonly code: string; readonly count: number }[];
  /** Done guided: the counts are the person's own, not measured (no range, no smoothness). */
  readonly guided: boolean;
}

export interface SessionSummaryView {
  readonly exercises: readonly SummaryExercise[];
  readonly endedForPain: boolean;
}

/** `too-fast` → `tooFast`: feedback codes are kebab-case, translation keys camelCase. */
export function feedbackKey(code: string): string {
  return code.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
