import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { estimateHeadPose } from '../../src/core/head-pose/estimate-head-pose';
import type { FrameObservation } from '../../src/core/landmarks';
import { FrameProcessor } from '../../src/core/pipeline/frame-to-sample';
import type { ExerciseDefinition } from '../../src/core/protocol/exercise-definition';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from '../../src/core/reps/exercise-engine';
import type { ExerciseEvent, RepEvent } from '../../src/core/reps/exercise-events';
import { summarizeEvents, type EventSummary } from '../../src/core/reps/summarize-events';

/** What the pure core says about one frame. */
export interface CoreFrameResult {
  readonly face: boolean;
  readonly pose: boolean;
  /** Fused head angles relative to the camera (convention: head-angles.ts); null when no head. */
  readonly angles: HeadAngles | null;
}

export interface CoreFileResult {
  readonly reps: readonly RepEvent[];
  readonly summary: EventSummary;
}

/** The pure core for one file, fed frame by frame in presentation order (runs in Node, no browser). */
export interface CoreFileRunner {
  frame(observation: FrameObservation): CoreFrameResult;
  /** End of the file: a rep in progress is reported as incomplete. Null without an exercise. */
  finish(): CoreFileResult | null;
}

function presence(observation: FrameObservation): Pick<CoreFrameResult, 'face' | 'pose'> {
  return { face: observation.faces.length > 0, pose: observation.poses.length > 0 };
}

/** A single image: the single-frame estimator; nothing to count. */
function imageRunner(): CoreFileRunner {
  return {
    frame: (observation) => ({ ...presence(observation), angles: estimateHeadPose(observation).head }),
    finish: () => null,
  };
}

/**
 * A video: the app's FrameProcessor (tracking, neutral taken automatically from the clip's first
 * second, smoothing, velocity) and, with an exercise, its engine over the resulting samples.
 * The printed angles are the tracked camera-relative head angles (the estimate, not the
 * neutral-relative sample), so that images and videos print the same quantity.
 */
function videoRunner(exercise: ExerciseDefinition | null): CoreFileRunner {
  const processor = new FrameProcessor({ neutral: 'auto' });
  const engine: ExerciseEngine | null = exercise ? createExerciseEngine(exercise) : null;
  let state: EngineState | null = engine?.initial ?? null;
  const events: ExerciseEvent[] = [];
  let lastTMs = 0;
  return {
    frame(observation) {
      const processed = processor.process(observation);
      lastTMs = observation.tMs;
      if (engine && state) {
        const step = engine.step(state, processed.sample);
        state = step.state;
        events.push(...step.events);
      }
      return { ...presence(observation), angles: processed.estimate.head };
    },
    finish() {
      if (!engine || !state) return null;
      events.push(...engine.finish(state, lastTMs).events);
      const reps = events.filter((event): event is RepEvent => event.type === 'rep');
      return { reps, summary: summarizeEvents(events) };
    },
  };
}

export function createCoreFileRunner(kind: 'image' | 'video', exercise: ExerciseDefinition | null): CoreFileRunner {
  return kind === 'image' ? imageRunner() : videoRunner(exercise);
}
