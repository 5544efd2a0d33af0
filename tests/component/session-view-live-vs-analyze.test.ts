// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaceObservation, FrameObservation, PoseObservation } from '../../src/core/landmarks';
import { getExercise } from '../../src/core/protocol/protocol';
import { SESSION_PHASES, createSessionState, toSessionExercise, type SessionPlan } from '../../src/core/session';
import { openAtlasDb } from '../../src/store/open-atlas-db';
import { SessionRecorder } from '../../src/store/session-recorder';
import '../../src/ui/app/session-view';
import type { SessionView } from '../../src/ui/app/session-view';
import { createCoreFileRunner } from '../../scripts/analyze/core-runner';
import { syntheticBody, syntheticFace, syntheticFrame } from '../../tools/synthetic/synthetic-subject';
import { syntheticBodyReader } from '../../tools/synthetic/synthetic-body-reader';

/** The synthetic subjects' bodies read by a rigid fit (the learned regression is tested on real and rendered landmarks). */
const SYNTHETIC = { body: syntheticBodyReader };
import { useFreshIndexedDb } from '../unit/store/fake-db';
import { renderElement } from './render';
import { packPoints, unpackPoints } from '../../src/core/packed-points';

/**
 * The live session and `npm run analyze` count the same frames alike: one stream of frames (2 s
 * still, then three head turns each way, with a tracking fault in the second) goes to the session screen as camera frames
 * (`atlas-live-frame`, the user skipping the still hold) and to the analyzer's core runner.
 */
const FRAME_MS = 1000 / 30;
const EXERCISE = getExercise('head-turns');
/** Frames (after the still start) during which the landmarks leap sideways, and by how much (normalised x). */
const FAULT_FRAMES = [100, 103] as const;
const FAULT_SHIFT = 0.3;

function shiftedFace(face: FaceObservation, dx: number): FaceObservation {
  return dx === 0 ? face : { ...face, points: packPoints(unpackPoints(face.points).map((point) => ({ ...point, x: point.x + dx }))) };
}

function shiftedPose(pose: PoseObservation, dx: number): PoseObservation {
  return dx === 0 ? pose : { ...pose, landmarks: pose.landmarks.map((point) => ({ ...point, x: point.x + dx })) };
}
const PLAN: SessionPlan = { mode: 'remission', exercises: [toSessionExercise(EXERCISE)], restMs: 5000 };

function headTurnFrames(startMs: number): FrameObservation[] {
  const still = 60;
  const frames: FrameObservation[] = [];
  for (let k = 0; k < still + 3 * 90 + 30; k++) {
    const phase = k - still;
    const yawDeg = phase < 0 || phase >= 3 * 90 ? 0 : 50 * Math.sin((2 * Math.PI * phase) / 90);
    const pose = { head: { yawDeg, pitchDeg: 0, rollDeg: 0 } };
    // A tracking fault in the middle of the second turn: every landmark leaps sideways for a few frames.
    const dx = phase >= FAULT_FRAMES[0] && phase < FAULT_FRAMES[1] ? FAULT_SHIFT : 0;
    frames.push(syntheticFrame(startMs + k * FRAME_MS, [shiftedFace(syntheticFace(pose), dx)], [shiftedPose(syntheticBody(pose), dx)]));
  }
  return frames;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('live session and analyze on the same frames', () => {
  beforeEach(() => useFreshIndexedDb());
  afterEach(() => document.body.replaceChildren());

  it('count the same reps on each side', async () => {
    const db = await openAtlasDb({ name: `live-vs-analyze-${Math.random()}` });
    const recorder = SessionRecorder.forNewSession(db, createSessionState('live-vs-analyze', PLAN));
    const view = await renderElement<SessionView>('atlas-session-view', { recorder, headPose: SYNTHETIC });
    const frames = headTurnFrames(performance.now());

    view.shadowRoot?.querySelector('atlas-setup-screen')?.dispatchEvent(new CustomEvent('atlas-skip-calibration'));
    const liveView = view.shadowRoot?.querySelector('atlas-live-view');
    if (!liveView) throw new Error('no <atlas-live-view> in the session screen');
    for (const observation of frames) {
      liveView.dispatchEvent(new CustomEvent('atlas-live-frame', { detail: { observation, angles: null, latencyMs: 0 } }));
      await settle();
    }
    expect(recorder.state.phase).toBe(SESSION_PHASES.exercise);
    const sides = recorder.state.results[0]?.sides ?? {};
    const live = { left: sides.left?.reps ?? 0, right: sides.right?.reps ?? 0 };

    const analyzer = createCoreFileRunner('video', EXERCISE, SYNTHETIC);
    for (const observation of frames) analyzer.frame(observation);
    const analyzed = analyzer.finish();

    // The fault costs the turn it interrupts on both paths (the quality gate; without it the
    // analyzer counted through the fault: all six turns).
    expect(live.left + live.right).toBe(5);
    expect(live).toEqual({ left: analyzed?.summary.bySide.left ?? 0, right: analyzed?.summary.bySide.right ?? 0 });
  });
});
