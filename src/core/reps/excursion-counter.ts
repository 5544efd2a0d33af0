import type { Direction } from '../protocol/exercise-definition';
import { INCOMPLETE_REASONS, type ExerciseEvent, type IncompleteReason } from './exercise-events';
import { NO_EVENTS, NO_REPS, type CounterStep, type RawRep } from './raw-rep';
import { appendPoint, type TrajectoryNode } from './trajectory';

export interface ExcursionDirection {
  readonly direction: Direction;
  /** +1 when the direction is the signal's positive side (e.g. yaw > 0 = left). */
  readonly sign: 1 | -1;
  /** Magnitude to reach for the rep to count (hysteresis: above startAt, far above restAt). */
  readonly countAt: number;
}

export interface ExcursionConfig {
  readonly directions: readonly ExcursionDirection[];
  /** Leaving the rest band past this magnitude starts a rep. */
  readonly startAt: number;
  /** Coming back inside this magnitude ends it. restAt < startAt: jitter at either edge cannot re-trigger. */
  readonly restAt: number;
  /** Time to stay at or beyond countAt (0 = just touch it). */
  readonly holdMs: number;
  /** A rep lasting longer is abandoned (the user stopped half-way). */
  readonly maxRepMs: number;
}

/**
 * One-sided excursions: rest → out past `countAt` → back to rest = one rep of that direction.
 *   unarmed: not yet seen at rest (after settle, a jump, an abandoned rep) — nothing can start.
 *   rest:    inside ±startAt (entered through ±restAt); `path` keeps the samples since the last
 *            one inside ±restAt, so a rep's metrics include its very start.
 *   moving:  beyond startAt in `direction`; ends when back inside restAt.
 */
export type ExcursionState =
  | { readonly kind: 'excursion'; readonly phase: 'unarmed' }
  | { readonly kind: 'excursion'; readonly phase: 'rest'; readonly path: TrajectoryNode }
  | {
      readonly kind: 'excursion';
      readonly phase: 'moving';
      readonly index: number;
      readonly startMs: number;
      readonly path: TrajectoryNode;
      readonly peak: number;
      readonly heldMs: number;
      readonly reached: boolean;
      readonly lastMs: number;
      readonly lastMagnitude: number;
    };

/** Hovering between restAt and startAt for long: keep only recent samples (about 10 s at 60 fps). */
const MAX_REST_PATH_POINTS = 600;

export const EXCURSION_INITIAL: ExcursionState = { kind: 'excursion', phase: 'unarmed' };

function magnitudeOf(config: ExcursionConfig, index: number, value: number): number {
  return (config.directions[index]?.sign ?? 1) * value;
}

function finishRep(
  config: ExcursionConfig,
  state: Extract<ExcursionState, { phase: 'moving' }>,
  tMs: number,
  reason: IncompleteReason | null,
): RawRep {
  const direction = config.directions[state.index];
  const countAt = direction?.countAt ?? Infinity;
  const reachedEnough = state.peak >= countAt && state.heldMs >= config.holdMs;
  const complete = reason === null && reachedEnough;
  return {
    tMs,
    kind: 'movement',
    side: direction?.direction ?? 'none',
    complete,
    incompleteReason: complete ? null : (reason ?? INCOMPLETE_REASONS.notFarEnough),
    peak: state.peak,
    threshold: countAt,
    path: state.path,
    startMs: state.startMs,
    heldMs: null,
  };
}

function startIndex(config: ExcursionConfig, value: number): number {
  // A plain loop, not findIndex with a closure: this runs on every resting sample.
  for (let k = 0; k < config.directions.length; k += 1) {
    const d = config.directions[k];
    if (d !== undefined && d.sign * value >= config.startAt) return k;
  }
  return -1;
}

function restOrMoving(
  config: ExcursionConfig,
  path: TrajectoryNode,
  tMs: number,
  value: number,
): { state: ExcursionState; events: readonly ExerciseEvent[] } {
  const index = startIndex(config, value);
  const direction = config.directions[index];
  if (direction === undefined) return { state: { kind: 'excursion', phase: 'rest', path }, events: NO_EVENTS };
  const magnitude = direction.sign * value;
  const startMs = path.previous === null ? tMs : earliest(path);
  const state: ExcursionState = {
    kind: 'excursion',
    phase: 'moving',
    index,
    startMs,
    path: signedPath(path, direction.sign),
    peak: magnitude,
    heldMs: 0,
    reached: false,
    lastMs: tMs,
    lastMagnitude: magnitude,
  };
  return { state, events: [{ type: 'rep-started', tMs, side: direction.direction }] };
}

function earliest(path: TrajectoryNode): number {
  let node: TrajectoryNode = path;
  while (node.previous !== null) node = node.previous;
  return node.tMs;
}

/** The rest path holds signal values; a rep's path holds magnitudes in its direction. */
function signedPath(path: TrajectoryNode, sign: 1 | -1): TrajectoryNode {
  if (sign === 1) return path;
  const points: TrajectoryNode[] = [];
  for (let node: TrajectoryNode | null = path; node !== null; node = node.previous) points.push(node);
  let out: TrajectoryNode | null = null;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p !== undefined) out = appendPoint(out, p.tMs, -p.value, -p.unsmoothed);
  }
  return out ?? path;
}

/**
 * `value` is counted; the path keeps it and `unsmoothed` (the same before causal smoothing, when
 * the signal has any), on which the rep's speed and smoothness are measured (rep-metrics.ts).
 */
export function stepExcursion(
  config: ExcursionConfig,
  state: ExcursionState,
  tMs: number,
  value: number,
  unsmoothed = value,
): CounterStep<ExcursionState> {
  if (state.phase === 'unarmed') {
    if (Math.abs(value) >= config.restAt) return { state, events: NO_EVENTS, reps: NO_REPS };
    return { state: { kind: 'excursion', phase: 'rest', path: appendPoint(null, tMs, value, unsmoothed) }, events: NO_EVENTS, reps: NO_REPS };
  }
  if (state.phase === 'rest') {
    const fresh = Math.abs(value) < config.restAt || state.path.length >= MAX_REST_PATH_POINTS;
    const path = fresh ? appendPoint(null, tMs, value, unsmoothed) : appendPoint(state.path, tMs, value, unsmoothed);
    const next = restOrMoving(config, path, tMs, value);
    return { state: next.state, events: next.events, reps: NO_REPS };
  }
  const magnitude = magnitudeOf(config, state.index, value);
  const direction = config.directions[state.index];
  const countAt = direction?.countAt ?? Infinity;
  const dt = tMs - state.lastMs;
  const heldMs = state.heldMs + (magnitude >= countAt && state.lastMagnitude >= countAt ? dt : 0);
  // Decided before the copy below so that it is the only one (a finished or timed-out rep ignores it).
  const reachesNow = !state.reached && magnitude >= countAt && heldMs >= config.holdMs;
  // Every field written out (not `...state`): V8's generic spread copy is slow and this runs per frame.
  const moving: Extract<ExcursionState, { phase: 'moving' }> = {
    kind: 'excursion',
    phase: 'moving',
    index: state.index,
    startMs: state.startMs,
    path: appendPoint(state.path, tMs, magnitude, magnitudeOf(config, state.index, unsmoothed)),
    peak: Math.max(state.peak, magnitude),
    heldMs,
    reached: state.reached || reachesNow,
    lastMs: tMs,
    lastMagnitude: magnitude,
  };
  if (magnitude < config.restAt) {
    const rep = finishRep(config, moving, tMs, null);
    const next = restOrMoving(config, appendPoint(null, tMs, value, unsmoothed), tMs, value);
    return { state: next.state, events: next.events, reps: [rep] };
  }
  if (tMs - state.startMs > config.maxRepMs) {
    return abortExcursion(config, moving, tMs, INCOMPLETE_REASONS.timeout);
  }
  if (reachesNow) {
    const events: readonly ExerciseEvent[] = [{ type: 'range-reached', tMs, side: direction?.direction ?? 'none', valueDeg: magnitude }];
    return { state: moving, events, reps: NO_REPS };
  }
  // No empty events array per sample.
  return { state: moving, events: NO_EVENTS, reps: NO_REPS };
}

/** Ends a rep in progress as incomplete (person left, signal lost or jumped); nothing can start until rest. */
export function abortExcursion(
  config: ExcursionConfig,
  state: ExcursionState,
  tMs: number,
  reason: IncompleteReason,
): CounterStep<ExcursionState> {
  const reps = state.phase === 'moving' ? [finishRep(config, state, tMs, reason)] : NO_REPS;
  return { state: EXCURSION_INITIAL, events: NO_EVENTS, reps };
}
