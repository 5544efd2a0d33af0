import type { LocalizedText } from './localized-text';
import type { NumericRange } from '../numeric-range';
import { stringEnum, type EnumValue } from '../string-enum';

export const SET_IDS = stringEnum(
  'simple-a', // Simple series A: large-amplitude warm-up turns and tilts.
  'simple-b', // Simple series B: prevention and treatment.
  'complex-1', // Complicated series, first complex: remission only.
  'complex-2', // Complicated series, second complex: allowed during exacerbation.
);
export type SetId = EnumValue<typeof SET_IDS>;

export const POSTURES = stringEnum(
  'sit-or-stand', 'sit', 'stand', 'lying-supine', 'lying-prone',
  'lying-side', // Lying on one side (no exercise of the protocol uses it yet; its setup step is ready).
);
export type Posture = EnumValue<typeof POSTURES>;

export const CAMERA_VIEWS = stringEnum('front', 'side');
export type CameraView = EnumValue<typeof CAMERA_VIEWS>;

/**
 * What the camera tracks. Head angles are relative to the calibrated neutral
 * (convention: head-angles.ts); body signals come from the 33 pose landmarks.
 */
export const SIGNALS = stringEnum(
  'yaw', 'pitch', 'roll',
  'head-path', // The head's (yaw, pitch) path, for circles.
  'elbow-path', // A shoulder circle's path: the hands on the shoulders coming in (forward) and their height (up).
  'elbow-flexion', // Elbow flexion, 0° = straight arm.
  'shrug', // Shoulder–ear distance drop, % of the settled distance (normalised by shoulder width).
  'shoulder-depth', // Shoulders forward/back: the shoulder–ear gap over the shoulder width, % of its settled value (> 0 = forward).
  'torso-rise', // Side view, lying: elevation of the hip→shoulder line, degrees.
  'neck-rise', // Side view, lying: elevation of the shoulder→ear line above the torso line, degrees.
  'hand-on-forehead', 'hand-on-temple', 'both-hands-on-forehead', 'hands-behind-head', 'hands-at-neck',
  'supine-hands-placed',
  'face-toward-camera', // Face down, a camera on the floor at one side: how far the face has turned toward it, 90 − |the face's yaw to the camera| (0 without a face), + when the camera is at the subject's left.
);
export type TrackedSignal = EnumValue<typeof SIGNALS>;

export const COUNTING_KINDS = stringEnum(
  'excursion', // One-sided excursions from neutral and back, counted per direction.
  'oscillation', // Small back-and-forth oscillations (nods, shakes): full cycles.
  'loop', // Closed loops of a 2-D path and their direction.
  'hold', // An isometric position held for a time.
  'timed', // A dose of time with a placement/posture check.
);
export type CountingKind = EnumValue<typeof COUNTING_KINDS>;

/**
 * Directions, from the subject's own point of view. `down`/`up` are pitch (flexion/extension)
 * or a lying body's rise; loops are clockwise as the subject would see the path drawn in front
 * of them; shoulders move `forward`/`back`.
 */
export const DIRECTIONS = stringEnum(
  'left', 'right', 'down', 'up', 'clockwise', 'counterclockwise', 'forward', 'back', 'none',
);
export type Direction = EnumValue<typeof DIRECTIONS>;

export const SIGNAL_UNITS = stringEnum('deg', 'percent');
export type SignalUnit = EnumValue<typeof SIGNAL_UNITS>;

/** A target range in the signal's unit: `min` is the least that counts, `max` the protocol's goal. */
export interface TargetRange extends NumericRange {
  readonly direction: Direction;
}

/** The protocol's repetitions (or holds), e.g. 7–20: `min` is the session's default target, `max` where counting stops. */
export interface RepDose extends NumericRange {
  /** True when the dose is per side/direction (each direction reaches it). */
  readonly perSide: boolean;
}

export interface ExerciseDefinition {
  readonly id: string;
  readonly setId: SetId;
  readonly title: LocalizedText;
  /** Steps in the user's words (shortened from the protocol). */
  readonly instructions: readonly LocalizedText[];
  readonly posture: Posture;
  readonly view: CameraView;
  readonly signal: TrackedSignal;
  readonly unit: SignalUnit;
  readonly counting: CountingKind;
  /** The directions counted separately (bySide keys); `[none]` when not sided. */
  readonly directions: readonly Direction[];
  /** Per direction; empty for holds and timed exercises. */
  readonly targets: readonly TargetRange[];
  /** Null for timed exercises. */
  readonly reps: RepDose | null;
  /** Seconds a hold (or the end position of a rep) must last; null when there is none. */
  readonly holdSeconds: number | null;
  /** Seconds of a timed exercise; null otherwise. */
  readonly durationSeconds: number | null;
  /** Fastest acceptable angular (or relative) speed before "too fast", unit/s. */
  readonly maxSpeedPerS: number;
  readonly safety: readonly LocalizedText[];
  /** Where the protocol is ambiguous: how this product reads it (say so to the user). */
  readonly readings: readonly LocalizedText[];
}

export interface ExerciseSet {
  readonly id: SetId;
  readonly title: LocalizedText;
  readonly lockedInExacerbation: boolean;
  /** The protocol's own words behind the lock (or the permission). */
  readonly lockQuote: string;
  readonly lockReading: LocalizedText | null;
  readonly exerciseIds: readonly string[];
}

export interface Protocol {
  readonly sets: readonly ExerciseSet[];
  readonly exercises: readonly ExerciseDefinition[];
}
