import type { NumericRange } from '../numeric-range';
import type { Direction, ExerciseDefinition, TrackedSignal } from '../protocol/exercise-definition';
import type { ResolvedEngineOptions } from './engine-options';
import type { ExcursionConfig } from './excursion-counter';
import type { HoldConfig } from './hold-counter';
import type { LoopConfig } from './loop-counter';
import type { OscillationConfig } from './oscillation-counter';
import type { TimedConfig } from './timed-counter';

/** Which sign of the signal each direction is (angle convention: head-angles.ts). */
const DIRECTION_SIGNS: Partial<Record<Direction, 1 | -1>> = {
  left: 1, // yaw > 0 and roll > 0 are to the subject's left
  right: -1,
  up: 1, // pitch > 0 = extension; body rises are positive
  down: -1,
  forward: 1,
  back: -1,
  none: 1,
};

/** Start a rep at 40% of the count threshold and end it back inside 25%: a wide hysteresis band. */
const START_FRACTION = 0.4;
const REST_FRACTION = 0.25;
/** Floors for the bands (signal unit): below this, tracking noise alone would cross them. */
const MIN_START = 3;
const MIN_REST = 2;
/**
 * Signals noisier than that floor: the shoulder–ear gap over the shoulder width moves about 1 % of
 * itself (1 sd) under 1 px of landmark noise on a 640 px frame, so a rep starts at 4 sd.
 */
const START_FLOOR: Partial<Record<TrackedSignal, number>> = { 'shoulder-depth': 4 };
/**
 * Time a rep must stay at or past its count threshold when the exercise has no hold of its own. The
 * face toward a floor camera: 4 frames in a row at 15 fps (3 intervals, 200 ms; 180 leaves the
 * frame times' rounding room) was exact on all 12 clip × backend runs of the 1 m placement, both
 * sides (exact 2, stopped short 0, still 0; docs/clipgen.md, face down, `npm run check:prone-trace`).
 */
const MIN_HOLD_MS: Partial<Record<TrackedSignal, number>> = { 'face-toward-camera': 180 };
/** A rep that takes longer than this (plus any hold) was abandoned. */
const MAX_REP_MS = 20_000;

function target(exercise: ExerciseDefinition, direction: Direction): NumericRange {
  return exercise.targets.find((x) => x.direction === direction) ?? { min: 0, max: 0 };
}

/** The count threshold: the protocol's minimum, or a fraction of the user's own range if known. */
export function countThreshold(exercise: ExerciseDefinition, direction: Direction, options: ResolvedEngineOptions): number {
  const { min, max } = target(exercise, direction);
  const personal = options.personalRange[direction];
  if (personal === undefined || !Number.isFinite(personal) || personal <= 0) return min;
  return Math.min(max, Math.max(min, options.countFraction * personal));
}

export function excursionConfig(exercise: ExerciseDefinition, options: ResolvedEngineOptions): ExcursionConfig {
  const directions = exercise.directions.map((direction) => ({
    direction,
    sign: DIRECTION_SIGNS[direction] ?? 1,
    countAt: countThreshold(exercise, direction, options),
  }));
  const smallest = Math.min(...directions.map((d) => d.countAt));
  const holdMs = Math.max((exercise.holdSeconds ?? 0) * 1000, MIN_HOLD_MS[exercise.signal] ?? 0);
  return {
    directions,
    startAt: Math.max(START_FLOOR[exercise.signal] ?? MIN_START, START_FRACTION * smallest),
    restAt: Math.max(MIN_REST, REST_FRACTION * smallest),
    holdMs,
    maxRepMs: MAX_REP_MS + holdMs,
  };
}

/**
 * Nods and shakes (tuned on tests/support and the labelled clips, see docs/rep-counting.md):
 * the back swing closes the cycle at 40% (a nod often ends in another movement); an out swing
 * lasts at most 1 s; the other axes may move up to 75% of the amplitude. A "yes" nod starts with
 * the chin going down (pitch < 0); a "no" shake may start to either side.
 */
export function oscillationConfig(exercise: ExerciseDefinition): OscillationConfig {
  const minSwing = target(exercise, 'none').min;
  return {
    minSwing,
    returnFraction: 0.4,
    turnDelta: 0.25 * minSwing,
    maxSwingMs: 1000,
    maxCycleMs: 4000,
    outSign: exercise.signal === 'pitch' ? -1 : 0,
    crossTalkRatio: 0.75,
  };
}

/**
 * Loop directions. Head path: (x = subject's right, y = up), so a mathematically negative turn is
 * clockwise as the subject sees the circle drawn in front of them. Elbow path: (x = forward,
 * y = up): negative = top → front → bottom, a forward circle.
 */
const LOOP_DIRECTIONS: Partial<Record<TrackedSignal, { negative: Direction; positive: Direction }>> = {
  'head-path': { negative: 'clockwise', positive: 'counterclockwise' },
  'elbow-path': { negative: 'forward', positive: 'back' },
};

/**
 * Shoulder circles (% of the head's breadth) wind the median of three points around a centre that
 * follows the path's length, not time (loop-counter.ts): TF.js's hands on the shoulders jump
 * about 10 % frame to frame at rest, ten times MediaPipe's, and its forward circles lost their
 * winding when the centre drifted up toward the circles' slow tops. 1000 is about two and a half
 * 3 cm circles on either backend (docs/rep-counting.md).
 */
const BODY_LOOP_CENTRE_LENGTH = 1000;
/**
 * A shoulder circle given up after 330° was a full one (loop-counter.ts): on the rendered clips a
 * circle that ended at its top before the next one, or a rest, wound 350–359°; the wrong-form
 * 0.5 cm circles wound at most 151° (docs/rep-counting.md).
 */
const BODY_LOOP_CLOSE_DEG = 330;

export function loopConfig(exercise: ExerciseDefinition): LoopConfig {
  const dirs = LOOP_DIRECTIONS[exercise.signal] ?? { negative: 'clockwise', positive: 'counterclockwise' };
  const minRadius = Math.min(...exercise.directions.map((d) => target(exercise, d).min));
  const body = exercise.signal === 'elbow-path';
  return {
    minRadius,
    centreTauMs: 3000,
    centreLength: body ? BODY_LOOP_CENTRE_LENGTH : null,
    medianOfThree: body,
    closeAtDeg: body ? BODY_LOOP_CLOSE_DEG : 360,
    reverseDeg: 90,
    maxLoopMs: 10_000,
    negativeDirection: dirs.negative,
    positiveDirection: dirs.positive,
  };
}

/** Presses are isometric: the head may drift this much (per axis) and still be "still". */
const PRESS_STILL_TOLERANCE_DEG = 10;

export function holdConfig(exercise: ExerciseDefinition): HoldConfig {
  const isPress = exercise.targets.length === 0;
  return {
    holdMs: (exercise.holdSeconds ?? 3) * 1000,
    graceMs: 300,
    minReportMs: 500,
    relaxMs: 2000,
    stillToleranceDeg: isPress ? PRESS_STILL_TOLERANCE_DEG : null,
  };
}

export function timedConfig(exercise: ExerciseDefinition): TimedConfig {
  return { durationMs: (exercise.durationSeconds ?? 60) * 1000, graceMs: 1000 };
}

/** A held value (shrug, neck rise) keeps the hold until it drops below this fraction of its threshold. */
export const HOLD_RELEASE_FRACTION = 0.7;
