import type { BodyHeadReader, HeadPoseOptions } from '../head-pose/estimate-head-pose';
import { CALIBRATION_STATES, NeutralCalibrator } from '../head-pose/neutral-calibrator';
import type { HeadAngles, HeadPoseEstimate } from '../head-pose/head-angles';
import type { FrameObservation } from '../landmarks';
import { FrameProcessor, type NeutralSetting } from '../pipeline/frame-to-sample';
import { CAMERA_SIDES, type CameraSide } from '../protocol/camera-side';
import { SIGNALS, type Direction, type ExerciseDefinition } from '../protocol/exercise-definition';
import { TowardCameraReader, towardCameraSample } from '../pipeline/toward-camera';
import type { ExerciseSample } from '../reps/exercise-sample';
import { qualityOptionsFor } from '../quality/exercise-quality-options';
import { gateSample } from '../quality/gate-sample';
import { DEFAULT_QUALITY_OPTIONS, type QualityOptions } from '../quality/quality-options';
import { QUALITY_STATUSES } from '../quality/quality-status';
import { INITIAL_QUALITY_STATE, updateQuality, type QualityState } from '../quality/track-quality';
import { createExerciseEngine, type EngineState, type ExerciseEngine } from '../reps/exercise-engine';
import type { ExerciseEvent } from '../reps/exercise-events';
import { sessionActionFromEngineEvent } from '../session/engine-event-actions';
import type { SessionAction } from '../session/session-actions';
import { CALIBRATION_MODES, CALIBRATION_PHASES, type CalibrationProgress } from './calibration-progress';
import { holdAfterEvent, holdAt, holdTargetMs, type HoldProgress } from './hold-progress';
import { personVerdict } from './people';
import type { TrackerEnd, TrackerFrame } from './tracker-frame';

export interface ExerciseTrackerOptions {
  /** Where the sample angles' zero comes from at the start (see NeutralSetting). */
  readonly neutral: NeutralSetting;
  /** How long the user holds still for the neutral, ms. */
  readonly calibrationHoldMs: number;
  /** Without a still hold, the automatic neutral is taken after this much tracking (its window is 1 s). */
  readonly autoNeutralWaitMs: number;
  /** The base quality options (an exercise adjusts them: qualityOptionsFor). */
  readonly quality: QualityOptions;
  /** How the head pose is read (default: the face and the learned body regression). */
  readonly headPose: HeadPoseOptions;
}

export const DEFAULT_TRACKER_OPTIONS: ExerciseTrackerOptions = {
  neutral: null,
  calibrationHoldMs: 2_000,
  autoNeutralWaitMs: 1_500,
  quality: DEFAULT_QUALITY_OPTIONS,
  headPose: {},
};

interface RunningExercise {
  readonly definition: ExerciseDefinition;
  readonly engine: ExerciseEngine;
  readonly quality: QualityOptions;
  readonly holdTargetMs: number;
  state: EngineState;
}

type Calibration =
  | { readonly mode: typeof CALIBRATION_MODES.hold; readonly calibrator: NeutralCalibrator }
  | { readonly mode: typeof CALIBRATION_MODES.auto; sinceMs: number | null };

const NO_EVENTS: readonly ExerciseEvent[] = [];
const NO_ACTIONS: readonly SessionAction[] = [];

/**
 * The one chain from frames to counted reps, used by the live session, the analyzer, the
 * benchmarks and the fuzz tests: frame → head pose → neutral (calibrated, automatic or none) →
 * smoothed sample → tracking quality → gated sample → exercise engine → session actions.
 * Frames come in with their capture time (`tMs`); each `step` returns the frame's whole state
 * (TrackerFrame). No clock is read: every time is a frame's.
 */
export class ExerciseTracker {
  private readonly options: ExerciseTrackerOptions;
  private readonly processor: FrameProcessor;
  private calibration: Calibration | null = null;
  private exercise: RunningExercise | null = null;
  private quality: QualityState = INITIAL_QUALITY_STATE;
  private hold: HoldProgress | null = null;
  private paused = false;
  private cameraSide: CameraSide = CAMERA_SIDES.left;
  /** Made for the first exercise read face down toward a floor camera (pipeline/toward-camera.ts). */
  private towardCamera: TowardCameraReader | null = null;

  constructor(options: Partial<ExerciseTrackerOptions> = {}) {
    this.options = { ...DEFAULT_TRACKER_OPTIONS, ...options };
    this.processor = new FrameProcessor({ neutral: this.options.neutral, headPose: this.options.headPose });
  }

  /** The exercise being counted, null between exercises. */
  get currentExercise(): ExerciseDefinition | null {
    return this.exercise?.definition ?? null;
  }

  /** The neutral in use (the automatic one once it has frames), null for raw head angles. */
  get neutral(): HeadAngles | null {
    return this.processor.neutral();
  }

  /** Starts a still hold: the neutral is the head pose held for `calibrationHoldMs`. */
  holdStillForNeutral(): void {
    this.processor.setNeutral(null);
    this.calibration = { mode: CALIBRATION_MODES.hold, calibrator: new NeutralCalibrator({ holdMs: this.options.calibrationHoldMs }) };
  }

  /** For people who cannot hold still: the neutral is the median of the next second of tracking. */
  takeNeutralAutomatically(): void {
    this.processor.setNeutral('auto');
    this.calibration = { mode: CALIBRATION_MODES.auto, sinceMs: null };
  }

  setNeutral(neutral: HeadAngles | null): void {
    this.calibration = null;
    this.processor.setNeutral(neutral);
  }

  /** A new engine for `definition` (with the user's best range per direction so far: degrees or %). */
  startExercise(definition: ExerciseDefinition, personalRange: Partial<Record<Direction, number>> = {}): void {
    const engine = createExerciseEngine(definition, { personalRange });
    this.exercise = { definition, engine, quality: qualityOptionsFor(definition, this.options.quality), holdTargetMs: holdTargetMs(definition), state: engine.initial };
    this.hold = null;
    this.towardCamera?.reset();
    // Not gated face down (step): a poor quality left from the position before would be shown all along.
    if (definition.signal === SIGNALS.faceTowardCamera) this.quality = INITIAL_QUALITY_STATE;
  }

  /**
   * Face down, which side of the person the floor camera is on (the session's half; analyze's
   * `--camera-side`): the side whose turns are counted. Default the left.
   */
  setCameraSide(side: CameraSide): void {
    this.cameraSide = side;
    this.towardCamera?.reset();
  }

  /** Drops the exercise without closing it (the session moved on: rest, summary). */
  leaveExercise(): void {
    this.exercise = null;
    this.hold = null;
  }

  /**
   * The body's head reader from now on (null: the options' or the default, MediaPipe's weights): the
   * live session learns its camera's backend only once the camera runs, and TF.js's body points
   * need their own weights (regression/tfjs-pose-head-regressor.ts).
   */
  setBodyReader(makeReader: (() => BodyHeadReader) | null): void {
    this.processor.setBodyReader(makeReader);
  }

  /** While paused by the user, frames still give samples but neither the quality nor the engine sees them. */
  setPaused(paused: boolean): void {
    this.paused = paused;
  }

  step(observation: FrameObservation): TrackerFrame {
    const { estimate, sample } = this.processor.process(observation);
    const calibration = this.calibrate(estimate, sample.present, observation.tMs);
    let events = NO_EVENTS;
    const exercise = this.exercise;
    if (exercise !== null && !this.paused) {
      const facing = exercise.definition.signal === SIGNALS.faceTowardCamera;
      // Face down no face is the normal start, not the person leaving: no quality gate, no absence.
      if (!facing) this.quality = updateQuality(this.quality, observation, estimate.head, exercise.quality).state;
      const gated = facing ? this.towardCameraSample(sample, observation) : gateSample(sample, this.quality.quality);
      const out = exercise.engine.step(exercise.state, gated);
      exercise.state = out.state;
      events = out.events;
      for (const event of events) this.hold = holdAfterEvent(this.hold, event, exercise.holdTargetMs);
    }
    this.hold = holdAt(this.hold, sample.tMs);
    const quality = this.quality.quality;
    return {
      tMs: observation.tMs,
      estimate,
      sample,
      people: personVerdict(observation),
      quality,
      qualityProblem: quality.status === QUALITY_STATUSES.poor ? quality.reason : null,
      neutral: this.processor.neutral(),
      calibration,
      hold: this.hold,
      events,
      actions: this.actionsOf(events, calibration, observation.tMs),
    };
  }

  /** Ends the exercise: a rep in progress is reported as incomplete. The engine's last accepted time ends it. */
  finish(): TrackerEnd {
    const exercise = this.exercise;
    if (exercise === null) return { events: NO_EVENTS, actions: NO_ACTIONS };
    const out = exercise.engine.finish(exercise.state, exercise.state.lastMs ?? 0);
    exercise.state = out.state;
    return { events: out.events, actions: this.actionsOf(out.events, null, exercise.state.lastMs ?? 0) };
  }

  /** The sample of an exercise read face down (towardCameraSample). */
  private towardCameraSample(sample: ExerciseSample, observation: FrameObservation): ExerciseSample {
    this.towardCamera ??= new TowardCameraReader(this.options.headPose);
    return towardCameraSample(sample, this.towardCamera.read(observation, this.cameraSide));
  }

  private calibrate(estimate: HeadPoseEstimate, present: boolean, tMs: number): CalibrationProgress | null {
    const calibration = this.calibration;
    if (calibration === null) return null;
    if (calibration.mode === CALIBRATION_MODES.hold) {
      const status = calibration.calibrator.add(estimate);
      const done = status.state === CALIBRATION_STATES.done && status.neutral !== null;
      if (done) this.setNeutral(status.neutral);
      const phase = done ? CALIBRATION_PHASES.done : status.state === CALIBRATION_STATES.moved ? CALIBRATION_PHASES.moved : CALIBRATION_PHASES.counting;
      return { mode: calibration.mode, phase, progress: status.progress, durationMs: this.options.calibrationHoldMs, neutral: done ? status.neutral : null, applyNeutral: true };
    }
    const waitMs = this.options.autoNeutralWaitMs;
    if (present) calibration.sinceMs ??= tMs;
    const elapsed = calibration.sinceMs === null ? 0 : tMs - calibration.sinceMs;
    const neutral = this.processor.neutral();
    const done = present && neutral !== null && elapsed >= waitMs;
    // The automatic neutral stays in place: the processor keeps using it.
    if (done) this.calibration = null;
    return {
      mode: calibration.mode,
      phase: done ? CALIBRATION_PHASES.done : CALIBRATION_PHASES.counting,
      progress: Math.min(1, Math.max(0, elapsed / waitMs)),
      durationMs: waitMs,
      neutral: done ? neutral : null,
      applyNeutral: false,
    };
  }

  private actionsOf(events: readonly ExerciseEvent[], calibration: CalibrationProgress | null, tMs: number): readonly SessionAction[] {
    const calibrated = calibration?.phase === CALIBRATION_PHASES.done && calibration.neutral !== null;
    if (events.length === 0 && !calibrated) return NO_ACTIONS;
    const actions: SessionAction[] = [];
    if (calibrated && calibration.neutral !== null) actions.push({ type: 'calibrated', tMs, neutral: calibration.neutral });
    for (const event of events) {
      const action = sessionActionFromEngineEvent(event);
      if (action !== null) actions.push(action);
    }
    return actions;
  }
}
