import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../src/core/protocol/protocol';
import { backendCapabilities, exerciseCheckOn } from '../../../src/vision/backend-capabilities';

/** Signals read from the face mesh alone (face down: the face's turn toward the floor camera). */
const HEAD_SIGNALS = ['yaw', 'pitch', 'roll', 'head-path', 'face-toward-camera'];

describe('backend capabilities', () => {
  it('both backends with both landmarkers check all 22 exercises (TF.js runs BlazePose: mouth corners and depth)', () => {
    for (const backend of ['mediapipe', 'tfjs'] as const) {
      expect([...backendCapabilities(backend, ['pose', 'face'])].sort()).toEqual(['body-depth', 'body-face-points', 'body-points', 'head-angles']);
      for (const exercise of PROTOCOL.exercises) expect(exerciseCheckOn(exercise, backend, ['pose', 'face']), `${backend} ${exercise.id}`).toEqual({ ok: true });
    }
  });

  it('a backend whose body model did not start checks only the head exercises, and points to the other backend', () => {
    for (const exercise of PROTOCOL.exercises) {
      const check = exerciseCheckOn(exercise, 'tfjs', ['face']);
      expect(check.ok, exercise.id).toBe(HEAD_SIGNALS.includes(exercise.signal));
      if (!check.ok) expect(check.advice).toBe('switch-backend');
    }
  });
});
