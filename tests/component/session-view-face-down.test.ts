// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../src/core/landmarks';
import { getExercise } from '../../src/core/protocol/protocol';
import { SESSION_PHASES, createSessionState, toSessionExercise, type SessionPlan } from '../../src/core/session';
import { openAtlasDb } from '../../src/store/open-atlas-db';
import { SessionRecorder } from '../../src/store/session-recorder';
import '../../src/ui/app/session-view';
import type { SessionView } from '../../src/ui/app/session-view';
import type { AtlasLiveView } from '../../src/ui/live/atlas-live-view';
import { createCoreFileRunner } from '../../scripts/analyze/core-runner';
import { syntheticFace, syntheticFrame } from '../../tools/synthetic/synthetic-subject';
import { useFreshIndexedDb } from '../unit/store/fake-db';
import { renderElement } from './render';

/**
 * Face down, the live session and `npm run analyze -- --camera-side S` count the same head-up
 * frames alike, each half on its own side: frames with no face (face down) and a face 25° from
 * facing the camera (an 80° turn at 1 m), a face on one frame only, one stopped-short turn (50°).
 */
const FRAME_MS = 1000 / 15;
const EXERCISE = getExercise('prone-ear-to-floor');
/** Two turns per side reach the target: "done" moves the camera to the right. */
const PLAN: SessionPlan = { mode: 'remission', exercises: [toSessionExercise(EXERCISE, 2)], restMs: 5000 };

function half(startMs: number): FrameObservation[] {
  const faceAt = (yaw: number | null): (number | null)[] => [yaw];
  const yaws = [
    ...Array<null>(20).fill(null),
    ...Array<number>(8).fill(25),
    ...Array<null>(10).fill(null),
    ...faceAt(25),
    ...Array<null>(10).fill(null),
    ...Array<number>(8).fill(50),
    ...Array<null>(10).fill(null),
    ...Array<number>(8).fill(-25),
    ...Array<null>(20).fill(null),
  ];
  return yaws.map((yaw, k) => syntheticFrame(startMs + k * FRAME_MS, yaw === null ? [] : [syntheticFace({ head: { yawDeg: yaw, pitchDeg: 0, rollDeg: 0 } })], []));
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('face down: the live session and analyze, one side at a time', () => {
  beforeEach(() => useFreshIndexedDb());
  afterEach(() => document.body.replaceChildren());

  it('turn the frames head-up toward the camera’s side and count the same turns on each side', async () => {
    const db = await openAtlasDb({ name: `face-down-${Math.random()}` });
    const recorder = SessionRecorder.forNewSession(db, createSessionState('face-down', PLAN));
    const view = await renderElement<SessionView>('atlas-session-view', { recorder });
    const liveView = view.shadowRoot?.querySelector<AtlasLiveView>('atlas-live-view');
    if (!liveView) throw new Error('no <atlas-live-view> in the session screen');
    const feed = async (frames: readonly FrameObservation[]): Promise<void> => {
      for (const observation of frames) {
        liveView.dispatchEvent(new CustomEvent('atlas-live-frame', { detail: { observation, angles: null, latencyMs: 0 } }));
        await settle();
      }
    };
    const ready = async (): Promise<void> => {
      view.shadowRoot?.querySelector('atlas-setup-screen')?.dispatchEvent(new CustomEvent('atlas-position-ready'));
      // The first "ready" also starts the session: two stored actions in turn.
      for (let i = 0; i < 10 && recorder.state.phase !== SESSION_PHASES.exercise; i++) await settle();
      await view.updateComplete;
    };

    // The first half's step: the camera at the left, its frames turned head-up that way.
    expect(liveView.headUpSide).toBe('left');
    await ready();
    expect(recorder.state.phase).toBe(SESSION_PHASES.exercise);
    const left = half(performance.now());
    await feed(left);
    view.shadowRoot?.querySelector('atlas-exercise-screen')?.dispatchEvent(new CustomEvent('atlas-done'));
    await view.updateComplete;
    expect(recorder.state).toMatchObject({ phase: SESSION_PHASES.calibration, cameraSide: 'right' });
    expect(liveView.headUpSide).toBe('right');
    await ready();
    const right = half(performance.now());
    await feed(right);
    const sides = recorder.state.results[0]?.sides ?? {};
    const live = { left: sides.left?.reps ?? 0, right: sides.right?.reps ?? 0 };

    const analyzed = (side: 'left' | 'right', frames: readonly FrameObservation[]): number => {
      const analyzer = createCoreFileRunner('video', EXERCISE, {}, side);
      for (const observation of frames) analyzer.frame(observation);
      return analyzer.finish()?.summary.bySide[side] ?? 0;
    };
    // Each half: the two full turns (one toward either yaw sign: |yaw| is what counts), not the single frame nor the 50° one.
    expect(live).toEqual({ left: 2, right: 2 });
    expect(live).toEqual({ left: analyzed('left', left), right: analyzed('right', right) });
    expect(recorder.state.personPresent).toBe(true);
  });
});
