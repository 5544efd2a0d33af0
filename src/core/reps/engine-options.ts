import type { Direction } from '../protocol/exercise-definition';

export interface EngineOptions {
  /**
   * Time after (re)appearing during which nothing counts, ms. Default 300 for the head: enough for
   * the tracking to settle; the session's own countdown covers getting into position (a longer
   * settle would eat the first shakes of a clip that starts moving at once). Default 1000 for body
   * signals, whose rest position (baseline) is learned from the last third of a second of it: a
   * fresh detection's first frames are off (MediaPipe's shoulder–ear ratio read 3.6 %, 2.6 %, 1.5 %
   * above rest on the first three frames of the rendered body clips).
   */
  readonly settleMs?: number;
  /** Samples less confident than this are skipped like dropped frames. Default 0.2. */
  readonly minConfidence?: number;
  /** A longer run without a usable sample is a lost signal: the rep in progress is discarded, ms. Default 1000. */
  readonly maxGapMs?: number;
  /** The user's own range per direction (e.g. best of earlier sessions), signal unit. */
  readonly personalRange?: Partial<Record<Direction, number>>;
  /** A rep counts at this fraction of the personal range (never below the protocol's minimum). Default 0.6. */
  readonly countFraction?: number;
  /** Faster than this (unit/s between two samples) is a jump (video cut, tracking swap), not a movement. */
  readonly jumpSpeedPerS?: number;
}

export interface ResolvedEngineOptions {
  readonly settleMs: number;
  readonly minConfidence: number;
  readonly maxGapMs: number;
  readonly personalRange: Partial<Record<Direction, number>>;
  readonly countFraction: number;
  readonly jumpSpeedPerS: number;
}

/** A head cannot turn 600°/s in a gentle exercise; a cut between two video shots easily does. */
const DEFAULT_JUMP_DEG_S = 600;
/** Percent-of-shoulder-width signals: the same idea, on MediaPipe's noisier body points. */
const DEFAULT_JUMP_PERCENT_S = 1500;

const HEAD_SETTLE_MS = 300;
const BODY_SETTLE_MS = 1000;

function finiteAtLeast(value: number | undefined, min: number, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= min ? value : fallback;
}

/** `bodyBaseline`: the signal is read against a settled rest position (body signals). */
export function resolveEngineOptions(options: EngineOptions, unit: 'deg' | 'percent', bodyBaseline = false): ResolvedEngineOptions {
  return {
    settleMs: finiteAtLeast(options.settleMs, 0, bodyBaseline ? BODY_SETTLE_MS : HEAD_SETTLE_MS),
    minConfidence: finiteAtLeast(options.minConfidence, 0, 0.2),
    maxGapMs: finiteAtLeast(options.maxGapMs, 1, 1000),
    personalRange: options.personalRange ?? {},
    countFraction: Math.min(1, finiteAtLeast(options.countFraction, 0.1, 0.6)),
    jumpSpeedPerS: finiteAtLeast(options.jumpSpeedPerS, 1, unit === 'deg' ? DEFAULT_JUMP_DEG_S : DEFAULT_JUMP_PERCENT_S),
  };
}
