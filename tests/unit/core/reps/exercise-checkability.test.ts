import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../src/core/landmarks';
import { POSE } from '../../../../src/core/pose-indices';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import { TRACKING_CAPABILITIES, exerciseCheckability, type TrackingCapability } from '../../../../src/core/reps/exercise-checkability';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { exerciseScript } from '../../../support/traces/exercise-scripts';
import { render } from '../../../support/traces/synthetic-traces';

const ALL = new Set<TrackingCapability>(TRACKING_CAPABILITIES);
/** What TF.js gave with MoveNet: a face mesh and 17 COCO body points, no mouth corners, no depth. */
const MOVENET_LIKE = new Set<TrackingCapability>(['head-angles', 'body-points']);
/** What cannot count on TF.js with MoveNet (no exercise reads depth: shoulders forward-back read the shoulder–ear gap). */
const NOT_ON_MOVENET = ['palm-forehead-press', 'palm-temple-press', 'double-palm-forehead-press', 'neck-self-massage'];

const without = (capability: TrackingCapability): Set<TrackingCapability> => new Set(TRACKING_CAPABILITIES.filter((c) => c !== capability));

const BODY_FACE_POINTS: readonly number[] = [POSE.leftEyeInner, POSE.leftEye, POSE.leftEyeOuter, POSE.rightEyeInner, POSE.rightEye, POSE.rightEyeOuter, POSE.mouthLeft, POSE.mouthRight];

/** The samples as a backend lacking `capability` would give them. */
function strip(samples: readonly ExerciseSample[], capability: TrackingCapability): ExerciseSample[] {
  const pose = (p: readonly Landmark[] | null, map: (l: Landmark, i: number) => Landmark): Landmark[] | null => (p === null ? null : p.map(map));
  switch (capability) {
    case 'head-angles':
      // No face mesh: face down the face is never found, its turn toward the camera reads 0.
      return samples.map((s) => ({ ...s, angles: null, velocity: null, ...(s.towardCameraDeg === undefined ? {} : { towardCameraDeg: 0 }) }));
    case 'body-points':
      return samples.map((s) => ({ ...s, pose: null }));
    case 'body-face-points':
      return samples.map((s) => ({ ...s, pose: pose(s.pose, (l, i) => (BODY_FACE_POINTS.includes(i) ? { ...l, visibility: 0 } : l)) }));
    case 'body-depth':
      return samples.map((s) => ({ ...s, pose: pose(s.pose, (l) => ({ ...l, z: 0 })) }));
  }
}

const REPS = 3;
const ids = PROTOCOL.exercises.map((e) => e.id);

describe('which exercises a backend can check', () => {
  it('covers all 22 exercises, and a backend with every capability (MediaPipe, TF.js with BlazePose) checks them all', () => {
    expect(PROTOCOL.exercises).toHaveLength(22);
    for (const exercise of PROTOCOL.exercises) expect(exerciseCheckability(exercise, ALL), exercise.id).toEqual({ ok: true });
  });

  it('without mouth corners and depth (MoveNet) exactly the three palm presses and self-massage cannot be checked, and switching backend is the advice', () => {
    const cannot = PROTOCOL.exercises.filter((e) => !exerciseCheckability(e, MOVENET_LIKE, ALL).ok).map((e) => e.id);
    expect(cannot.sort()).toEqual([...NOT_ON_MOVENET].sort());
    for (const exercise of PROTOCOL.exercises.filter((e) => NOT_ON_MOVENET.includes(e.id))) {
      const check = exerciseCheckability(exercise, MOVENET_LIKE, ALL);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.advice).toBe('switch-backend');
    }
  });

  it('a backend that lost its body model checks the head exercises only; with no better backend the advice is to do it guided', () => {
    const headOnly = new Set<TrackingCapability>(['head-angles']);
    for (const exercise of PROTOCOL.exercises) {
      const check = exerciseCheckability(exercise, headOnly, null);
      const headSignal = ['yaw', 'pitch', 'roll', 'head-path', 'face-toward-camera'].includes(exercise.signal);
      expect(check.ok, exercise.id).toBe(headSignal);
      if (!check.ok) {
        expect(check.advice).toBe('guided');
        expect(check.missing).toContain('body-points');
      }
    }
  });

  // The table behind exerciseCheckability against the counters themselves: each exercise's
  // synthetic trace, with one capability taken away, still counts exactly when the exercise does
  // not need it and no longer does when it does.
  for (const capability of TRACKING_CAPABILITIES) {
    it.each(ids)(`without ${capability}: %s counts exactly if and only if it is checkable`, (id) => {
      const exercise = PROTOCOL.exercises.find((e) => e.id === id)!;
      const script = exerciseScript(id, REPS);
      const summary = summarizeEvents(runEngine(createEngineForExercise(id), strip(render(script.segments), capability)).events);
      const exact = JSON.stringify(summary.bySide) === JSON.stringify(script.expected) && (script.timedComplete === undefined || summary.timedComplete === script.timedComplete);
      expect(exact).toBe(exerciseCheckability(exercise, without(capability)).ok);
    });
  }
});
