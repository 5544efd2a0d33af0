import type { Direction, Protocol } from '../../core/protocol/exercise-definition';
import { PROTOCOL } from '../../core/protocol/protocol';
import {
  compareWithLastSession,
  EMPTY_SIDE_RESULT,
  isGuidedResult,
  meanSparc,
  ROM_VERDICTS,
  type LastTimeComparison,
  type PeakSample,
  type SessionState,
  type SideResult,
} from '../../core/session';
import type { Localizer } from '../../i18n/localizer';
import type { RangeChange, SessionSummaryView, SmoothnessGrade, SummaryExercise, SummaryRange } from '../summary/summary-view';
import { gaugeModel, summaryDirection } from './gauge-model';

/**
 * SPARC grades. Smooth single-peaked reaching movements score about −1.4…−1.6; each extra
 * sub-movement lowers it (Balasubramanian et al. 2015, "On the analysis of movement smoothness").
 */
export const SPARC_SMOOTH_MIN = -1.8;
export const SPARC_FAIR_MIN = -2.5;

export function smoothnessGrade(sparc: number | null): SmoothnessGrade | null {
  if (sparc === null) return null;
  if (sparc >= SPARC_SMOOTH_MIN) return 'smooth';
  return sparc >= SPARC_FAIR_MIN ? 'fair' : 'jerky';
}

function rangeChange(comparison: LastTimeComparison | undefined): RangeChange {
  if (comparison === undefined || comparison.previousSessionId === null) return 'first';
  switch (comparison.change.verdict) {
    case ROM_VERDICTS.progress:
      return 'progress';
    case ROM_VERDICTS.decline:
      return 'regress';
    default:
      return 'noise';
  }
}

function meanOfSides(sides: readonly SideResult[]): number | null {
  const sum = sides.reduce((total, side) => total + side.sparcSum, 0);
  const count = sides.reduce((total, side) => total + side.sparcCount, 0);
  return count === 0 ? null : sum / count;
}

/**
 * The summary screen's view of a finished (or stopped) session. `peaks` are the stored reps'
 * peaks of all sessions (this one included): "last time" and progress come from the store's
 * noise rule (core/session/rom-noise-rule.ts), never from a bare difference.
 */
export function buildSummaryView(
  state: SessionState,
  peaks: readonly PeakSample[],
  localizer: Localizer,
  protocol: Protocol = PROTOCOL,
): SessionSummaryView {
  const comparisons = compareWithLastSession(peaks, state.id);
  const exercises: SummaryExercise[] = [];
  state.plan.exercises.forEach((planned, index) => {
    const result = state.results[index];
    const definition = protocol.exercises.find((exercise) => exercise.id === planned.id);
    if (result === undefined || result.status === 'locked') return;
    const guided = isGuidedResult(result);
    const model = definition === undefined || guided ? null : gaugeModel(definition);
    const sideOf = (side: Direction): SideResult => result.sides[side] ?? EMPTY_SIDE_RESULT;
    const total = Object.values(result.sides).reduce((sum, side) => sum + (side?.reps ?? 0), 0);
    const reps = planned.perSide
      ? planned.directions.map((side) => ({ side, count: sideOf(side).reps }))
      : [{ side: 'both' as const, count: total }];
    const ranges: SummaryRange[] = [];
    if (model !== null && definition !== undefined) {
      for (const target of definition.targets) {
        const direction = summaryDirection(model.axis, target.direction);
        if (direction === null) continue;
        const comparison = comparisons.find((c) => c.exerciseId === planned.id && c.side === target.direction);
        const previousDeg = comparison?.change.baseline?.bestDeg ?? null;
        ranges.push({
          direction,
          reachedDeg: sideOf(target.direction).bestPeakDeg,
          targetDeg: target.min,
          previousDeg,
          change: rangeChange(comparison),
          deltaDeg: comparison?.change.deltaDeg ?? null,
        });
      }
    }
    const sides = planned.directions.map(sideOf);
    exercises.push({
      exerciseId: planned.id,
      title: definition === undefined ? planned.id : localizer.pick(definition.title),
      status: result.status,
      reps,
      repsTarget: planned.repsTarget,
      ranges,
      smoothness: smoothnessGrade(sides.length === 1 && sides[0] !== undefined ? meanSparc(sides[0]) : meanOfSides(sides)),
      warnings: Object.entries(result.warnings).map(([code, count]) => ({ code, count })),
      guided,
    });
  });
  return { exercises, endedForPain: state.endReason === 'pain' };
}
