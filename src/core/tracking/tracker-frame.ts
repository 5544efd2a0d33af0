import type { HeadAngles, HeadPoseEstimate } from '../head-pose/head-angles';
import type { QualityProblem, TrackingQuality } from '../quality/quality-status';
import type { ExerciseEvent } from '../reps/exercise-events';
import type { ExerciseSample } from '../reps/exercise-sample';
import type { SessionAction } from '../session/session-actions';
import type { CalibrationProgress } from './calibration-progress';
import type { HoldProgress } from './hold-progress';
import type { PersonVerdict } from './people';

/** What the ExerciseTracker says about one frame: plain data, nothing to call back. */
export interface TrackerFrame {
  readonly tMs: number;
  /** The head pose relative to the camera (convention: head-angles.ts). */
  readonly estimate: HeadPoseEstimate;
  /** Angles relative to the neutral, smoothed, with velocity; before the quality gate. */
  readonly sample: ExerciseSample;
  readonly people: PersonVerdict;
  readonly quality: TrackingQuality;
  /** The reason while the quality is poor, else null. */
  readonly qualityProblem: QualityProblem | null;
  readonly neutral: HeadAngles | null;
  /** While the neutral is being taken (and on the frame it is taken); null otherwise. */
  readonly calibration: CalibrationProgress | null;
  readonly hold: HoldProgress | null;
  /** The engine's events on this frame (none without an exercise or while paused). */
  readonly events: readonly ExerciseEvent[];
  /** What these events (and a finished calibration) mean to the session reducer. */
  readonly actions: readonly SessionAction[];
}

export interface TrackerEnd {
  readonly events: readonly ExerciseEvent[];
  readonly actions: readonly SessionAction[];
}
