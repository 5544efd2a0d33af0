import type { Direction } from '../protocol/exercise-definition';
import { stringEnum, type EnumValue } from '../string-enum';

export const FEEDBACK_KINDS = stringEnum(
  'good', 'too-fast', 'jerky', 'not-far-enough', 'asymmetric',
  'too-big', // Nods, shakes and circles are meant to be small.
  'posture', // The posture or placement the exercise needs is not seen (e.g. arms not at shoulder level).
  'trunk-turned', // The trunk turned or leaned with the head: the neck should do the movement, the shoulders stay.
);
export type FeedbackKind = EnumValue<typeof FEEDBACK_KINDS>;

/** Why a movement did not count. */
export const INCOMPLETE_REASONS = stringEnum(
  'not-far-enough', 'left-frame', 'lost-signal', 'timeout',
  'jump', // The signal jumped faster than a head can move (a video cut, a tracking swap).
  'hold-broken',
  'off-axis', // Nods/shakes: the other head axes moved as much (a tilt or turn, not a nod or shake).
  'reversed', // A loop turned back before closing.
  'ended', // The exercise (or the recording) ended with the rep still in progress.
);
export type IncompleteReason = EnumValue<typeof INCOMPLETE_REASONS>;

/** Why a hold (or a timed exercise's timer) stopped. */
export const BREAK_REASONS = stringEnum(
  'hand-away', 'head-moved',
  'released', // The held position was released (shoulders dropped, head lowered).
  'posture', 'left-frame', 'lost-signal', 'ended',
);
export type BreakReason = EnumValue<typeof BREAK_REASONS>;

export const REP_KINDS = stringEnum('movement', 'hold');
export type RepKind = EnumValue<typeof REP_KINDS>;

/**
 * One repetition, complete or not. Movement metrics are in the signal's unit (degrees for head
 * and joint angles, % of shoulder width for shoulder signals); smoothness is NaN for holds and
 * when the movement was too short to measure.
 */
export interface RepEvent {
  readonly type: 'rep';
  readonly tMs: number;
  readonly kind: RepKind;
  readonly side: Direction;
  readonly complete: boolean;
  readonly incompleteReason: IncompleteReason | null;
  /** Peak excursion (oscillations: peak to peak; loops: mean radius; holds: peak of the held signal). */
  readonly peakDeg: number;
  /** The range the rep was counted against (the count threshold). */
  readonly targetDeg: number;
  /** Best peak on this side before this rep (options' history included), null if none. */
  readonly personalBestDeg: number | null;
  readonly isPersonalBest: boolean;
  readonly durationMs: number;
  readonly peakVelDegS: number;
  readonly sparc: number;
  readonly ldj: number;
  readonly velocityPeaks: number;
}

export type ExerciseEvent =
  /** The settle period after (re)appearing is over: counting starts. */
  | { readonly type: 'ready'; readonly tMs: number }
  | { readonly type: 'paused'; readonly tMs: number; readonly reason: 'left-frame' | 'lost-signal' }
  | { readonly type: 'rep-started'; readonly tMs: number; readonly side: Direction }
  /** The count threshold was reached: "good, now come back". */
  | { readonly type: 'range-reached'; readonly tMs: number; readonly side: Direction; readonly valueDeg: number }
  | RepEvent
  | { readonly type: 'feedback'; readonly tMs: number; readonly kind: FeedbackKind; readonly side: Direction }
  | { readonly type: 'hold-started'; readonly tMs: number; readonly side: Direction }
  | {
      readonly type: 'hold-broken';
      readonly tMs: number;
      readonly side: Direction;
      readonly heldMs: number;
      readonly reason: BreakReason;
    }
  | { readonly type: 'timer-started'; readonly tMs: number }
  | { readonly type: 'timer-paused'; readonly tMs: number; readonly activeMs: number; readonly reason: BreakReason }
  | { readonly type: 'timer-completed'; readonly tMs: number; readonly activeMs: number };

export type ExerciseEventType = ExerciseEvent['type'];
