import type { SessionAction } from './session-actions';
import { SESSION_PHASES, type SessionState } from './session-state';

export interface VisibilityStep {
  readonly action: SessionAction | null;
  /** Whether the exercise is now paused because the tab is hidden (not by the user). */
  readonly pausedWhileHidden: boolean;
}

/**
 * A hidden tab gets no frames and throttled timers: without a pause, the exercise's active time
 * would keep growing while nobody exercises in view. Only a pause made here is undone here; a
 * pause the user chose stays until the user resumes.
 */
export function visibilityStep(session: SessionState, hidden: boolean, pausedWhileHidden: boolean, tMs: number): VisibilityStep {
  const inExercise = session.phase === SESSION_PHASES.exercise;
  if (hidden) {
    if (!inExercise || session.userPaused) return { action: null, pausedWhileHidden };
    return { action: { type: 'pause', tMs }, pausedWhileHidden: true };
  }
  if (!pausedWhileHidden) return { action: null, pausedWhileHidden };
  return { action: inExercise && session.userPaused ? { type: 'resume', tMs } : null, pausedWhileHidden: false };
}
