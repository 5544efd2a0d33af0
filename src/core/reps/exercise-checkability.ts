import type { ExerciseDefinition, TrackedSignal } from '../protocol/exercise-definition';

/**
 * What a landmark backend gives the exercises. `head-angles`: a face mesh (the head-pose fit);
 * `body-points`: shoulders, elbows, wrists, hips, ears and nose of the body model; `body-face-points`:
 * the body model's eyes and mouth corners (the head's size and the forehead, temple and neck
 * placements); `body-depth`: the body points' z (no exercise reads it now).
 */
export const TRACKING_CAPABILITIES = ['head-angles', 'body-points', 'body-face-points', 'body-depth'] as const;
export type TrackingCapability = (typeof TRACKING_CAPABILITIES)[number];

/** Per signal, what its reader uses (exercise-signals.ts, body-signals.ts, placements.ts). */
const SIGNAL_NEEDS: Readonly<Record<TrackedSignal, readonly TrackingCapability[]>> = {
  yaw: ['head-angles'],
  pitch: ['head-angles'],
  roll: ['head-angles'],
  'head-path': ['head-angles'],
  'elbow-path': ['body-points'],
  'elbow-flexion': ['body-points'],
  shrug: ['body-points'],
  'shoulder-depth': ['body-points'],
  'torso-rise': ['body-points'],
  'neck-rise': ['body-points'],
  'hand-on-forehead': ['body-points', 'body-face-points'],
  'hand-on-temple': ['body-points', 'body-face-points'],
  'both-hands-on-forehead': ['body-points', 'body-face-points'],
  'hands-behind-head': ['body-points'],
  'hands-at-neck': ['body-points', 'body-face-points'],
  'supine-hands-placed': ['body-points'],
  'face-toward-camera': ['head-angles'],
};

export function signalNeeds(signal: TrackedSignal): readonly TrackingCapability[] {
  return SIGNAL_NEEDS[signal];
}

/**
 * What the person can do about an exercise the running backend cannot check: switch to a backend
 * that can (when one is known to), or do it guided (instructions and timer, nothing counted).
 */
export type CheckAdvice = 'switch-backend' | 'guided';

export type ExerciseCheckability =
  | { readonly ok: true }
  | { readonly ok: false; readonly missing: readonly TrackingCapability[]; readonly advice: CheckAdvice };

/**
 * Whether the running backend gives every signal `exercise` reads. `alternative`: what another
 * backend this device can run would give (null when there is none), for the advice.
 */
export function exerciseCheckability(
  exercise: ExerciseDefinition,
  running: ReadonlySet<TrackingCapability>,
  alternative: ReadonlySet<TrackingCapability> | null = null,
): ExerciseCheckability {
  const needs = signalNeeds(exercise.signal);
  const missing = needs.filter((need) => !running.has(need));
  if (missing.length === 0) return { ok: true };
  const alternativeCovers = alternative !== null && needs.every((need) => alternative.has(need));
  return { ok: false, missing, advice: alternativeCovers ? 'switch-backend' : 'guided' };
}
