/**
 * The demonstration's motion for every exercise, in a subset of the trajectory segment format of
 * fixtures/trajectories (rep: out, hold, back; hold; swing), extended with the channels a figure
 * needs beyond the head: shoulders (lift, forward), elbows and the torso of a lying person.
 * Head angles follow the project's convention (degrees; yaw > 0 left, pitch > 0 chin up,
 * roll > 0 left ear down); lift, forward and elbow are fractions of the full movement (0–1).
 */
export const CHANNELS = ['yaw', 'pitch', 'roll', 'lift', 'forward', 'elbow', 'torso'] as const;
export type Channel = (typeof CHANNELS)[number];

export type DemoSegment =
  | { readonly kind: 'hold'; readonly durationMs: number }
  | { readonly kind: 'rep'; readonly axis: Channel; readonly peak: number; readonly outMs: number; readonly holdMs: number; readonly backMs: number }
  /** One full oscillation: +amplitude, −amplitude, back (a nod, a shake, a breath). */
  | { readonly kind: 'swing'; readonly axis: Channel; readonly amplitude: number; readonly durationMs: number }
  /** One loop drawn by two channels (x = sin, y = −cos), `direction` 1 or −1. */
  | { readonly kind: 'loop'; readonly x: Channel; readonly y: Channel; readonly radius: number; readonly durationMs: number; readonly direction: 1 | -1 };

export type DemoPosture = 'sitting' | 'standing' | 'lying-back' | 'lying-front';
export type DemoArms =
  | 'rest'
  | 'palm-forehead'
  | 'palm-temple'
  | 'both-palms-forehead'
  | 'hands-behind-head'
  | 'arms-out'
  | 'hands-on-neck'
  | 'hands-on-shoulders'
  | 'elbow-flex'
  | 'hand-over-head'
  | 'hands-on-belly';

export interface DemoMotion {
  readonly posture: DemoPosture;
  readonly arms: DemoArms;
  readonly segments: readonly DemoSegment[];
}

const hold = (durationMs: number): DemoSegment => ({ kind: 'hold', durationMs });
const rep = (axis: Channel, peak: number, holdMs = 300, outMs = 1500, backMs = 1500): DemoSegment => ({ kind: 'rep', axis, peak, outMs, holdMs, backMs });
const swing = (axis: Channel, amplitude: number, durationMs = 1200): DemoSegment => ({ kind: 'swing', axis, amplitude, durationMs });
const bothSides = (axis: Channel, peak: number, holdMs = 300): DemoSegment[] => [rep(axis, peak, holdMs), hold(400), rep(axis, -peak, holdMs), hold(400)];
const press = (axis: Channel, peak: number, holdMs: number): DemoSegment[] => [hold(600), rep(axis, peak, holdMs, 800, 800), hold(600)];

const motion = (posture: DemoPosture, arms: DemoArms, segments: readonly DemoSegment[]): DemoMotion => ({ posture, arms, segments });

/** Keyed by the protocol's exercise id (src/core/protocol). */
export const DEMO_MOTIONS: Readonly<Record<string, DemoMotion>> = {
  'head-turns': motion('sitting', 'rest', [hold(600), ...bothSides('yaw', 50)]),
  'chin-to-chest': motion('sitting', 'rest', [hold(600), rep('pitch', -35, 500), hold(400)]),
  'head-back': motion('sitting', 'rest', [hold(600), rep('pitch', 35, 500), hold(400)]),
  'palm-forehead-press': motion('sitting', 'palm-forehead', press('pitch', -3, 3000)),
  'palm-temple-press': motion('sitting', 'palm-temple', [...press('roll', -3, 3000), ...press('roll', -3, 3000)]),
  'shoulder-shrug-hold': motion('sitting', 'rest', press('lift', 1, 3000)),
  'arms-out-head-turns': motion('standing', 'arms-out', [hold(600), ...bothSides('yaw', 50)]),
  'neck-self-massage': motion('sitting', 'hands-on-neck', [swing('elbow', 0.5, 1400), swing('elbow', 0.5, 1400), hold(300)]),
  'yes-nods': motion('sitting', 'rest', [hold(400), swing('pitch', 12), swing('pitch', 12), swing('pitch', 12)]),
  'no-shakes': motion('sitting', 'rest', [hold(400), swing('yaw', 16), swing('yaw', 16), swing('yaw', 16)]),
  'supine-breathing': motion('lying-back', 'hands-on-belly', [swing('lift', 0.6, 4000)]),
  'supine-rise-neck-stretch': motion('lying-back', 'rest', [hold(600), rep('torso', 25, 1000, 1800, 1800), hold(600)]),
  'prone-ear-to-floor': motion('lying-front', 'rest', [hold(600), ...bothSides('yaw', 70, 800)]),
  'seated-chin-press': motion('sitting', 'rest', [hold(600), rep('pitch', -25, 2000), hold(400)]),
  'head-circles': motion('sitting', 'rest', [{ kind: 'loop', x: 'yaw', y: 'pitch', radius: 15, durationMs: 4000, direction: 1 }, { kind: 'loop', x: 'yaw', y: 'pitch', radius: 15, durationMs: 4000, direction: -1 }]),
  'shoulder-circles': motion('sitting', 'hands-on-shoulders', [{ kind: 'loop', x: 'forward', y: 'lift', radius: 0.8, durationMs: 3000, direction: 1 }, { kind: 'loop', x: 'forward', y: 'lift', radius: 0.8, durationMs: 3000, direction: -1 }]),
  'arms-flex-extend': motion('standing', 'elbow-flex', [hold(400), rep('elbow', 1, 300, 1200, 1200), hold(400)]),
  'double-palm-forehead-press': motion('sitting', 'both-palms-forehead', press('pitch', -3, 3000)),
  'hands-behind-head-press': motion('sitting', 'hands-behind-head', press('pitch', 3, 3000)),
  'shoulders-forward-back': motion('sitting', 'rest', [hold(400), rep('forward', 1, 400, 1200, 1200), hold(300), rep('forward', -1, 400, 1200, 1200), hold(300)]),
  'supine-neck-raise-hold': motion('lying-back', 'rest', [hold(600), rep('pitch', -30, 5000, 1500, 1500), hold(600)]),
  'assisted-lateral-stretch': motion('sitting', 'hand-over-head', [hold(600), rep('roll', -30, 1500, 2000, 2000), hold(400)]),
};

export function demoMotionFor(exerciseId: string): DemoMotion | null {
  return DEMO_MOTIONS[exerciseId] ?? null;
}
