import { COUNTING_KINDS, type ExerciseDefinition, type TrackedSignal } from '../../../src/core/protocol/exercise-definition';
import type { ArmPose } from './arm-pose';
import { CHANNEL_KEY } from './body-timeline';
import type { GroundTruth, GroundTruthFrame } from './ground-truth';

/**
 * A timed exercise's timer runs while its placement is right; on a clip that is the arm pose that
 * places the hands where the exercise asks (keyed by the exercise's signal, src/core/reps/placements.ts).
 */
const PLACEMENT_ARMS: Readonly<Partial<Record<TrackedSignal, ArmPose>>> = {
  'hands-at-neck': 'hands-at-neck',
  'supine-hands-placed': 'hands-on-torso',
};

/** The arm pose that is a timed exercise's placement; null for a counted exercise (or a signal without one here). */
export function timedPlacement(exercise: Pick<ExerciseDefinition, 'counting' | 'signal'>): ArmPose | null {
  return exercise.counting === COUNTING_KINDS.timed ? (PLACEMENT_ARMS[exercise.signal] ?? null) : null;
}

/** How long the frames show `arms`, ms: each such frame lasts until the next frame. */
export function placedMs(truth: Pick<GroundTruth, 'frames'>, arms: ArmPose): number {
  let total = 0;
  truth.frames.forEach((frame, i) => {
    const next = truth.frames[i + 1];
    if (next !== undefined && frame.arms === arms) total += next.tMs - frame.tMs;
  });
  return total;
}

function bodyMoved(first: GroundTruthFrame, frame: GroundTruthFrame): boolean {
  if (frame.arms !== first.arms) return true;
  if (first.body === null || frame.body === null) return false;
  const a = first.body;
  const b = frame.body;
  return Object.values(CHANNEL_KEY).some((key) => a[key] !== b[key]);
}

/** Whether the body does anything at all in the clip (arms change pose, or a body channel moves). */
export function bodyMoves(truth: Pick<GroundTruth, 'frames'>): boolean {
  const first = truth.frames[0];
  return first !== undefined && truth.frames.some((frame) => bodyMoved(first, frame));
}

/**
 * A timer's active time against the truth's placed time: right within `toleranceMs` either way
 * (the timer forgives a misplacement shorter than its grace, so it does not resolve time finer).
 */
export function activeTimeIsExact(expectedMs: number, activeMs: number | null, toleranceMs: number): boolean {
  return activeMs !== null && Math.abs(activeMs - expectedMs) <= toleranceMs;
}
