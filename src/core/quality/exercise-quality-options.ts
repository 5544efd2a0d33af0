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

/** The quality options for an exercise (hand-on-head exercises expect the face to be hidden). */
export function qualityOptionsFor(exercise: ExerciseDefinition, base: QualityOptions = DEFAULT_QUALITY_OPTIONS): QualityOptions {
  return HAND_ON_HEAD_SIGNALS.has(exercise.signal) ? { ...base, handAtFaceExpected: true } : base;
}
