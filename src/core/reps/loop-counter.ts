import type { Direction } from '../protocol/exercise-definition';
import { INCOMPLETE_REASONS, type IncompleteReason } from './exercise-events';
import { NO_EVENTS, NO_REPS, type CounterStep, type RawRep } from './raw-rep';
import { appendPlanePoint, appendPoint, type TrajectoryNode } from './trajectory';
import { hypot2 } from '../geometry/hypot';

export interface LoopConfig {
  /** Points closer than this to the centre do not wind (noise at rest cannot make a loop). */
  readonly minRadius: number;
  /** Time constant of the slowly following centre, ms (about two circles). */
  readonly centreTauMs: number;
  /**
   * When set, the centre follows by the path's length instead of time (1 − e^(−moved/centreLength)
   * of the way per step, in the path's units): a circle that lingers at one side (a smooth circle
   * slows at its top) does not drag the centre there.
   */
  readonly centreLength: number | null;
  /** Wind the median of the last three points, per axis: a one-frame spike does not wind. */
  readonly medianOfThree: boolean;
  /**
   * A loop abandoned (turned back, timed out, ended) after turning this far from its turning point
   * was a full one, degrees (360: only a full turn counts). A circle that ends where it began turns
   * 360° only up to that point's jitter, and the next circle, or a rest, ends the count short.
   */
  readonly closeAtDeg: number;
  /** Winding back this far against the loop's direction abandons it, degrees. */
  readonly reverseDeg: number;
  /** A loop not closed within this is abandoned. */
  readonly maxLoopMs: number;
  /** Direction of a negative (mathematically clockwise) winding in the (x, y) plane given. */
  readonly negativeDirection: Direction;
  readonly positiveDirection: Direction;
}

export interface PathPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Closed loops of a 2-D path by its winding angle around a slowly moving centre: 360° of
 * accumulated turning in one direction = one loop of that direction.
 */
export interface LoopState {
  readonly kind: 'loop';
  readonly centre: PathPoint | null;
  readonly lastMs: number | null;
  readonly lastAngle: number | null;
  readonly last: PathPoint | null;
  /** The two points given before this one, unfiltered (for medianOfThree), latest first. */
  readonly given: readonly PathPoint[];
  /** Accumulated winding of the loop in progress, degrees (sign = direction). */
  readonly windingDeg: number;
  /** Most extreme winding so far in the loop's direction (to detect reversals). */
  readonly extremeDeg: number;
  /**
   * Lowest and highest winding of the loop in progress: a loop is 360° of turning from its turning
   * point, so a small wobble the other way at its start (e.g. the head drifting while it tilts
   * forward to begin) does not count against it.
   */
  readonly lowDeg: number;
  readonly highDeg: number;
  readonly startMs: number | null;
  /** Cumulative path length (the loop's "position" for speed and smoothness). */
  readonly path: TrajectoryNode | null;
  readonly length: number;
  /**
   * The last point as read before causal smoothing, when the signal has such a reading (the
   * head's path: the tracker's angles before its filters). The path then keeps each such point
   * beside its length, and the loop's speed and smoothness are measured on them (rep-metrics.ts),
   * as a head turn's are on its angle before smoothing.
   */
  readonly lastUnsmoothed: PathPoint | null;
  readonly radiusSum: number;
  readonly radiusCount: number;
}

export const LOOP_INITIAL: LoopState = {
  kind: 'loop',
  centre: null,
  lastMs: null,
  lastAngle: null,
  last: null,
  given: [],
  windingDeg: 0,
  extremeDeg: 0,
  lowDeg: 0,
  highDeg: 0,
  startMs: null,
  path: null,
  length: 0,
  lastUnsmoothed: null,
  radiusSum: 0,
  radiusCount: 0,
};

const FULL_TURN_DEG = 360;
/** Half a loop or more, abandoned, is worth reporting as an incomplete rep. */
const REPORTABLE_DEG = 180;

function wrapDeg(angle: number): number {
  return ((((angle + 180) % 360) + 360) % 360) - 180;
}

function rawRep(config: LoopConfig, state: LoopState, tMs: number, reason: IncompleteReason | null): RawRep {
  return {
    tMs,
    kind: 'movement',
    side: state.windingDeg < 0 ? config.negativeDirection : config.positiveDirection,
    complete: reason === null,
    incompleteReason: reason,
    peak: state.radiusCount > 0 ? state.radiusSum / state.radiusCount : 0,
    threshold: config.minRadius,
    path: state.path,
    startMs: state.startMs ?? tMs,
    heldMs: null,
  };
}

/** The rep of a loop given up: complete if it turned closeAtDeg, reported if half a loop, else none. */
function abandonedReps(config: LoopConfig, state: LoopState, tMs: number, reason: IncompleteReason): readonly RawRep[] {
  const turned = state.extremeDeg < 0 ? state.highDeg - state.extremeDeg : state.extremeDeg - state.lowDeg;
  if (turned >= config.closeAtDeg) return [rawRep(config, { ...state, windingDeg: state.extremeDeg }, tMs, null)];
  return Math.abs(state.extremeDeg) >= REPORTABLE_DEG ? [rawRep(config, state, tMs, reason)] : NO_REPS;
}

function freshLoop(state: LoopState): LoopState {
  return { ...state, windingDeg: 0, extremeDeg: 0, lowDeg: 0, highDeg: 0, startMs: null, path: null, length: 0, radiusSum: 0, radiusCount: 0 };
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** The point wound: the given one, or the per-axis median of it and the two before. */
function woundPoint(config: LoopConfig, state: LoopState, given: PathPoint): PathPoint {
  const [p1, p2] = state.given;
  if (!config.medianOfThree || p1 === undefined || p2 === undefined) return given;
  return { x: median3(given.x, p1.x, p2.x), y: median3(given.y, p1.y, p2.y) };
}

/** A path node: the length, and beside it the point read before smoothing when there is one. */
function pathNode(previous: TrajectoryNode | null, tMs: number, length: number, unsmoothed: PathPoint | null): TrajectoryNode {
  return unsmoothed === null ? appendPoint(previous, tMs, length) : appendPlanePoint(previous, tMs, length, unsmoothed.x, unsmoothed.y);
}

/**
 * `centre` seeds the centre (e.g. the settled rest position); otherwise the first point is used.
 * `unsmoothed`: `given` as read before causal smoothing, when the signal has such a reading.
 */
export function stepLoop(
  config: LoopConfig,
  state: LoopState,
  tMs: number,
  given: PathPoint,
  centreSeed: PathPoint | null = null,
  unsmoothed: PathPoint | null = null,
): CounterStep<LoopState> {
  const point = woundPoint(config, state, given);
  const centre0 = state.centre ?? centreSeed ?? point;
  const dt = state.lastMs === null ? 0 : tMs - state.lastMs;
  const moved = state.last === null ? 0 : hypot2(point.x - state.last.x, point.y - state.last.y);
  const alpha = config.centreLength === null ? 1 - Math.exp(-dt / config.centreTauMs) : 1 - Math.exp(-moved / config.centreLength);
  const centre = { x: centre0.x + alpha * (point.x - centre0.x), y: centre0.y + alpha * (point.y - centre0.y) };
  const dx = point.x - centre.x;
  const dy = point.y - centre.y;
  const radius = hypot2(dx, dy);
  const angle = radius >= config.minRadius ? (Math.atan2(dy, dx) * 180) / Math.PI : null;
  const base = { ...state, centre, lastMs: tMs, last: point, lastUnsmoothed: unsmoothed, given: [given, ...state.given.slice(0, 1)], lastAngle: angle };
  if (angle === null || state.lastAngle === null) {
    if (state.startMs !== null && tMs - state.startMs > config.maxLoopMs) {
      return abortLoop(config, base, tMs, INCOMPLETE_REASONS.timeout);
    }
    return { state: base, events: NO_EVENTS, reps: NO_REPS };
  }
  const step = wrapDeg(angle - state.lastAngle);
  const startMs = state.startMs ?? state.lastMs ?? tMs;
  const length = state.length + moved;
  const start = state.lastMs === null ? null : pathNode(null, state.lastMs, state.length, state.lastUnsmoothed);
  const path = pathNode(state.path ?? start, tMs, length, unsmoothed);
  const windingDeg = state.windingDeg + step;
  const extremeDeg = Math.abs(windingDeg) > Math.abs(state.extremeDeg) ? windingDeg : state.extremeDeg;
  const lowDeg = Math.min(state.lowDeg, windingDeg);
  const highDeg = Math.max(state.highDeg, windingDeg);
  const loop: LoopState = { ...base, windingDeg, extremeDeg, lowDeg, highDeg, startMs, path, length, radiusSum: state.radiusSum + radius, radiusCount: state.radiusCount + 1 };
  // Turned a full circle from the loop's turning point (its highest winding for a negative loop).
  const sign = windingDeg - lowDeg >= FULL_TURN_DEG ? 1 : highDeg - windingDeg >= FULL_TURN_DEG ? -1 : 0;
  if (sign !== 0) {
    const rep = rawRep(config, { ...loop, windingDeg: sign * FULL_TURN_DEG }, tMs, null);
    const rest = windingDeg - (sign > 0 ? lowDeg : highDeg) - sign * FULL_TURN_DEG;
    const next: LoopState = { ...freshLoop(loop), windingDeg: rest, extremeDeg: rest, lowDeg: Math.min(0, rest), highDeg: Math.max(0, rest), startMs: tMs, path: pathNode(null, tMs, length, unsmoothed), length };
    return { state: next, events: NO_EVENTS, reps: [rep] };
  }
  const reversed = Math.abs(extremeDeg - windingDeg) >= config.reverseDeg && Math.sign(step) !== Math.sign(extremeDeg);
  if (reversed || tMs - startMs > config.maxLoopMs) {
    const reason = reversed ? INCOMPLETE_REASONS.reversed : INCOMPLETE_REASONS.timeout;
    const reps = abandonedReps(config, loop, tMs, reason);
    // Keep the winding since the turn-back: it may be the start of a loop the other way.
    const back = windingDeg - extremeDeg;
    const kept = reversed ? back : 0;
    return { state: { ...freshLoop(loop), windingDeg: kept, extremeDeg: kept, lowDeg: Math.min(0, kept), highDeg: Math.max(0, kept), startMs: tMs, path: pathNode(null, tMs, length, unsmoothed), length }, events: NO_EVENTS, reps };
  }
  return { state: loop, events: NO_EVENTS, reps: NO_REPS };
}

export function abortLoop(config: LoopConfig, state: LoopState, tMs: number, reason: IncompleteReason): CounterStep<LoopState> {
  const reps = abandonedReps(config, state, tMs, reason);
  return { state: { ...LOOP_INITIAL, centre: state.centre }, events: NO_EVENTS, reps };
}
