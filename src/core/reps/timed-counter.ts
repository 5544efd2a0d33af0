import type { BreakReason } from './exercise-events';
import { NO_EVENTS, NO_REPS, type CounterStep } from './raw-rep';

export interface TimedConfig {
  readonly durationMs: number;
  /** A wrong placement must last this long to pause the timer (a hand passing the camera does not). */
  readonly graceMs: number;
}

export interface TimedInput {
  readonly ok: boolean;
  readonly reason: BreakReason;
}

/** A dose of time: the timer runs only while the placement/posture is right. */
export interface TimedState {
  readonly kind: 'timed';
  readonly running: boolean;
  readonly done: boolean;
  readonly activeMs: number;
  readonly lastMs: number | null;
  readonly badSinceMs: number | null;
}

export const TIMED_INITIAL: TimedState = { kind: 'timed', running: false, done: false, activeMs: 0, lastMs: null, badSinceMs: null };

export function stepTimed(config: TimedConfig, state: TimedState, tMs: number, input: TimedInput): CounterStep<TimedState> {
  if (state.done) return { state, events: NO_EVENTS, reps: NO_REPS };
  if (!state.running) {
    if (!input.ok) return { state, events: NO_EVENTS, reps: NO_REPS };
    return { state: { ...state, running: true, lastMs: tMs, badSinceMs: null }, events: [{ type: 'timer-started', tMs }], reps: NO_REPS };
  }
  if (!input.ok) {
    const badSinceMs = state.badSinceMs ?? tMs;
    if (tMs - badSinceMs >= config.graceMs) {
      return {
        state: { ...state, running: false, lastMs: tMs, badSinceMs: null },
        events: [{ type: 'timer-paused', tMs, activeMs: state.activeMs, reason: input.reason }],
        reps: NO_REPS,
      };
    }
    return { state: { ...state, lastMs: tMs, badSinceMs }, events: NO_EVENTS, reps: NO_REPS };
  }
  const activeMs = state.activeMs + (state.badSinceMs === null && state.lastMs !== null ? tMs - state.lastMs : 0);
  if (activeMs >= config.durationMs) {
    return { state: { ...state, running: false, done: true, activeMs, lastMs: tMs, badSinceMs: null }, events: [{ type: 'timer-completed', tMs, activeMs }], reps: NO_REPS };
  }
  return { state: { ...state, activeMs, lastMs: tMs, badSinceMs: null }, events: NO_EVENTS, reps: NO_REPS };
}

export function abortTimed(state: TimedState, tMs: number, reason: BreakReason): CounterStep<TimedState> {
  if (!state.running) return { state, events: NO_EVENTS, reps: NO_REPS };
  return {
    state: { ...state, running: false, lastMs: tMs, badSinceMs: null },
    events: [{ type: 'timer-paused', tMs, activeMs: state.activeMs, reason }],
    reps: NO_REPS,
  };
}
