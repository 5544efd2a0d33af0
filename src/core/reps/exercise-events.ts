import type { Direction } from '../protocol/exercise-definition';

export const FEEDBACK_KINDS = {
  good: 'good',
  tooFast: 'too-fast',
  jerky: 'jerky',
  notFarEnough: 'not-far-enough',
  asymmetric: 'asymmetric',
  /** Nods, shakes and circles are meant to be small. */
  tooBig: 'too-big',
  /** The posture or placement the exercise needs is not seen (e.g. arms not at shoulder level). */
  posture: 'posture',
  /** The trunk turned or leaned with the head: the neck should do the movement, the shoulders stay. */
  trunkTurned: 'trunk-turned',
} as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[keyof typeof FEEDBACK_KINDS];

/** Why a movement did not count. */
export const INCOMPLETE_REASONS = {
  notFarEnough: 'not-far-enough',
  leftFrame: 'left-frame',
  lostSignal: 'lost-signal',
  timeout: 'timeout',
  /** The signal jumped faster than a head can move (a video cut, a tracking swap). */
  jump: 'jump',
  holdBroken: 'hold-broken',
  /** Nods/shakes: the other head axes moved as much (a tilt or turn, not a nod or shake). */
  offAxis: 'off-axis',
  /** A loop turned back before closing. */
  reversed: 'reversed',
  /** The exercise (or the recording) ended with the rep still in progress. */
  ended: 'ended',
} as const;
export type IncompleteReason = (typeof INCOMPLETE_REASONS)[keyof typeof INCOMPLETE_REASONS];

/** Why a hold (or a timed exercise's timer) stopped. */
export const BREAK_REASONS = {
  handAway: 'hand-away',
  headMoved: 'head-moved',
  /** The held position was released (shoulders dropped, head lowered). */
  released: 'released',
  posture: 'posture',
  leftFrame: 'left-frame',
  lostSignal: 'lost-signal',
  ended: 'ended',
} as const;
export type BreakReason = (typeof BREAK_REASONS)[keyof typeof BREAK_REASONS];

export const REP_KINDS = { movement: 'movement', hold: 'hold' } as const;
export type RepKind = (typeof REP_KINDS)[keyof typeof REP_KINDS];

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
