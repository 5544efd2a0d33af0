import { describe, expect, it } from 'vitest';
import { SESSION_PHASES, visibilityStep, type SessionState } from '../../../../src/core/session';

function session(phase: SessionState['phase'], userPaused: boolean): SessionState {
  return { phase, userPaused } as Pick<SessionState, 'phase' | 'userPaused'> as SessionState;
}

describe('visibilityStep', () => {
  it('pauses a running exercise when hidden and resumes only its own pause', () => {
    const hidden = visibilityStep(session(SESSION_PHASES.exercise, false), true, false, 10);
    expect(hidden).toEqual({ action: { type: 'pause', tMs: 10 }, pausedWhileHidden: true });
    expect(visibilityStep(session(SESSION_PHASES.exercise, true), false, true, 20)).toEqual({ action: { type: 'resume', tMs: 20 }, pausedWhileHidden: false });
  });

  it('leaves a pause the user chose, and every phase but the exercise', () => {
    expect(visibilityStep(session(SESSION_PHASES.exercise, true), true, false, 10).action).toBeNull();
    expect(visibilityStep(session(SESSION_PHASES.exercise, true), false, false, 20).action).toBeNull();
    expect(visibilityStep(session(SESSION_PHASES.rest, false), true, false, 10).action).toBeNull();
  });
});
