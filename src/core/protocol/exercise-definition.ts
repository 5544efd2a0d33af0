import type { LocalizedText } from './localized-text';

export const SET_IDS = {
  /** Simple series A: large-amplitude warm-up turns and tilts. */
  simpleA: 'simple-a',
  /** Simple series B: prevention and treatment. */
  simpleB: 'simple-b',
  /** Complicated series, first complex: remission only. */
  complexFirst: 'complex-1',
  /** Complicated series, second complex: allowed during exacerbation. */
  complexSecond: 'complex-2',
} as const;
export type SetId = (typeof SET_IDS)[keyof typeof SET_IDS];

export const POSTURES = {
  sitOrStand: 'sit-or-stand',
  sit: 'sit',
  stand: 'stand',
  lyingSupine: 'lying-supine',
  lyingProne: 'lying-prone',
  /** Lying on one side (no exercise of the protocol uses it yet; its setup step is ready). */
  lyingSide: 'lying-side',
} as const;
export type Posture = (typeof POSTURES)[keyof typeof POSTURES];

export const CAMERA_VIEWS = { front: 'front', side: 'side' } as const;
export type CameraView = (typeof CAMERA_VIEWS)[keyof typeof CAMERA_VIEWS];

/**
 * What the camera tracks. Head angles are relative to the calibrated neutral
 * (convention: head-angles.ts); body signals come from the 33 pose landmarks.
 */
export const SIGNALS = {
  yaw: 'yaw',
  pitch: 'pitch',
  roll: 'roll',
  /** The head's (yaw, pitch) path, for circles. */
  headPath: 'head-path',
  /** The elbow's path around the shoulder (depth, height), for shoulder circles. */
  elbowPath: 'elbow-path',
  /** Elbow flexion, 0° = straight arm. */
  elbowFlexion: 'elbow-flexion',
  /** Shoulder–ear distance drop, % of the settled distance (normalised by shoulder width). */
  shrug: 'shrug',
  /** Shoulders' depth relative to the ears, % of shoulder width (> 0 = forward). */
  shoulderDepth: 'shoulder-depth',
  /** Side view, lying: elevation of the hip→shoulder line, degrees. */
  torsoRise: 'torso-rise',
  /** Side view, lying: elevation of the shoulder→ear line above the torso line, degrees. */
  neckRise: 'neck-rise',
  handOnForehead: 'hand-on-forehead',
  handOnTemple: 'hand-on-temple',
  bothHandsOnForehead: 'both-hands-on-forehead',
  handsBehindHead: 'hands-behind-head',
  handsAtNeck: 'hands-at-neck',
  supineHandsPlaced: 'supine-hands-placed',
} as const;
export type TrackedSignal = (typeof SIGNALS)[keyof typeof SIGNALS];

export const COUNTING_KINDS = {
  /** One-sided excursions from neutral and back, counted per direction. */
  excursion: 'excursion',
  /** Small back-and-forth oscillations (nods, shakes): full cycles. */
  oscillation: 'oscillation',
  /** Closed loops of a 2-D path and their direction. */
  loop: 'loop',
  /** An isometric position held for a time. */
  hold: 'hold',
  /** A dose of time with a placement/posture check. */
  timed: 'timed',
} as const;
export type CountingKind = (typeof COUNTING_KINDS)[keyof typeof COUNTING_KINDS];

/**
 * Directions, from the subject's own point of view. `down`/`up` are pitch (flexion/extension)
 * or a lying body's rise; loops are clockwise as the subject would see the path drawn in front
 * of them; shoulders move `forward`/`back`.
 */
export const DIRECTIONS = {
  left: 'left',
  right: 'right',
  down: 'down',
  up: 'up',
  clockwise: 'clockwise',
  counterclockwise: 'counterclockwise',
  forward: 'forward',
  back: 'back',
  none: 'none',
} as const;
export type Direction = (typeof DIRECTIONS)[keyof typeof DIRECTIONS];

export const SIGNAL_UNITS = { deg: 'deg', percent: 'percent' } as const;
export type SignalUnit = (typeof SIGNAL_UNITS)[keyof typeof SIGNAL_UNITS];

/** A target range in the signal's unit: `min` is the least that counts, `max` the protocol's goal. */
export interface TargetRange {
  readonly direction: Direction;
  readonly min: number;
  readonly max: number;
}

export interface RepDose {
  readonly min: number;
  readonly max: number;
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
