import type { HeadAngles, HeadPoseEstimate } from '../../core/head-pose/head-angles';
import type { FrameObservation } from '../../core/landmarks';
import { FrameProcessor } from '../../core/pipeline/frame-to-sample';
import type { Direction, ExerciseDefinition } from '../../core/protocol/exercise-definition';
import type { ExerciseEvent } from '../../core/reps/exercise-events';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from '../../core/reps/exercise-engine';
import type { ExerciseSample } from '../../core/reps/exercise-sample';

/**
 * The one place where the app meets the head-pose and rep-counting modules: frames become
 * samples (FrameProcessor), samples become engine events (the pure engine plus its state).
 */
export interface TrackedFrame {
  readonly estimate: HeadPoseEstimate;
  readonly sample: ExerciseSample;
}

export interface Tracking {
  process(observation: FrameObservation): TrackedFrame;
  /** Angles in samples are relative to this neutral from now on (null: raw head angles). */
  setNeutral(neutral: HeadAngles | null): void;
  /** For people who cannot hold still: the neutral becomes the median of the next second of frames. */
  useAutoNeutral(): void;
  /** The neutral in use (the automatic one once it has frames), null for raw angles. */
  currentNeutral(): HeadAngles | null;
}

/** A running exercise engine (the pure engine and its current state). */
export interface RunningEngine {
  step(sample: ExerciseSample): readonly ExerciseEvent[];
  /** Ends the exercise: a rep in progress is reported as incomplete. */
  finish(tMs: number): readonly ExerciseEvent[];
}

export function createTracking(): Tracking {
  // Live sessions always calibrate first; until then the angles are the raw head angles.
  const processor = new FrameProcessor({ neutral: null });
  return {
    process: (observation) => processor.process(observation),
    setNeutral: (neutral) => processor.setNeutral(neutral),
    useAutoNeutral: () => processor.setNeutral('auto'),
    currentNeutral: () => processor.neutral(),
  };
}

class EngineRunner implements RunningEngine {
  private state: EngineState;

  constructor(private readonly engine: ExerciseEngine) {
    this.state = engine.initial;
  }

  step(sample: ExerciseSample): readonly ExerciseEvent[] {
    const out = this.engine.step(this.state, sample);
    this.state = out.state;
    return out.events;
  }

  finish(tMs: number): readonly ExerciseEvent[] {
    const out = this.engine.finish(this.state, tMs);
    this.state = out.state;
    return out.events;
  }
}

/** The engine for an exercise, with the user's best range per direction so far (degrees or %). */
export function createEngine(exercise: ExerciseDefinition, personalRange: Partial<Record<Direction, number>> = {}): RunningEngine {
  return new EngineRunner(createExerciseEngine(exercise, { personalRange }));
}
