import type { Direction, ExerciseDefinition } from '../protocol/exercise-definition';
import { FEEDBACK_KINDS, INCOMPLETE_REASONS, type ExerciseEvent, type FeedbackKind, type RepEvent } from './exercise-events';
import { signalSteps } from './exercise-signals';
import { SpectrumWorkspace } from './fft';
import type { RawRep } from './raw-rep';
import { movementMetrics, type MovementMetrics } from './rep-metrics';
import { trajectoryToArrays } from './trajectory';

/** Best and last peak per side: the memory behind personal bests and symmetry. */
export interface RepStats {
  readonly best: Partial<Record<Direction, number>>;
  readonly last: Partial<Record<Direction, number>>;
}

export const EMPTY_REP_STATS: RepStats = { best: {}, last: {} };

/**
 * A stroke's SPARC below this is jerky (rep-metrics: the rep's least smooth main stroke, from its
 * onset to its offset; a head angle's before the tracker's smoothing). One minimum-jerk stroke
 * scores −1.40 exactly; on the generated clips, as both backends read them, the clean clips' reps
 * scored −1.42…−2.06 on average per clip and the stop-and-go clip's (four sub-movements per stroke)
 * −3.00 and −3.48 (`npm run eval:clips`; docs/rep-counting.md). The count of
 * speed peaks, which also separated them there (6–7 against 2–3), is recorded but not judged: the
 * landmarks' ripple at far yaw makes 5 peaks of clean turns. Not used when the exercise holds its
 * end position: its small press movements are mostly landmark noise.
 */
const SPARC_JERKY = -2.35;
/** Left and right peaks differing by more than this fraction of the larger: asymmetric. */
const ASYMMETRY_RATIO = 0.3;
/** A complete rep below this fraction of the user's own range: "go a little further". */
const PERSONAL_RANGE_SHORTFALL = 0.8;

/**
 * The sides whose peaks should match: mirror movements only. Flexion and extension, protraction
 * and retraction have different normal ranges (the neck flexes about 50° and extends 60–70°), so
 * unequal peaks there are no fault (the generated shoulders forward-and-back clip, 2 cm each way,
 * read its forward peaks 30–50% short of its back ones on both backends).
 */
const OPPOSITE: Partial<Record<Direction, Direction>> = {
  left: 'right',
  right: 'left',
  clockwise: 'counterclockwise',
  counterclockwise: 'clockwise',
};

export function toRepEvent(raw: RawRep, stats: RepStats, spectrum = new SpectrumWorkspace()): RepEvent {
  const best = stats.best[raw.side] ?? null;
  const metrics = raw.heldMs !== null || raw.path === null ? heldMetrics(raw) : movementMetrics(trajectoryToArrays(raw.path, raw.startMs), spectrum);
  // Field by field, not `{ ...base, ...metrics }`: V8 copies spreads on a slow generic path.
  return {
    type: 'rep',
    tMs: raw.tMs,
    kind: raw.kind,
    side: raw.side,
    complete: raw.complete,
    incompleteReason: raw.incompleteReason,
    peakDeg: raw.peak,
    targetDeg: raw.threshold,
    personalBestDeg: best,
    isPersonalBest: raw.complete && raw.kind === 'movement' && (best === null || raw.peak > best),
    durationMs: metrics.durationMs,
    peakVelDegS: metrics.peakVelDegS,
    sparc: metrics.sparc,
    ldj: metrics.ldj,
    velocityPeaks: metrics.velocityPeaks,
  };
}

/** A hold (or a rep without samples) has no movement to judge: only its duration. */
function heldMetrics(raw: RawRep): MovementMetrics {
  return { durationMs: raw.heldMs ?? raw.tMs - raw.startMs, peakVelDegS: 0, sparc: Number.NaN, ldj: Number.NaN, velocityPeaks: 0 };
}

export function updateStats(stats: RepStats, rep: RepEvent): RepStats {
  if (!rep.complete) return stats;
  const best = Math.max(stats.best[rep.side] ?? -Infinity, rep.peakDeg);
  return { best: { ...stats.best, [rep.side]: best }, last: { ...stats.last, [rep.side]: rep.peakDeg } };
}

export function repFeedback(
  exercise: ExerciseDefinition,
  rep: RepEvent,
  stats: RepStats,
  personalRange: Partial<Record<Direction, number>>,
): ExerciseEvent[] {
  const kinds: FeedbackKind[] = [];
  if (!rep.complete) {
    if (rep.incompleteReason === INCOMPLETE_REASONS.notFarEnough) kinds.push(FEEDBACK_KINDS.notFarEnough);
  } else if (rep.kind === 'hold') {
    kinds.push(FEEDBACK_KINDS.good);
  } else {
    const movementJudged = !signalSteps(exercise.signal);
    if (movementJudged && rep.peakVelDegS > exercise.maxSpeedPerS) kinds.push(FEEDBACK_KINDS.tooFast);
    const sparcLow = movementJudged && exercise.holdSeconds === null && rep.sparc < SPARC_JERKY;
    if (sparcLow) kinds.push(FEEDBACK_KINDS.jerky);
    const target = exercise.targets.find((t) => t.direction === rep.side);
    const meantSmall = exercise.counting === 'oscillation' || exercise.counting === 'loop';
    if (meantSmall && target !== undefined && rep.peakDeg > target.max) kinds.push(FEEDBACK_KINDS.tooBig);
    const own = personalRange[rep.side];
    if (own !== undefined && rep.peakDeg < PERSONAL_RANGE_SHORTFALL * own) kinds.push(FEEDBACK_KINDS.notFarEnough);
    const opposite = OPPOSITE[rep.side];
    const other = opposite === undefined || !exercise.directions.includes(opposite) ? undefined : stats.last[opposite];
    if (other !== undefined && Math.abs(other - rep.peakDeg) > ASYMMETRY_RATIO * Math.max(other, rep.peakDeg)) {
      kinds.push(FEEDBACK_KINDS.asymmetric);
    }
    if (kinds.length === 0) kinds.push(FEEDBACK_KINDS.good);
  }
  return kinds.map((kind) => ({ type: 'feedback', tMs: rep.tMs, kind, side: rep.side }));
}
