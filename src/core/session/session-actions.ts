import type { HeadAngles } from '../head-pose/head-angles';
import type { RepSide } from './rep-side';
import { stringEnum, type EnumValue } from '../string-enum';

export interface RepMetrics {
  readonly side: RepSide;
  /** Peak excursion from neutral in the rep's direction, degrees (magnitude, >= 0). */
  readonly peakDeg: number;
  readonly durationMs: number;
  /** Peak angular speed during the rep, deg/s. */
  readonly peakVelDegS: number;
  /** Spectral arc length of the speed profile (<= 0, closer to 0 = smoother); null if not computed. */
  readonly sparc: number | null;
  /** Log dimensionless jerk (<= 0, closer to 0 = smoother); null if not computed. */
  readonly ldj: number | null;
  /** Number of speed peaks (1 = one smooth movement). */
  readonly velocityPeaks: number;
  /** True when the rep reached its range and returned (counts toward the target). */
  readonly complete: boolean;
}

export const FEEDBACK_SEVERITIES = stringEnum('info', 'warning');
export type FeedbackSeverity = EnumValue<typeof FEEDBACK_SEVERITIES>;

/** An action that carries nothing but its time: one union member per type (so `Extract` finds each). */
type BareAction<T extends string> = T extends string ? { readonly type: T; readonly tMs: number } : never;

/**
 * Everything that can happen to a session. Each action carries its own `tMs` (the same
 * monotonic clock as the samples); `start` also carries the wall-clock ISO time so that stored
 * reps can be dated. Actions are plain JSON: the store logs them and replays them to rebuild
 * a session after a reload or crash.
 */
export type SessionAction =
  | { readonly type: 'start'; readonly tMs: number; readonly atIso: string }
  | { readonly type: 'calibrated'; readonly tMs: number; readonly neutral: HeadAngles }
  | { readonly type: 'rep-completed'; readonly tMs: number; readonly rep: RepMetrics }
  /** A movement that started but was abandoned (not a rep). */
  | { readonly type: 'rep-incomplete'; readonly tMs: number; readonly side: RepSide; readonly peakDeg: number }
  | { readonly type: 'hold-completed'; readonly tMs: number; readonly side: RepSide; readonly heldMs: number }
  | { readonly type: 'hold-broken'; readonly tMs: number; readonly side: RepSide; readonly heldMs: number }
  /** A rep the person says they did, in a guided exercise (nothing measured it). */
  | { readonly type: 'rep-confirmed'; readonly tMs: number; readonly side: RepSide }
  /** In a position's setup step: the camera cannot see this position, do its exercises guided. */
  | BareAction<'position-guided'>
  | {
      readonly type: 'feedback';
      readonly tMs: number;
      /** A stable message code (e.g. `too-fast`, `jerky`), translated by the UI. */
      readonly code: string;
      readonly severity: FeedbackSeverity;
    }
  | BareAction<'pause' | 'resume' | 'skip' | 'next' | 'tick' | 'stop' | 'pain-reported' | 'person-lost' | 'person-back'>;

export type SessionActionType = SessionAction['type'];

export const SESSION_ACTION_TYPES: readonly SessionActionType[] = [
  'start',
  'calibrated',
  'rep-completed',
  'rep-incomplete',
  'hold-completed',
  'hold-broken',
  'rep-confirmed',
  'position-guided',
  'feedback',
  'pause',
  'resume',
  'skip',
  'next',
  'tick',
  'stop',
  'pain-reported',
  'person-lost',
  'person-back',
];
