import { AngleSmoother, type AngleSmootherConfig } from '../filters/angle-smoother';
import { RelativeRotationScratch } from '../geometry/relative-rotation';
import type { BodyHeadReader, HeadPoseOptions } from '../head-pose/estimate-head-pose';
import { admitFrameTime } from '../frame-time';
import type { HeadAngles, HeadPoseEstimate } from '../head-pose/head-angles';
import { HeadPoseTracker } from '../head-pose/head-pose-tracker';
import { relativeToNeutral } from '../head-pose/relative-to-neutral';
import type { FrameObservation } from '../landmarks';
import type { ExerciseSample } from '../reps/exercise-sample';
import { AutoNeutral, DEFAULT_AUTO_NEUTRAL, type AutoNeutralOptions } from './auto-neutral';
import { withoutTrunkTurn } from './neck-angles';
import { DEFAULT_TRUNK_REFERENCE, TrunkReference, type TrunkReferenceOptions } from './trunk-reference';

/**
 * Where the zero of the sample angles comes from: a calibrated neutral (NeutralCalibrator),
 * 'auto' (recorded clips: median of the first ~1 s of confident frames, see AutoNeutral), or
 * null (raw camera-relative head angles).
 */
export type NeutralSetting = HeadAngles | 'auto' | null;

export interface FrameProcessorOptions {
  readonly neutral: NeutralSetting;
  readonly autoNeutral: AutoNeutralOptions;
  readonly headPose: HeadPoseOptions;
  readonly smoother: Partial<AngleSmootherConfig>;
  /** After this long without a usable head (ms), smoothing and tracking start afresh. */
  readonly resetAfterGapMs: number;
  /** The trunk's turn since neutral, taken off the head's so that the counters read the neck. */
  readonly trunk: TrunkReferenceOptions;
}

export const DEFAULT_FRAME_PROCESSOR_OPTIONS: FrameProcessorOptions = {
  neutral: 'auto',
  autoNeutral: DEFAULT_AUTO_NEUTRAL,
  headPose: {},
  smoother: {},
  resetAfterGapMs: 500,
  trunk: DEFAULT_TRUNK_REFERENCE,
};

export interface ProcessedFrame {
  readonly estimate: HeadPoseEstimate;
  readonly sample: ExerciseSample;
}

/**
 * The neck's angles without the tracker's smoothing: `neck` (from the smoothed head) moved axis by
 * axis by what the smoothing moved the head (its reading − its smoothed angles). Both went through
 * the same neutral and trunk rotations, which turn a difference of a few degrees by a fraction of it.
 */
function withoutSmoothing(neck: HeadAngles, estimate: HeadPoseEstimate): HeadAngles {
  const reading = estimate.unsmoothedHead, head = estimate.head;
  if (reading === undefined || reading === null || head === null || reading === head) return neck;
  return {
    yawDeg: neck.yawDeg + (reading.yawDeg - head.yawDeg),
    pitchDeg: neck.pitchDeg + (reading.pitchDeg - head.pitchDeg),
    rollDeg: neck.rollDeg + (reading.rollDeg - head.rollDeg),
  };
}

/**
 * Frame → head pose → angles relative to the neutral → smoothed angles and angular velocity:
 * the ExerciseSample the rep counters consume. A frame with no person or more than one is not
 * `present` (and does not disturb the tracking); frames must come in time order (others are
 * answered with a non-present sample and otherwise ignored).
 */
export class FrameProcessor {
  private readonly options: FrameProcessorOptions;
  private readonly tracker: HeadPoseTracker;
  private smoother: AngleSmoother;
  private neutralSetting: NeutralSetting;
  private autoNeutral: AutoNeutral;
  private readonly trunkReference: TrunkReference;
  private readonly rotationScratch = new RelativeRotationScratch();
  private previousNeck: HeadAngles | null = null;
  private previousRelative: HeadAngles | null = null;
  private lastTMs: number | null = null;
  private jumpTMs: number | null = null;
  private lastUsableTMs: number | null = null;

  constructor(options: Partial<FrameProcessorOptions> = {}) {
    this.options = { ...DEFAULT_FRAME_PROCESSOR_OPTIONS, ...options };
    this.tracker = new HeadPoseTracker(this.options.headPose);
    this.smoother = new AngleSmoother(this.options.smoother);
    this.neutralSetting = this.options.neutral;
    this.autoNeutral = new AutoNeutral(this.options.autoNeutral);
    this.trunkReference = new TrunkReference(this.options.trunk);
  }

  process(frame: FrameObservation): ProcessedFrame {
    const people = Math.max(frame.faces.length, frame.poses.length);
    // Non-finite and absurd times are refused: one would otherwise put every later frame "out of order".
    const time = admitFrameTime(this.lastTMs, this.jumpTMs, frame.tMs);
    this.jumpTMs = time.jumpTMs;
    if (people !== 1 || !time.accepted) {
      return { estimate: this.tracker.estimateAlone(frame), sample: this.absent(frame) };
    }
    this.lastTMs = frame.tMs;
    if (this.lastUsableTMs !== null && frame.tMs - this.lastUsableTMs > this.options.resetAfterGapMs) this.restartTracking();
    const estimate = this.tracker.update(frame);
    const neutral = this.currentNeutral(estimate);
    if (!estimate.head) return { estimate, sample: this.absent(frame) };
    this.lastUsableTMs = frame.tMs;
    const relative = neutral ? relativeToNeutral(estimate.head, neutral, this.previousRelative, this.rotationScratch) : estimate.head;
    this.previousRelative = relative;
    const trunkTurn = this.trunkReference.update(estimate.trunk, frame.tMs, relative);
    const neck = withoutTrunkTurn(relative, trunkTurn, this.previousNeck, this.rotationScratch);
    this.previousNeck = neck;
    const smoothed = this.smoother.apply(neck, frame.tMs);
    return {
      estimate,
      sample: {
        tMs: frame.tMs,
        present: smoothed !== null,
        angles: smoothed?.angles ?? null,
        unsmoothedAngles: smoothed === null ? null : withoutSmoothing(neck, estimate),
        velocity: smoothed?.velocity ?? null,
        confidence: estimate.confidence,
        pose: frame.poses[0]?.landmarks ?? null,
        imageAspect: frame.imageWidth / frame.imageHeight,
        trunkTurn,
      },
    };
  }

  /** The body's head reader from now on (HeadPoseEstimator.setBodyReader). */
  setBodyReader(makeReader: (() => BodyHeadReader) | null): void {
    this.tracker.setBodyReader(makeReader);
  }

  /** Sets the neutral (e.g. after a calibration); the following angles are relative to it. */
  setNeutral(neutral: NeutralSetting): void {
    this.neutralSetting = neutral;
    this.autoNeutral = new AutoNeutral(this.options.autoNeutral);
    this.previousRelative = null;
    this.previousNeck = null;
    this.trunkReference.reset();
    this.smoother.reset();
  }

  /** The neutral in use: the given one, the automatic one (provisional until its window is full), or null. */
  neutral(): HeadAngles | null {
    return this.neutralSetting === 'auto' ? this.autoNeutral.current() : this.neutralSetting;
  }

  reset(): void {
    this.restartTracking();
    this.autoNeutral = new AutoNeutral(this.options.autoNeutral);
    this.trunkReference.reset();
    this.lastTMs = null;
    this.jumpTMs = null;
  }

  private currentNeutral(estimate: HeadPoseEstimate): HeadAngles | null {
    if (this.neutralSetting !== 'auto') return this.neutralSetting;
    return this.autoNeutral.add(estimate.head, estimate.confidence, estimate.tMs);
  }

  private restartTracking(): void {
    this.tracker.reset();
    this.smoother.reset();
    this.previousRelative = null;
    this.previousNeck = null;
    this.lastUsableTMs = null;
  }

  private absent(frame: FrameObservation): ExerciseSample {
    return {
      tMs: frame.tMs,
      present: false,
      angles: null,
      velocity: null,
      confidence: 0,
      pose: frame.poses.length === 1 ? (frame.poses[0]?.landmarks ?? null) : null,
      imageAspect: frame.imageWidth / frame.imageHeight,
    };
  }
}
