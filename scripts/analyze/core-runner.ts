import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { estimateHeadPose, regressionReader, type HeadPoseOptions } from '../../src/core/head-pose/estimate-head-pose';
import type { DenseNetworkJson } from '../../src/core/head-pose/regression/dense-network';
import { poseHeadRegressorMaker } from '../../src/core/head-pose/regression/pose-head-regressor';
import { tfjsBodyReader } from '../../src/core/head-pose/regression/tfjs-pose-head-regressor';
import type { FrameObservation } from '../../src/core/landmarks';
import { CAMERA_SIDES, type CameraSide } from '../../src/core/protocol/camera-side';
import type { ExerciseDefinition } from '../../src/core/protocol/exercise-definition';
import type { ExerciseEvent, FeedbackKind, RepEvent } from '../../src/core/reps/exercise-events';
import { feedbackPerRep } from '../../src/core/reps/feedback-per-rep';
import { summarizeEvents, type EventSummary } from '../../src/core/reps/summarize-events';
import { ExerciseTracker } from '../../src/core/tracking/exercise-tracker';

/** What the pure core says about one frame. */
export interface CoreFrameResult {
  readonly face: boolean;
  readonly pose: boolean;
  /** Fused head angles relative to the camera (convention: head-angles.ts); null when no head. */
  readonly angles: HeadAngles | null;
}

export interface CoreFileResult {
  readonly reps: readonly RepEvent[];
  /** Per rep (same order), the feedback the coach gave it ("good" left out). */
  readonly feedback: readonly (readonly FeedbackKind[])[];
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
function imageRunner(headPose: HeadPoseOptions): CoreFileRunner {
  return {
    frame: (observation) => ({ ...presence(observation), angles: estimateHeadPose(observation, headPose).head }),
    finish: () => null,
  };
}

/**
 * A video: the app's ExerciseTracker, as the live session runs it (tracking, the same quality
 * gate, smoothing, velocity, the exercise's engine), with the neutral taken automatically from
 * the clip's first second (a recording has no calibration). The printed angles are the tracked
 * camera-relative head angles (the estimate, not the neutral-relative sample), so that images and
 * videos print the same quantity.
 */
function videoRunner(exercise: ExerciseDefinition | null, headPose: HeadPoseOptions, cameraSide: CameraSide): CoreFileRunner {
  const tracker = new ExerciseTracker({ neutral: 'auto', headPose });
  tracker.setCameraSide(cameraSide);
  if (exercise) tracker.startExercise(exercise);
  const events: ExerciseEvent[] = [];
  return {
    frame(observation) {
      const frame = tracker.step(observation);
      if (frame.events.length > 0) events.push(...frame.events);
      return { ...presence(observation), angles: frame.estimate.head };
    },
    finish() {
      if (!exercise) return null;
      events.push(...tracker.finish().events);
      const reps = events.filter((event): event is RepEvent => event.type === 'rep');
      return { reps, feedback: feedbackPerRep(events), summary: summarizeEvents(events) };
    },
  };
}

/**
 * How the app reads the head from `backend`'s landmarks: TF.js's body points have their own network
 * weights. With `bodyWeights` (analyze's --head-weights) the body is read with those instead, on
 * either backend; the rest of the chain is the app's.
 */
export function headPoseFor(backend: 'mediapipe' | 'tfjs', bodyWeights: DenseNetworkJson | null = null): HeadPoseOptions {
  if (bodyWeights !== null) {
    const makeRegressor = poseHeadRegressorMaker(bodyWeights);
    return { body: () => regressionReader(makeRegressor()) };
  }
  return backend === 'tfjs' ? { body: tfjsBodyReader } : {};
}

/**
 * `cameraSide`: face down, the floor camera's side (ExerciseTracker.setCameraSide).
 * `headPose`: how the head is read (default: as the app reads MediaPipe's landmarks;
 * headPoseFor('tfjs') as it reads TF.js's; tests give synthetic bodies a reader they know).
 */
export function createCoreFileRunner(kind: 'image' | 'video', exercise: ExerciseDefinition | null, headPose: HeadPoseOptions = {}, cameraSide: CameraSide = CAMERA_SIDES.left): CoreFileRunner {
  return kind === 'image' ? imageRunner(headPose) : videoRunner(exercise, headPose, cameraSide);
}
