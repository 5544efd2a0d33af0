import { SIGNALS, type ExerciseDefinition, type TrackedSignal } from '../protocol/exercise-definition';
import { FEEDBACK_KINDS } from './exercise-events';
import { DEFAULT_IMAGE_ASPECT } from './body-geometry';
import { elbowFlexionDeg, neckRiseDeg, shoulderCirclePath, shoulderEarRatio, shoulderForwardPercent, shrugPercent, torsoRiseDeg } from './body-signals';
import type { ExerciseSample } from './exercise-sample';
import type { HeadAngles } from '../head-pose/head-angles';
import type { PathPoint } from './loop-counter';
import { armsOutLevel, bothHandsOnForehead, handOnForehead, handOnTemple, handOverHead, handsAtNeck, handsBehindHead, supineHandsPlaced, type Placement } from './placements';

/**
 * How each tracked signal is read from a sample. `raw` is what the settle period averages into
 * a baseline; `relative` turns a raw reading into the counted value given that baseline.
 * Head angles are already relative to the calibrated neutral (baseline unused: 0).
 */
export interface ScalarSignal {
  readonly shape: 'scalar';
  raw(sample: ExerciseSample): number | null;
  /** `raw` before any causal smoothing, when the sample has it (head angles: `unsmoothedAngles`). */
  unsmoothed?(sample: ExerciseSample): number | null;
  relative(raw: number, baseline: number): number;
  /** True when the value needs the settle baseline (body signals); head angles do not. */
  readonly usesBaseline: boolean;
}

export interface PathSignal {
  readonly shape: 'path';
  raw(sample: ExerciseSample): PathPoint | null;
  /** `raw` before any causal smoothing, when the sample has it (the head's path: `unsmoothedAngles`). */
  unsmoothed?(sample: ExerciseSample): PathPoint | null;
  /** Read from the body landmarks (its rest position settles like a body scalar's baseline). */
  readonly fromBody: boolean;
}

/** Whether a signal is read from the body against a learned rest position (engine-options.ts: its settle). */
export function readsBodyBaseline(reader: SignalReader): boolean {
  return reader.shape === 'scalar' ? reader.usesBaseline : reader.shape === 'path' && reader.fromBody;
}

export interface PlacementSignal {
  readonly shape: 'placement';
  placement(sample: ExerciseSample): Placement;
}

export type SignalReader = ScalarSignal | PathSignal | PlacementSignal;

function aspectOf(sample: ExerciseSample): number {
  const a = sample.imageAspect;
  return a !== undefined && Number.isFinite(a) && a > 0 ? a : DEFAULT_IMAGE_ASPECT;
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

function headPathPoint(angles: HeadAngles | null | undefined): PathPoint | null {
  const yaw = finiteOrNull(angles?.yawDeg);
  const pitch = finiteOrNull(angles?.pitchDeg);
  return yaw === null || pitch === null ? null : { x: -yaw, y: pitch };
}

function headAngle(pick: 'yawDeg' | 'pitchDeg' | 'rollDeg'): ScalarSignal {
  return {
    shape: 'scalar',
    raw: (s) => finiteOrNull(s.angles?.[pick]),
    unsmoothed: (s) => finiteOrNull((s.unsmoothedAngles ?? s.angles)?.[pick]),
    relative: (raw) => raw,
    usesBaseline: false,
  };
}

function bodyScalar(measure: (sample: ExerciseSample, aspect: number) => number | null, relative: (raw: number, baseline: number) => number = (r, b) => r - b): ScalarSignal {
  return {
    shape: 'scalar',
    raw: (s) => (s.pose === null ? null : finiteOrNull(measure(s, aspectOf(s)))),
    relative,
    usesBaseline: true,
  };
}

function placed(check: (sample: ExerciseSample, aspect: number) => Placement): PlacementSignal {
  return {
    shape: 'placement',
    placement: (s) => (s.pose === null ? { ok: false, reason: 'lost-signal', side: 'none' } : check(s, aspectOf(s))),
  };
}

/**
 * Elbow flexion is counted from the settled reading of the straight arms (the exercise starts with
 * the arms spread wide), up to this much: a straight arm reads 0–5° on MediaPipe's landmarks and
 * 17–22° on TF.js's (its elbow point sits off the joint; rendered scan), which kept the TF.js
 * arm from ever coming back to rest. A settled reading beyond it is a bent arm, not a straight one.
 */
const STRAIGHT_ARM_MAX_DEG = 30;

const READERS: Readonly<Record<TrackedSignal, SignalReader>> = {
  yaw: headAngle('yawDeg'),
  pitch: headAngle('pitchDeg'),
  roll: headAngle('rollDeg'),
  'head-path': {
    shape: 'path',
    fromBody: false,
    // x = toward the subject's right (-yaw), y = up (+pitch): drawn as the subject sees it.
    raw: (s) => headPathPoint(s.angles),
    unsmoothed: (s) => headPathPoint(s.unsmoothedAngles ?? s.angles),
  },
  'elbow-path': {
    shape: 'path',
    fromBody: true,
    raw: (s) => {
      const p = s.pose === null ? null : shoulderCirclePath(s.pose, aspectOf(s));
      return p !== null && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;
    },
  },
  'elbow-flexion': bodyScalar((s, a) => (s.pose === null ? null : elbowFlexionDeg(s.pose, a)), (raw, baseline) => raw - Math.min(Math.max(baseline, 0), STRAIGHT_ARM_MAX_DEG)),
  shrug: bodyScalar((s, a) => (s.pose === null ? null : shoulderEarRatio(s.pose, a)), (raw, baseline) => shrugPercent(raw, baseline)),
  'shoulder-depth': bodyScalar((s, a) => (s.pose === null ? null : shoulderEarRatio(s.pose, a)), shoulderForwardPercent),
  'torso-rise': bodyScalar((s, a) => (s.pose === null ? null : torsoRiseDeg(s.pose, a))),
  'neck-rise': bodyScalar((s, a) => (s.pose === null ? null : neckRiseDeg(s.pose, a))),
  'hand-on-forehead': placed((s, a) => handOnForehead(s.pose ?? [], a)),
  'hand-on-temple': placed((s, a) => handOnTemple(s.pose ?? [], a)),
  'both-hands-on-forehead': placed((s, a) => bothHandsOnForehead(s.pose ?? [], a)),
  'hands-behind-head': placed((s, a) => handsBehindHead(s.pose ?? [], a)),
  'hands-at-neck': placed((s, a) => handsAtNeck(s.pose ?? [], a)),
  'supine-hands-placed': placed((s, a) => supineHandsPlaced(s.pose ?? [], a)),
  'face-toward-camera': { shape: 'scalar', raw: (s) => finiteOrNull(s.towardCameraDeg), relative: (raw) => raw, usesBaseline: false },
};

/**
 * Signals that step by nature: the face toward a floor camera reads 0 until the face is found,
 * then 40–65° at once. Their speed and smoothness say nothing about the movement (no "too fast",
 * no "jerky") and a step is not a tracking jump.
 */
export function signalSteps(signal: TrackedSignal): boolean {
  return signal === SIGNALS.faceTowardCamera;
}

export function signalReader(signal: TrackedSignal): SignalReader {
  return READERS[signal];
}

/**
 * A trunk turn or tilt (since neutral, past TrunkReference's deadband) above this, in a head
 * rotation or tilt: the person is turning or leaning the body instead of the neck.
 */
export const TRUNK_TURN_WARN_DEG = 6;

function trunkStill(axis: 'yawDeg' | 'rollDeg'): (sample: ExerciseSample) => boolean {
  return (s) => s.trunkTurn === undefined || Math.abs(s.trunkTurn[axis]) <= TRUNK_TURN_WARN_DEG;
}

/** Extra posture checks that only give feedback (the rep still counts): the kind said when one fails. */
export interface PostureCheck {
  readonly ok: (sample: ExerciseSample) => boolean;
  readonly kind: typeof FEEDBACK_KINDS.posture | typeof FEEDBACK_KINDS.trunkTurned;
}

export function postureCheck(exercise: ExerciseDefinition): PostureCheck | null {
  switch (exercise.id) {
    case 'arms-out-head-turns':
      return { ok: (s) => s.pose !== null && armsOutLevel(s.pose, aspectOf(s)), kind: FEEDBACK_KINDS.posture };
    case 'assisted-lateral-stretch':
      return { ok: (s) => s.pose !== null && handOverHead(s.pose, aspectOf(s)), kind: FEEDBACK_KINDS.posture };
    default:
      if (exercise.signal === SIGNALS.yaw) return { ok: trunkStill('yawDeg'), kind: FEEDBACK_KINDS.trunkTurned };
      if (exercise.signal === SIGNALS.roll) return { ok: trunkStill('rollDeg'), kind: FEEDBACK_KINDS.trunkTurned };
      return null;
  }
}
