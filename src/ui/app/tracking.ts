import { HeadPoseTracker } from '../../core/head-pose/head-pose-tracker';
import type { HeadAngles, HeadPoseEstimate } from '../../core/head-pose/head-angles';
import { relativeToNeutral } from '../../core/head-pose/relative-to-neutral';
import type { FrameObservation } from '../../core/landmarks';
import type { ExerciseDefinition } from '../../core/protocol/exercise-definition';
import type { ExerciseEvent } from '../../core/reps/exercise-events';
import type { ExerciseSample } from '../../core/reps/exercise-sample';

/**
 * The one place where the app meets the head-pose and rep-counting modules: frames become
 * samples, samples become engine events. Everything else in the UI depends on these two small
 * interfaces only.
 */
export interface TrackedFrame {
  readonly estimate: HeadPoseEstimate;
  readonly sample: ExerciseSample;
}

export interface Tracking {
  process(observation: FrameObservation): TrackedFrame;
  /** Angles in samples are relative to this neutral from now on (null: raw head angles). */
  setNeutral(neutral: HeadAngles | null): void;
}

/** A running exercise engine (the pure engine plus its current state). */
export interface RunningEngine {
  step(sample: ExerciseSample): readonly ExerciseEvent[];
}

class HeadTracking implements Tracking {
  private readonly tracker = new HeadPoseTracker();
  private neutral: HeadAngles | null = null;
  private previous: { readonly tMs: number; readonly angles: HeadAngles } | null = null;

  process(observation: FrameObservation): TrackedFrame {
    const estimate = this.tracker.update(observation);
    const people = Math.max(observation.poses.length, observation.faces.length);
    const angles =
      estimate.head === null ? null : this.neutral === null ? estimate.head : relativeToNeutral(estimate.head, this.neutral, this.previous?.angles ?? null);
    const previous = this.previous;
    const dtS = previous === null ? 0 : (observation.tMs - previous.tMs) / 1000;
    const velocity =
      angles === null || previous === null || dtS <= 0
        ? null
        : {
            yawDeg: (angles.yawDeg - previous.angles.yawDeg) / dtS,
            pitchDeg: (angles.pitchDeg - previous.angles.pitchDeg) / dtS,
            rollDeg: (angles.rollDeg - previous.angles.rollDeg) / dtS,
          };
    this.previous = angles === null ? null : { tMs: observation.tMs, angles };
    const sample: ExerciseSample = {
      tMs: observation.tMs,
      present: people === 1 && angles !== null,
      angles,
      velocity,
      confidence: estimate.confidence,
      pose: observation.poses[0]?.landmarks ?? null,
      face: observation.faces[0]?.landmarks ?? null,
    };
    return { estimate, sample };
  }

  setNeutral(neutral: HeadAngles | null): void {
    this.neutral = neutral;
    this.previous = null;
  }
}

export function createTracking(): Tracking {
  return new HeadTracking();
}

/** The engine for an exercise, or null when none is available for it (the UI then shows a timer). */
export function createEngine(exercise: ExerciseDefinition): RunningEngine | null {
  void exercise;
  return null;
}
