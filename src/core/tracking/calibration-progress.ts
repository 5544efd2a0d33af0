import type { HeadAngles } from '../head-pose/head-angles';
import { stringEnum, type EnumValue } from '../string-enum';

/**
 * Where taking the neutral stands. `hold`: the user holds still (NeutralCalibrator); `auto`: the
 * user skipped the hold, the neutral is the median of the first second of tracking (AutoNeutral)
 * and is taken after `autoNeutralWaitMs` of present frames.
 */
export const CALIBRATION_MODES = stringEnum('hold', 'auto');
export type CalibrationMode = EnumValue<typeof CALIBRATION_MODES>;

export const CALIBRATION_PHASES = stringEnum('counting', 'moved', 'done');
export type CalibrationPhase = EnumValue<typeof CALIBRATION_PHASES>;

export interface CalibrationProgress {
  readonly mode: CalibrationMode;
  readonly phase: CalibrationPhase;
  /** 0..1 of the hold (or of the automatic wait). */
  readonly progress: number;
  /** Milliseconds the whole hold (or wait) takes: with `progress`, what is left. */
  readonly durationMs: number;
  /** Set once `phase` is done. */
  readonly neutral: HeadAngles | null;
  /** Whether the neutral must be applied to the samples (a still hold; the automatic one already is). */
  readonly applyNeutral: boolean;
}

/** Whole seconds left, at least one while counting (what a countdown shows). */
export function secondsLeft(progress: CalibrationProgress): number {
  if (progress.phase === CALIBRATION_PHASES.done) return 0;
  return Math.max(1, Math.ceil(((1 - progress.progress) * progress.durationMs) / 1000));
}
