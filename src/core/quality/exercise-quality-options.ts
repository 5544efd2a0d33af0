import { headStepsMeaningful } from '../head-pose/head-step';
import { SIGNALS, type ExerciseDefinition, type TrackedSignal } from '../protocol/exercise-definition';
import { DEFAULT_QUALITY_OPTIONS, type QualityOptions } from './quality-options';

/** Exercises done with a hand on the head or neck: a face hidden by the hand is part of them. */
const HAND_ON_HEAD_SIGNALS: ReadonlySet<TrackedSignal> = new Set([
  SIGNALS.handOnForehead,
  SIGNALS.handOnTemple,
  SIGNALS.bothHandsOnForehead,
  SIGNALS.handsBehindHead,
  SIGNALS.handsAtNeck,
]);

/**
 * The quality options for an exercise: hand-on-head exercises expect the face to be hidden; where
 * the camera sees the head from an angle its estimate does not cover, its angles are not compared.
 */
export function qualityOptionsFor(exercise: ExerciseDefinition, base: QualityOptions = DEFAULT_QUALITY_OPTIONS): QualityOptions {
  const handOnHead = HAND_ON_HEAD_SIGNALS.has(exercise.signal);
  const headSteps = headStepsMeaningful(exercise.view);
  if (!handOnHead && headSteps) return base;
  return { ...base, handAtFaceExpected: base.handAtFaceExpected || handOnHead, headAnglesCompared: base.headAnglesCompared && headSteps };
}
