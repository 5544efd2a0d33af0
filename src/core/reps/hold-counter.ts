import type { HeadAngles } from '../head-pose/head-angles';
import type { Direction } from '../protocol/exercise-definition';
import { BREAK_REASONS, INCOMPLETE_REASONS, type BreakReason, type ExerciseEvent } from './exercise-events';
import { NO_EVENTS, NO_REPS, type CounterStep, type RawRep } from './raw-rep';

/** One frame as a hold sees it: is the position right, and if not, why. */
export interface HoldInput {
  readonly ok: boolean;
  readonly reason: BreakReason;
  readonly side: Direction;
  /** The held signal (shrug %, neck rise °), 0 when the hold is a placement only. */
  readonly value: number;
  readonly head: HeadAngles | null;
}

export interface HoldConfig {
  readonly holdMs: number;
  /** A wrong position must last this long to break the hold (one bad frame is not a break); the timer stops meanwhile. */
  readonly graceMs: number;
  /** Breaks shorter than this are not worth an incomplete rep. */
  readonly minReportMs: number;
  /** After a completed hold, the next one starts on release, or after this much relaxing in place. */
  readonly relaxMs: number;
  /** Isometric presses: the head must stay within this of where the hold began, per axis; null = not checked. */
  readonly stillToleranceDeg: number | null;
}

export type HoldState =
  | { readonly kind: 'hold'; readonly phase: 'waiting'; readonly released: boolean; readonly completedMs: number | null }
  | {
      readonly kind: 'hold';
      readonly phase: 'holding';
      readonly side: Direction;
      readonly startMs: number;
      readonly lastMs: number;
      readonly heldMs: number;
      readonly peak: number;
      readonly reference: HeadAngles | null;
      readonly badSinceMs: number | null;
      readonly badReason: BreakReason;
    };

export const HOLD_INITIAL: HoldState = { kind: 'hold', phase: 'waiting', released: true, completedMs: null };

function headMoved(config: HoldConfig, reference: HeadAngles | null, head: HeadAngles | null): boolean {
  if (config.stillToleranceDeg === null || reference === null || head === null) return false;
  const tol = config.stillToleranceDeg;
  return (
    Math.abs(head.yawDeg - reference.yawDeg) > tol ||
    Math.abs(head.pitchDeg - reference.pitchDeg) > tol ||
    Math.abs(head.rollDeg - reference.rollDeg) > tol
  );
}

function holdRep(state: Extract<HoldState, { phase: 'holding' }>, config: HoldConfig, tMs: number, complete: boolean): RawRep {
  return {
    tMs,
    kind: 'hold',
    side: state.side,
    complete,
    incompleteReason: complete ? null : INCOMPLETE_REASONS.holdBroken,
    peak: state.peak,
    threshold: config.holdMs,
    path: null,
    startMs: state.startMs,
    heldMs: state.heldMs,
  };
}

function breakHold(
  config: HoldConfig,
  state: Extract<HoldState, { phase: 'holding' }>,
  tMs: number,
  reason: BreakReason,
): CounterStep<HoldState> {
  const events: ExerciseEvent[] = [{ type: 'hold-broken', tMs, side: state.side, heldMs: state.heldMs, reason }];
  const reps = state.heldMs >= config.minReportMs ? [holdRep(state, config, tMs, false)] : NO_REPS;
  return { state: { kind: 'hold', phase: 'waiting', released: true, completedMs: null }, events, reps };
}

export function stepHold(config: HoldConfig, state: HoldState, tMs: number, input: HoldInput): CounterStep<HoldState> {
  if (state.phase === 'waiting') {
    const mayStart = state.released || (state.completedMs !== null && tMs - state.completedMs >= config.relaxMs);
    if (!input.ok) return { state: state.released ? state : { ...state, released: true }, events: NO_EVENTS, reps: NO_REPS };
    if (!mayStart) return { state, events: NO_EVENTS, reps: NO_REPS };
    const holding: HoldState = {
      kind: 'hold',
      phase: 'holding',
      side: input.side,
      startMs: tMs,
      lastMs: tMs,
      heldMs: 0,
      peak: input.value,
      reference: input.head,
      badSinceMs: null,
      badReason: BREAK_REASONS.handAway,
    };
    return { state: holding, events: [{ type: 'hold-started', tMs, side: input.side }], reps: NO_REPS };
  }
  const moved = input.ok && headMoved(config, state.reference, input.head);
  const sideChanged = input.ok && input.side !== state.side;
  const good = input.ok && !moved && !sideChanged;
  if (!good) {
    const reason = moved ? BREAK_REASONS.headMoved : sideChanged ? BREAK_REASONS.handAway : input.reason;
    const badSinceMs = state.badSinceMs ?? tMs;
    if (tMs - badSinceMs >= config.graceMs) return breakHold(config, state, tMs, reason);
    return { state: { ...state, lastMs: tMs, badSinceMs, badReason: reason }, events: NO_EVENTS, reps: NO_REPS };
  }
  const heldMs = state.heldMs + (state.badSinceMs === null ? tMs - state.lastMs : 0);
  // Every field written out (not `...state`): V8's generic spread copy is slow and this runs per frame.
  const next: Extract<HoldState, { phase: 'holding' }> = {
    kind: 'hold',
    phase: 'holding',
    side: state.side,
    startMs: state.startMs,
    lastMs: tMs,
    heldMs,
    peak: Math.max(state.peak, input.value),
    reference: state.reference,
    badSinceMs: null,
    badReason: state.badReason,
  };
  if (heldMs >= config.holdMs) {
    return { state: { kind: 'hold', phase: 'waiting', released: false, completedMs: tMs }, events: NO_EVENTS, reps: [holdRep(next, config, tMs, true)] };
  }
  return { state: next, events: NO_EVENTS, reps: NO_REPS };
}

export function abortHold(config: HoldConfig, state: HoldState, tMs: number, reason: BreakReason): CounterStep<HoldState> {
  if (state.phase === 'holding') return breakHold(config, state, tMs, reason);
  return { state: HOLD_INITIAL, events: NO_EVENTS, reps: NO_REPS };
}
