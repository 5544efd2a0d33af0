import type {
  EndReason,
  ExerciseSummary,
  RepMetrics,
  RepSide,
  SessionAction,
  SessionMode,
  SessionPlan,
} from '../core/session';
import { stringEnum, type EnumValue } from '../core/string-enum';

/**
 * What Atlas keeps in IndexedDB. Numbers only, never images: no frame, video or landmark is
 * ever stored. `tMs` values are on the session's own monotonic clock (see session-recorder.ts).
 */
export const SESSION_STATUSES = stringEnum('open', 'finished');
export type SessionStatus = EnumValue<typeof SESSION_STATUSES>;

export interface SessionRecord {
  readonly id: string;
  readonly status: SessionStatus;
  readonly startedAtIso: string;
  /** The `start` action's tMs: the origin for dating later actions. */
  readonly startedAtTMs: number;
  readonly plan: SessionPlan;
  readonly endedAtIso: string | null;
  readonly endReason: EndReason | null;
  /** Completed reps and holds so far (what makes the session count for the day). */
  readonly countedReps: number;
  /** Per-exercise results, written when the session finishes. */
  readonly summary: readonly ExerciseSummary[] | null;
}

/** One accepted session action, in order: the log a session is rebuilt from. */
export interface EventRecord {
  readonly sessionId: string;
  readonly seq: number;
  readonly action: SessionAction;
}

/** One completed rep, committed the moment it completes: where and when, and its measures. */
export interface RepRecord extends RepMetrics {
  readonly sessionId: string;
  /** The seq of the `rep-completed` event that carried it. */
  readonly seq: number;
  readonly exerciseId: string;
  readonly mode: SessionMode;
  readonly atIso: string;
  readonly tMs: number;
}

export interface PersonalBestRecord {
  readonly exerciseId: string;
  readonly side: RepSide;
  readonly peakDeg: number;
  readonly atIso: string;
  readonly sessionId: string;
}

export interface SettingsRecord {
  /** A BCP 47 language tag such as `en` or `ru`. */
  readonly language: string;
  readonly voiceOn: boolean;
  readonly mode: SessionMode;
  /** The set chosen last (a group id, or `custom`); absent until one was chosen. */
  readonly chosenSet?: string;
  /** "Reset targets": reps before this instant no longer shape the plan or the best. */
  readonly targetsResetAtIso?: string;
}

export const DEFAULT_SETTINGS: SettingsRecord = { language: 'en', voiceOn: true, mode: 'remission' };
