// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_PHASES, createSessionState, type SessionState } from '../../src/core/session';
import { openAtlasDb } from '../../src/store/open-atlas-db';
import { SessionRecorder } from '../../src/store/session-recorder';
import '../../src/ui/app/session-view';
import type { SessionView } from '../../src/ui/app/session-view';
import { STORE_PLAN } from '../unit/store/store-fixtures';
import { useFreshIndexedDb } from '../unit/store/fake-db';
import { renderElement } from './render';

const NEUTRAL = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

/** Happy-dom's `visibilityState` is fixed: override it on the document, then announce the change. */
function setTabHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function viewInExercise(): Promise<{ view: SessionView; recorder: SessionRecorder }> {
  const db = await openAtlasDb({ name: `visibility-${Math.random()}` });
  const recorder = SessionRecorder.forNewSession(db, createSessionState('visibility', STORE_PLAN));
  const tMs = performance.now();
  await recorder.dispatch({ type: 'start', tMs, atIso: '2026-01-01T10:00:00.000Z' });
  await recorder.dispatch({ type: 'calibrated', tMs, neutral: NEUTRAL });
  expect(recorder.state.phase).toBe(SESSION_PHASES.exercise);
  const view = await renderElement<SessionView>('atlas-session-view', { recorder });
  return { view, recorder };
}

function paused(state: SessionState): boolean {
  return state.userPaused;
}

describe('<atlas-session-view> when the tab is hidden', () => {
  beforeEach(() => useFreshIndexedDb());
  afterEach(() => {
    document.body.replaceChildren();
    setTabHidden(false);
  });

  it('pauses the exercise while hidden and resumes it when visible again', async () => {
    const { recorder } = await viewInExercise();
    expect(paused(recorder.state)).toBe(false);
    setTabHidden(true);
    expect(paused(recorder.state)).toBe(true);
    expect(recorder.state.activeSinceMs).toBeNull();
    setTabHidden(false);
    expect(paused(recorder.state)).toBe(false);
    expect(recorder.state.phase).toBe(SESSION_PHASES.exercise);
  });

  it('leaves a pause the user chose alone', async () => {
    const { recorder } = await viewInExercise();
    await recorder.dispatch({ type: 'pause', tMs: performance.now() });
    setTabHidden(true);
    setTabHidden(false);
    expect(paused(recorder.state)).toBe(true);
  });

  it('does nothing outside the exercise phase, nor once removed from the page', async () => {
    const db = await openAtlasDb({ name: `visibility-setup-${Math.random()}` });
    const recorder = SessionRecorder.forNewSession(db, createSessionState('setup', STORE_PLAN));
    await renderElement<SessionView>('atlas-session-view', { recorder });
    setTabHidden(true);
    expect(recorder.state.phase).toBe(SESSION_PHASES.setup);
    expect(paused(recorder.state)).toBe(false);
    setTabHidden(false);

    const inExercise = await viewInExercise();
    inExercise.view.remove();
    setTabHidden(true);
    expect(paused(inExercise.recorder.state)).toBe(false);
  });
});
