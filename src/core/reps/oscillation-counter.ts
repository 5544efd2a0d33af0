import { INCOMPLETE_REASONS, type IncompleteReason } from './exercise-events';
import { NO_EVENTS, NO_REPS, type CounterStep, type RawRep } from './raw-rep';
import { appendPoint, type TrajectoryNode } from './trajectory';

export interface OscillationConfig {
  /** Least peak-to-peak swing that counts (nods/shakes smaller than this are talking, laughing). */
  readonly minSwing: number;
  /** The back swing must cover this fraction of the out swing for the cycle to close. */
  readonly returnFraction: number;
  /** How far the signal must retreat from an extreme to call it a turning point. */
  readonly turnDelta: number;
  /** An out swing must start from an extreme no older than this (slow drift is not a swing). */
  readonly maxSwingMs: number;
  /** A cycle that has not closed after this is abandoned. */
  readonly maxCycleMs: number;
  /** +1/-1: only out swings of that sign start a cycle (a "yes" nod starts chin down); 0: either. */
  readonly outSign: 1 | -1 | 0;
  /**
   * The other two head axes may move at most this fraction of the cycle's amplitude: a head tilt
   * or turn that drags the counted axis along is not a nod or a shake.
   */
  readonly crossTalkRatio: number;
}

interface Point {
  readonly tMs: number;
  readonly value: number;
  /** The two other axes at this point (0, 0 when unknown). */
  readonly off: readonly [number, number];
}

interface Range2 {
  readonly min: readonly [number, number];
  readonly max: readonly [number, number];
}

function rangeOf(p: Point): Range2 {
  return { min: p.off, max: p.off };
}

function extend(r: Range2, p: Point): Range2 {
  const a = p.off[0];
  const b = p.off[1];
  // Inside the range already (every frame once the other axes have moved): keep it, no copy.
  if (a >= r.min[0] && a <= r.max[0] && b >= r.min[1] && b <= r.max[1]) return r;
  return {
    min: [Math.min(r.min[0], a), Math.min(r.min[1], b)],
    max: [Math.max(r.max[0], a), Math.max(r.max[1], b)],
  };
}

function spread(r: Range2): number {
  return Math.max(r.max[0] - r.min[0], r.max[1] - r.min[1]);
}

/**
 * Cycles of a small oscillation (nods = pitch, shakes = yaw), free of any zero: a cycle is an
 * out swing of at least `minSwing` from a turning point, and a back swing covering
 * `returnFraction` of it. It counts as soon as the back swing gets there (no need to wait for
 * the next turn), then waits for the back swing's own turning point, which starts the next cycle.
 *   seek:   lowest/highest points since the last turn; a swing >= minSwing away from one is "out".
 *   out:    tracks the out swing's peak; back >= returnFraction·amplitude → cycle counted.
 *   finish: follows the back swing to its extreme; a retreat of turnDelta → seek from there.
 */
export type OscillationState =
  | { readonly kind: 'oscillation'; readonly phase: 'seek'; readonly low: Point; readonly high: Point; readonly path: TrajectoryNode }
  | {
      readonly kind: 'oscillation';
      readonly phase: 'out';
      readonly dir: 1 | -1;
      readonly start: Point;
      readonly peak: Point;
      readonly path: TrajectoryNode;
      readonly off: Range2;
    }
  | { readonly kind: 'oscillation'; readonly phase: 'finish'; readonly dir: 1 | -1; readonly extreme: Point }
  | { readonly kind: 'oscillation'; readonly phase: 'idle' };

export const OSCILLATION_INITIAL: OscillationState = { kind: 'oscillation', phase: 'idle' };

/** Within this fraction of minSwing of an extreme, the signal is still "at" it. */
const PLATEAU_FRACTION = 0.15;

/** Bounded memory while seeking: keep about 10 s at 60 fps. */
const MAX_SEEK_PATH_POINTS = 600;

/** `unsmoothed`: the point's value before smoothing, when known (the path keeps both: rep-metrics.ts). */
function seekFrom(point: Point, unsmoothed = point.value): OscillationState {
  return { kind: 'oscillation', phase: 'seek', low: point, high: point, path: appendPoint(null, point.tMs, point.value, unsmoothed) };
}


function rawRep(config: OscillationConfig, start: Point, peak: Point, path: TrajectoryNode, tMs: number, reason: IncompleteReason | null): RawRep {
  // The path holds the signed signal; metrics only need its speed, so the sign does not matter.
  return {
    tMs,
    kind: 'movement',
    side: 'none',
    complete: reason === null,
    incompleteReason: reason,
    peak: Math.abs(peak.value - start.value),
    threshold: config.minSwing,
    path,
    startMs: start.tMs,
    heldMs: null,
  };
}

export function stepOscillation(
  config: OscillationConfig,
  state: OscillationState,
  tMs: number,
  value: number,
  off: readonly [number, number] = [0, 0],
  unsmoothed = value,
): CounterStep<OscillationState> {
  const point: Point = { tMs, value, off };
  switch (state.phase) {
    case 'idle':
      return { state: seekFrom(point, unsmoothed), events: NO_EVENTS, reps: NO_REPS };
    case 'seek': {
      // A stale extreme is forgotten: a swing must start from a recent turning point.
      // An extreme's time is the last time the signal was near it: a swing is timed from when it
      // left the plateau, and a plateau never goes stale. A stale extreme is forgotten.
      const near = PLATEAU_FRACTION * config.minSwing;
      const lowNow = value < state.low.value ? point : value <= state.low.value + near ? { tMs, value: state.low.value, off: state.low.off } : state.low;
      const highNow = value > state.high.value ? point : value >= state.high.value - near ? { tMs, value: state.high.value, off: state.high.off } : state.high;
      const low = tMs - lowNow.tMs > config.maxSwingMs ? point : lowNow;
      const high = tMs - highNow.tMs > config.maxSwingMs ? point : highNow;
      const path = state.path.length >= MAX_SEEK_PATH_POINTS ? appendPoint(null, tMs, value, unsmoothed) : appendPoint(state.path, tMs, value, unsmoothed);
      if (value - low.value >= config.minSwing && config.outSign !== -1) {
        const out: OscillationState = { kind: 'oscillation', phase: 'out', dir: 1, start: low, peak: point, path, off: extend(rangeOf(low), point) };
        return { state: out, events: [{ type: 'rep-started', tMs, side: 'none' }], reps: NO_REPS };
      }
      if (high.value - value >= config.minSwing && config.outSign !== 1) {
        const out: OscillationState = { kind: 'oscillation', phase: 'out', dir: -1, start: high, peak: point, path, off: extend(rangeOf(high), point) };
        return { state: out, events: [{ type: 'rep-started', tMs, side: 'none' }], reps: NO_REPS };
      }
      // Fields written out (not `...state`), here and below: V8's generic spread copy is slow and these run per frame.
      return { state: { kind: 'oscillation', phase: 'seek', low, high, path }, events: NO_EVENTS, reps: NO_REPS };
    }
    case 'out': {
      const path = appendPoint(state.path, tMs, value, unsmoothed);
      const peak = (value - state.peak.value) * state.dir > 0 ? point : state.peak;
      if (peak.tMs - state.start.tMs > config.maxSwingMs) {
        // Too slow for a nod or a shake (a drift, a posture change): look again from here.
        return { state: seekFrom(point, unsmoothed), events: NO_EVENTS, reps: NO_REPS };
      }
      const off = extend(state.off, point);
      const amplitude = Math.abs(peak.value - state.start.value);
      const back = (peak.value - value) * state.dir;
      if (back >= config.returnFraction * amplitude) {
        const reason = spread(off) > config.crossTalkRatio * amplitude ? INCOMPLETE_REASONS.offAxis : null;
        const rep = rawRep(config, state.start, peak, path, tMs, reason);
        const finish: OscillationState = { kind: 'oscillation', phase: 'finish', dir: state.dir === 1 ? -1 : 1, extreme: point };
        return { state: finish, events: NO_EVENTS, reps: [rep] };
      }
      if (tMs - state.start.tMs > config.maxCycleMs) {
        return { state: seekFrom(point, unsmoothed), events: NO_EVENTS, reps: [rawRep(config, state.start, peak, path, tMs, INCOMPLETE_REASONS.timeout)] };
      }
      return { state: { kind: 'oscillation', phase: 'out', dir: state.dir, start: state.start, peak, path, off }, events: NO_EVENTS, reps: NO_REPS };
    }
    case 'finish': {
      if ((value - state.extreme.value) * state.dir >= 0) {
        return { state: { kind: 'oscillation', phase: 'finish', dir: state.dir, extreme: point }, events: NO_EVENTS, reps: NO_REPS };
      }
      if ((state.extreme.value - value) * state.dir >= config.turnDelta) {
        const turned = seekFrom(state.extreme);
        return stepOscillation(config, turned, tMs, value, off, unsmoothed);
      }
      return { state, events: NO_EVENTS, reps: NO_REPS };
    }
  }
}

/**
 * Ends a cycle in progress as incomplete; the next cycle starts from the next sample. When the
 * exercise simply ends, a dangling out swing is the head coming back to rest after the last
 * cycle, not an attempt: it is not reported.
 */
export function abortOscillation(state: OscillationState, config: OscillationConfig, tMs: number, reason: IncompleteReason): CounterStep<OscillationState> {
  const attempt = state.phase === 'out' && reason !== INCOMPLETE_REASONS.ended;
  const reps = attempt ? [rawRep(config, state.start, state.peak, state.path, tMs, reason)] : NO_REPS;
  return { state: OSCILLATION_INITIAL, events: NO_EVENTS, reps };
}
