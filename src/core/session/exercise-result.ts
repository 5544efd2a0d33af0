import { TRACKING_MODES, type TrackingMode } from '../protocol/positions';
import type { RepSide } from './rep-side';
import type { RepMetrics } from './session-actions';
import { stringEnum, type EnumValue } from '../string-enum';

export const EXERCISE_STATUSES = stringEnum(
  'pending', 'active', 'done', 'skipped', 'stopped', 'pain',
  'locked', // Not allowed in the plan's mode (exacerbation): never started.
);
export type ExerciseStatus = EnumValue<typeof EXERCISE_STATUSES>;

/** Per side (direction) tallies. Smoothness is kept as sums so that means stay exact. */
export interface SideResult {
  /** Complete reps plus completed holds: what counts toward the target. */
  readonly reps: number;
  /** Reps reported but not complete, plus abandoned movements. */
  readonly incomplete: number;
  readonly holdsCompleted: number;
  readonly holdsBroken: number;
  /** Of `reps`, those the person confirmed in a guided exercise: counted, never measured. */
  readonly confirmed: number;
  /** Largest peak of any recorded rep on this side, degrees; null before the first. */
  readonly bestPeakDeg: number | null;
  readonly sparcSum: number;
  readonly sparcCount: number;
  readonly ldjSum: number;
  readonly ldjCount: number;
}

export interface ExerciseResult {
  readonly exerciseId: string;
  readonly status: ExerciseStatus;
  /** Tallies per direction; directions never seen have no entry. */
  readonly sides: Readonly<Partial<Record<RepSide, SideResult>>>;
  /** Warning feedback codes and how often each was given. */
  readonly warnings: Readonly<Record<string, number>>;
  readonly pain: boolean;
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
  /** Time spent active (not paused, person present), ms. */
  readonly activeMs: number;
  /**
   * Guided: counted from the person's confirmations, never measured (the plan's choice, or the
   * person's when the camera could not be placed for the position).
   */
  readonly tracking: TrackingMode;
}

export const EMPTY_SIDE_RESULT: SideResult = {
  reps: 0,
  incomplete: 0,
  holdsCompleted: 0,
  holdsBroken: 0,
  confirmed: 0,
  bestPeakDeg: null,
  sparcSum: 0,
  sparcCount: 0,
  ldjSum: 0,
  ldjCount: 0,
};

export function emptyExerciseResult(
  exerciseId: string,
  status: ExerciseStatus,
  tracking: TrackingMode = TRACKING_MODES.measured,
): ExerciseResult {
  return {
    exerciseId,
    status,
    sides: {},
    warnings: {},
    pain: false,
    startedAtMs: null,
    endedAtMs: null,
    activeMs: 0,
    tracking,
  };
}

function updateSide(
  result: ExerciseResult,
  side: RepSide,
  update: (previous: SideResult) => SideResult,
): ExerciseResult {
  return { ...result, sides: { ...result.sides, [side]: update(result.sides[side] ?? EMPTY_SIDE_RESULT) } };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function withRep(result: ExerciseResult, rep: RepMetrics): ExerciseResult {
  const peak = Math.abs(rep.peakDeg);
  const sparc = finiteOrNull(rep.sparc);
  const ldj = finiteOrNull(rep.ldj);
  return updateSide(result, rep.side, (previous) => ({
    ...previous,
    reps: previous.reps + (rep.complete ? 1 : 0),
    incomplete: previous.incomplete + (rep.complete ? 0 : 1),
    bestPeakDeg:
      Number.isFinite(peak) && (previous.bestPeakDeg === null || peak > previous.bestPeakDeg)
        ? peak
        : previous.bestPeakDeg,
    sparcSum: previous.sparcSum + (sparc ?? 0),
    sparcCount: previous.sparcCount + (sparc === null ? 0 : 1),
    ldjSum: previous.ldjSum + (ldj ?? 0),
    ldjCount: previous.ldjCount + (ldj === null ? 0 : 1),
  }));
}

export function withIncompleteRep(result: ExerciseResult, side: RepSide): ExerciseResult {
  return updateSide(result, side, (previous) => ({ ...previous, incomplete: previous.incomplete + 1 }));
}

export function withHold(result: ExerciseResult, side: RepSide, completed: boolean): ExerciseResult {
  return updateSide(result, side, (previous) =>
    completed
      ? { ...previous, reps: previous.reps + 1, holdsCompleted: previous.holdsCompleted + 1 }
      : { ...previous, holdsBroken: previous.holdsBroken + 1 },
  );
}

export function withConfirmedRep(result: ExerciseResult, side: RepSide): ExerciseResult {
  return updateSide(result, side, (previous) => ({ ...previous, reps: previous.reps + 1, confirmed: previous.confirmed + 1 }));
}

export function isGuidedResult(result: ExerciseResult | undefined): boolean {
  return result?.tracking === TRACKING_MODES.guided;
}

export function withWarning(result: ExerciseResult, code: string): ExerciseResult {
  const previous = Object.hasOwn(result.warnings, code) ? (result.warnings[code] ?? 0) : 0;
  return { ...result, warnings: { ...result.warnings, [code]: previous + 1 } };
}

export function meanSparc(side: SideResult): number | null {
  return side.sparcCount === 0 ? null : side.sparcSum / side.sparcCount;
}

export function meanLdj(side: SideResult): number | null {
  return side.ldjCount === 0 ? null : side.ldjSum / side.ldjCount;
}
