import { ARM_POSES, isPhotoArmPose, lyingPoseOf, type ArmPose } from './arm-pose';
import { CHANNEL_KEY } from './body-timeline';
import { POSITIONS, isLying, type Position } from './lying-rig';
import { CAMERA_SIDES, DEFAULT_SCAN_CAMERA, type ScanCamera } from './scan-rig';
import { SPEED_PROFILE_NAMES, type SpeedProfile } from './speed-profiles';

/**
 * A scripted head movement, as written in fixtures/trajectories/*.json. Angles are absolute head
 * angles relative to the photo's own (neutral) pose, in the project's convention (head-angles.ts).
 * The clip starts at neutral; each segment starts where the previous one ended.
 */
export const AXES = ['yaw', 'pitch', 'roll'] as const;
export type Axis = (typeof AXES)[number];

export const TEMPOS = ['normal', 'too-fast'] as const;
export type Tempo = (typeof TEMPOS)[number];

/**
 * As the subject would see the path drawn in front of them (the protocol's reading): clockwise goes
 * from the bottom (chin down) to the subject's LEFT (yaw > 0), to the top, to the right.
 */
export const CIRCLE_DIRECTIONS = ['clockwise', 'counterclockwise'] as const;
export type CircleDirection = (typeof CIRCLE_DIRECTIONS)[number];

/**
 * The protocol's directions (core/protocol/exercise-definition.ts): a rep's side for counting.
 * `none` for oscillations (nods, shakes), counted as a whole.
 */
export const REP_SIDES = ['left', 'right', 'up', 'down', 'clockwise', 'counterclockwise', 'forward', 'back', 'none'] as const;
export type RepSide = (typeof REP_SIDES)[number];

export interface PoseTarget {
  readonly yawDeg?: number;
  readonly pitchDeg?: number;
  readonly rollDeg?: number;
}

/**
 * What every segment may say about the arms: `rest` (default: the photo's own arms) or a rendered
 * pose, held for the whole segment (the arms switch at segment boundaries, between two frames).
 */
interface WithArms {
  readonly arms: ArmPose;
}

/** Keep the current pose perfectly still. */
export interface HoldSegment extends WithArms {
  readonly kind: 'hold';
  readonly durationMs: number;
}

/** Move to a pose (not a repetition: e.g. take the forward tilt before circles). */
export interface MoveSegment extends WithArms {
  readonly kind: 'move';
  readonly to: PoseTarget;
  readonly durationMs: number;
  readonly profile: SpeedProfile;
}

/**
 * One repetition: from the current pose out along one axis by peakDeg (signed), hold, and back.
 * `counts` is false for a deliberately incomplete rep (too shallow for the exercise); `tempo`
 * says whether the rep was scripted as too fast (the counter should flag it).
 */
/** Out, hold and back, as a head rep and a body rep both have them. */
interface RepTiming extends WithArms {
  readonly outMs: number;
  readonly holdMs: number;
  readonly backMs: number;
  readonly profile: SpeedProfile;
  readonly counts: boolean;
  readonly tempo: Tempo;
  /** Side it counts for; by default from the axis (or channel) and the sign (yaw/roll > 0 left, pitch > 0 up). */
  readonly side: RepSide | null;
}

export interface RepSegment extends RepTiming {
  readonly kind: 'rep';
  readonly axis: Axis;
  readonly peakDeg: number;
}

/**
 * One oscillation (a "no" shake): from the current pose to +amplitudeDeg on the axis, through to
 * −amplitudeDeg, and back, as one smooth movement (φ = 2π·s(τ), offset = A·sin φ). Counts as one.
 */
export interface SwingSegment extends WithArms {
  readonly kind: 'swing';
  readonly axis: Axis;
  readonly amplitudeDeg: number;
  readonly durationMs: number;
  readonly profile: SpeedProfile;
  readonly counts: boolean;
  readonly tempo: Tempo;
}

/**
 * One full head circle that starts and ends at the current pose, which is the circle's lowest
 * (most chin-down) point: with φ = 2π·s(τ), yaw = yaw₀ ± r·sin φ and pitch = pitch₀ + r·(1 − cos φ).
 * So circles "tilted slightly forward" start with a move down to (centre pitch − r).
 */
export interface CircleSegment extends WithArms {
  readonly kind: 'circle';
  readonly radiusDeg: number;
  readonly durationMs: number;
  readonly direction: CircleDirection;
  readonly profile: SpeedProfile;
  readonly counts: boolean;
  readonly tempo: Tempo;
}

/**
 * The trunk (the whole bust, scan subject only) turns about the vertical axis through the spine to
 * `yawDeg` (absolute, > 0 toward the subject's left) while the head keeps its angles relative to
 * the trunk (so in the camera's view it turns with it). Not a rep.
 */
export interface TrunkSegment extends WithArms {
  readonly kind: 'trunk';
  readonly yawDeg: number;
  readonly durationMs: number;
  readonly profile: SpeedProfile;
}

/**
 * What the scan's body does besides the arms' pose (the head holds still meanwhile): the shoulder
 * girdle's elevation (cm, > 0 up: shrugs) and protraction (cm, > 0 forward, < 0 back), the
 * elbows' flexion of the `arms-flexed` pose (degrees, 0 = straight), and lying on the back the
 * torso's rise about the hips (degrees) and the breath's rise of chest and stomach (cm).
 */
export const BODY_CHANNELS = ['elevation', 'protraction', 'elbow-flexion', 'torso-rise', 'breath'] as const;
export type BodyChannel = (typeof BODY_CHANNELS)[number];
/** The channels only a lying body has. */
const LYING_CHANNELS: readonly BodyChannel[] = ['torso-rise', 'breath'];

export interface BodyTarget {
  readonly elevationCm?: number;
  readonly protractionCm?: number;
  readonly elbowFlexionDeg?: number;
  readonly torsoRiseDeg?: number;
  readonly breathCm?: number;
}

/** The body moves to a pose (not a repetition: e.g. raise the shoulders to a circle's top). */
export interface BodyMoveSegment extends WithArms {
  readonly kind: 'body-move';
  readonly to: BodyTarget;
  readonly durationMs: number;
  readonly profile: SpeedProfile;
}

/**
 * One repetition of the body on one channel: out by `peak` (signed, the channel's unit), hold, back.
 * Its side: elevation `up`, protraction `forward`/`back` by sign, elbow flexion `none` (or `side`).
 */
export interface BodyRepSegment extends RepTiming {
  readonly kind: 'body-rep';
  readonly channel: BodyChannel;
  readonly peak: number;
}

/** Shoulder circles: `forward` = top → front → bottom → back (the protocol's), `back` the other way. */
export const SHOULDER_CIRCLE_DIRECTIONS = ['forward', 'back'] as const;
export type ShoulderCircleDirection = (typeof SHOULDER_CIRCLE_DIRECTIONS)[number];

/**
 * One shoulder circle of the girdle in the (protraction, elevation) plane, radius `radiusCm`, that
 * starts and ends at the current body pose, which is the circle's top: with φ = 2π·s(τ),
 * protraction = p₀ ± r·sin φ, elevation = e₀ − r·(1 − cos φ). So circles about the rest position
 * start with a body-move up by r.
 */
export interface BodyCircleSegment extends WithArms {
  readonly kind: 'body-circle';
  readonly radiusCm: number;
  readonly durationMs: number;
  readonly direction: ShoulderCircleDirection;
  readonly profile: SpeedProfile;
  readonly counts: boolean;
  readonly tempo: Tempo;
}

export type BodySegment = BodyMoveSegment | BodyRepSegment | BodyCircleSegment;
export type Segment = HoldSegment | MoveSegment | RepSegment | SwingSegment | CircleSegment | TrunkSegment | BodySegment;

export function isBodySegment(segment: Segment): segment is BodySegment {
  return segment.kind === 'body-move' || segment.kind === 'body-rep' || segment.kind === 'body-circle';
}

/**
 * Whether a trajectory shows the scan's body (shirt, arms, moving shoulders): when any segment poses
 * the arms or moves the body. Otherwise the scan is the bare bust it always was.
 */
export function hasBody(trajectory: Pick<Trajectory, 'subject' | 'segments' | 'position'>): boolean {
  return trajectory.subject === 'scan' && (trajectory.position !== 'upright' || trajectory.segments.some((s) => s.arms !== 'rest' || isBodySegment(s)));
}

/** What is rendered: the photo-based head (`photo`) or the scanned bust (`scan`). */
export const SUBJECTS = ['photo', 'scan'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Lighting setups of the scan (the photo head carries its photo's own lighting). */
export const SCAN_LIGHTINGS = ['soft-front', 'side-key', 'dim-warm'] as const;
export type ScanLighting = (typeof SCAN_LIGHTINGS)[number];

export interface Trajectory {
  readonly id: string;
  /** Exercise id from the protocol (shared/protocol/exercises.md). */
  readonly exercise: string;
  readonly description: string;
  readonly fps: number;
  readonly subject: Subject;
  /** Scan only: sitting or standing (`upright`, default), lying on the back (`supine`) or face down (`prone`), seen from the side. */
  readonly position: Position;
  /** Scan only (the photo head's camera is fixed by the photo); its meaning lying: lying-rig.ts floorCameraPose. */
  readonly camera: ScanCamera;
  readonly lighting: ScanLighting;
  /**
   * Angles in segments are the head relative to the trunk (the neck's angles); the truth file gives
   * the head in the camera's axes too (they differ when the trunk turns or the camera looks down).
   */
  readonly segments: readonly Segment[];
}

export const CLIP_WIDTH = 640;
export const CLIP_HEIGHT = 480;
export const DEFAULT_FPS = 30;
/** Beyond this the textured head no longer looks like a face (see docs/clipgen.md). */
export const MAX_ABS_ANGLE_DEG = 90;

export class TrajectoryError extends Error {
  override readonly name = 'TrajectoryError';
}

type Json = Readonly<Record<string, unknown>>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(o: Json, key: string, where: string, opts: { min?: number; max?: number; fallback?: number } = {}): number {
  const v = o[key] ?? opts.fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TrajectoryError(`${where}.${key}: expected a finite number`);
  if (opts.min !== undefined && v < opts.min) throw new TrajectoryError(`${where}.${key}: must be ≥ ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) throw new TrajectoryError(`${where}.${key}: must be ≤ ${opts.max}, got ${v}`);
  return v;
}

function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) throw new TrajectoryError(`${where}.${key}: expected a non-empty string`);
  return v;
}

function oneOf<T extends string>(o: Json, key: string, where: string, allowed: readonly T[], fallback: T): T {
  const v = o[key] ?? fallback;
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new TrajectoryError(`${where}.${key}: expected one of ${allowed.join(', ')}, got ${String(v)}`);
  return found;
}

function bool(o: Json, key: string, where: string, fallback: boolean): boolean {
  const v = o[key] ?? fallback;
  if (typeof v !== 'boolean') throw new TrajectoryError(`${where}.${key}: expected true or false`);
  return v;
}

const ANGLE_LIMIT = { min: -MAX_ABS_ANGLE_DEG, max: MAX_ABS_ANGLE_DEG };

function parsePose(v: unknown, where: string): PoseTarget {
  if (!isObject(v)) throw new TrajectoryError(`${where}: expected an object with yawDeg/pitchDeg/rollDeg`);
  const pose: { yawDeg?: number; pitchDeg?: number; rollDeg?: number } = {};
  for (const key of ['yawDeg', 'pitchDeg', 'rollDeg'] as const) {
    if (v[key] !== undefined) pose[key] = num(v, key, where, ANGLE_LIMIT);
  }
  for (const key of Object.keys(v)) {
    if (key !== 'yawDeg' && key !== 'pitchDeg' && key !== 'rollDeg') throw new TrajectoryError(`${where}.${key}: unknown field`);
  }
  return pose;
}

/** What a head rep and a body rep share: out, hold and back, the profile, whether it counts, its tempo and side. */
function repParts(v: Json, where: string, profile: () => SpeedProfile): Omit<RepTiming, 'arms'> {
  return {
    outMs: num(v, 'outMs', where, { min: 1 }),
    holdMs: num(v, 'holdMs', where, { min: 0, fallback: 0 }),
    backMs: num(v, 'backMs', where, { min: 1 }),
    profile: profile(),
    counts: bool(v, 'counts', where, true),
    tempo: oneOf(v, 'tempo', where, TEMPOS, 'normal'),
    side: v['side'] === undefined ? null : oneOf(v, 'side', where, REP_SIDES, 'none'),
  };
}

/** Duration, speed profile, counting and tempo of one cycle (a swing, a head or a shoulder circle). */
function cycleParts(v: Json, where: string, profile: () => SpeedProfile): Pick<SwingSegment, 'durationMs' | 'profile' | 'counts' | 'tempo'> {
  return {
    durationMs: num(v, 'durationMs', where, { min: 1 }),
    profile: profile(),
    counts: bool(v, 'counts', where, true),
    tempo: oneOf(v, 'tempo', where, TEMPOS, 'normal'),
  };
}

/** Body limits: shrugs to 10 cm, protraction ±8 cm, elbow flexion 0–150°, lying: a rise to 70°, a breath to 4 cm. */
const BODY_LIMITS = {
  elevationCm: { min: -3, max: 10 },
  protractionCm: { min: -8, max: 8 },
  elbowFlexionDeg: { min: 0, max: 150 },
  torsoRiseDeg: { min: 0, max: 70 },
  breathCm: { min: 0, max: 4 },
} as const;
type BodyKey = keyof typeof BODY_LIMITS;

function isBodyKey(key: string): key is BodyKey {
  return Object.hasOwn(BODY_LIMITS, key);
}

function parseBodyTarget(v: unknown, where: string): BodyTarget {
  if (!isObject(v)) throw new TrajectoryError(`${where}: expected an object with ${Object.keys(BODY_LIMITS).join('/')}`);
  const target: { -readonly [K in BodyKey]?: number } = {};
  for (const key of Object.keys(v)) {
    if (!isBodyKey(key)) throw new TrajectoryError(`${where}.${key}: unknown field`);
    target[key] = num(v, key, where, BODY_LIMITS[key]);
  }
  return target;
}

/** Whether a body segment moves a channel only a lying body has. */
function movesLyingChannel(segment: Segment): boolean {
  if (segment.kind === 'body-rep') return LYING_CHANNELS.includes(segment.channel);
  return segment.kind === 'body-move' && (segment.to.torsoRiseDeg !== undefined || segment.to.breathCm !== undefined);
}

function parseBodySegment(v: Json, where: string, arms: ArmPose, profile: () => SpeedProfile): BodySegment | null {
  switch (v['kind']) {
    case 'body-move':
      return { kind: 'body-move', to: parseBodyTarget(v['to'], `${where}.to`), durationMs: num(v, 'durationMs', where, { min: 1 }), profile: profile(), arms };
    case 'body-rep': {
      const channel = oneOf(v, 'channel', where, BODY_CHANNELS, 'elevation');
      const limits = BODY_LIMITS[CHANNEL_KEY[channel]];
      // A lying body rises from the floor: its reps go up only.
      const peak = num(v, 'peak', where, { min: LYING_CHANNELS.includes(channel) ? 0 : -limits.max, max: limits.max });
      if (peak === 0) throw new TrajectoryError(`${where}.peak: a rep needs a non-zero excursion`);
      return { kind: 'body-rep', channel, peak, ...repParts(v, where, profile), arms };
    }
    case 'body-circle':
      return {
        kind: 'body-circle',
        radiusCm: num(v, 'radiusCm', where, { min: 0.5, max: 6 }),
        direction: oneOf(v, 'direction', where, SHOULDER_CIRCLE_DIRECTIONS, 'forward'),
        ...cycleParts(v, where, profile),
        arms,
      };
    default:
      return null;
  }
}

function parseSegment(v: unknown, where: string): Segment {
  if (!isObject(v)) throw new TrajectoryError(`${where}: expected an object`);
  const kind = v['kind'];
  const profile = (): SpeedProfile => oneOf(v, 'profile', where, SPEED_PROFILE_NAMES, 'minimum-jerk');
  const arms = oneOf(v, 'arms', where, ARM_POSES, 'rest');
  const body = parseBodySegment(v, where, arms, profile);
  if (body !== null) return body;
  switch (kind) {
    case 'hold':
      return { kind, durationMs: num(v, 'durationMs', where, { min: 1 }), arms };
    case 'move':
      return { kind, to: parsePose(v['to'], `${where}.to`), durationMs: num(v, 'durationMs', where, { min: 1 }), profile: profile(), arms };
    case 'rep': {
      const peakDeg = num(v, 'peakDeg', where, ANGLE_LIMIT);
      if (peakDeg === 0) throw new TrajectoryError(`${where}.peakDeg: a rep needs a non-zero excursion`);
      return { kind, axis: oneOf(v, 'axis', where, AXES, 'yaw'), peakDeg, ...repParts(v, where, profile), arms };
    }
    case 'swing': {
      const amplitudeDeg = num(v, 'amplitudeDeg', where, { min: -45, max: 45 });
      if (amplitudeDeg === 0) throw new TrajectoryError(`${where}.amplitudeDeg: a swing needs a non-zero amplitude`);
      return {
        kind,
        axis: oneOf(v, 'axis', where, AXES, 'yaw'),
        amplitudeDeg,
        ...cycleParts(v, where, profile),
        arms,
      };
    }
    case 'circle':
      return {
        kind,
        radiusDeg: num(v, 'radiusDeg', where, { min: 0.5, max: 45 }),
        direction: oneOf(v, 'direction', where, CIRCLE_DIRECTIONS, 'clockwise'),
        ...cycleParts(v, where, profile),
        arms,
      };
    case 'trunk':
      return {
        kind,
        yawDeg: num(v, 'yawDeg', where, { min: -60, max: 60 }),
        durationMs: num(v, 'durationMs', where, { min: 1 }),
        profile: profile(),
        arms,
      };
    default:
      throw new TrajectoryError(`${where}.kind: expected hold, move, rep, swing, circle, trunk, body-move, body-rep or body-circle, got ${String(kind)}`);
  }
}

/** Validates a parsed JSON value; throws TrajectoryError naming the first bad field. */
export function parseTrajectory(value: unknown): Trajectory {
  if (!isObject(value)) throw new TrajectoryError('trajectory: expected an object');
  const segmentsValue = value['segments'];
  if (!Array.isArray(segmentsValue) || segmentsValue.length === 0) {
    throw new TrajectoryError('trajectory.segments: expected a non-empty array');
  }
  const fps = num(value, 'fps', 'trajectory', { min: 1, max: 120, fallback: DEFAULT_FPS });
  if (!Number.isInteger(fps)) throw new TrajectoryError('trajectory.fps: expected an integer');
  const subject = oneOf(value, 'subject', 'trajectory', SUBJECTS, 'photo');
  const position = oneOf(value, 'position', 'trajectory', POSITIONS, 'upright');
  const segments = segmentsValue.map((s: unknown, i) => parseSegment(s, `trajectory.segments[${i}]`));
  if (isLying(position) && subject !== 'scan') throw new TrajectoryError('trajectory.position: only the scan subject lies down');
  if (isLying(position) && segments.some((s) => s.kind === 'trunk')) throw new TrajectoryError('trajectory.segments: a trunk turn needs the upright position');
  segments.forEach((s, i) => {
    const needs = movesLyingChannel(s) ? 'supine' : lyingPoseOf(s.arms);
    if (needs !== null && needs !== position) throw new TrajectoryError(`trajectory.segments[${i}]: this pose or channel needs "position": "${needs}"`);
  });
  if (subject === 'photo') {
    for (const key of ['camera', 'lighting', 'position'] as const) {
      if (value[key] !== undefined) throw new TrajectoryError(`trajectory.${key}: only the scan subject has one`);
    }
    if (segments.some((s) => s.kind === 'trunk')) throw new TrajectoryError('trajectory.segments: a trunk turn needs the scan subject');
    const bodyOnly = segments.findIndex((s) => isBodySegment(s) || !isPhotoArmPose(s.arms));
    if (bodyOnly >= 0) throw new TrajectoryError(`trajectory.segments[${bodyOnly}]: only the scan subject has a body to move or to pose this way`);
  }
  return {
    id: str(value, 'id', 'trajectory'),
    exercise: str(value, 'exercise', 'trajectory'),
    description: typeof value['description'] === 'string' ? value['description'] : '',
    fps,
    subject,
    position,
    camera: parseCamera(value['camera'], position),
    lighting: oneOf(value, 'lighting', 'trajectory', SCAN_LIGHTINGS, 'soft-front'),
    segments,
  };
}

const LYING_CAMERA_LIMITS = {
  distanceM: { min: 0.8, max: 3, fallback: 2 },
  heightM: { min: 0.1, max: 1.2, fallback: 0.5 },
  offsetM: { min: -1, max: 1, fallback: 0 },
} as const;

/**
 * Camera limits per position. Upright: distance to the eyes, height relative to them, the head's
 * offset from the axis. Lying: distance from the body's midline, height above the floor, the
 * camera's place along the body from its middle (lying-rig.ts floorCameraPose).
 */
const CAMERA_LIMITS: Readonly<Record<Position, Readonly<Record<Exclude<keyof ScanCamera, 'side'>, { min: number; max: number; fallback: number }>>>> = {
  upright: {
    distanceM: { min: 0.4, max: 2.5, fallback: DEFAULT_SCAN_CAMERA.distanceM },
    heightM: { min: -0.5, max: 0.5, fallback: DEFAULT_SCAN_CAMERA.heightM },
    offsetM: { min: -1, max: 1, fallback: DEFAULT_SCAN_CAMERA.offsetM },
  },
  supine: LYING_CAMERA_LIMITS,
  prone: LYING_CAMERA_LIMITS,
};

function parseCamera(v: unknown, position: Position): ScanCamera {
  const limits = CAMERA_LIMITS[position];
  const where = 'trajectory.camera';
  const given = v ?? {};
  if (!isObject(given)) throw new TrajectoryError(`${where}: expected an object with distanceM/heightM/offsetM`);
  for (const key of Object.keys(given)) {
    if (key !== 'distanceM' && key !== 'heightM' && key !== 'offsetM' && key !== 'side') throw new TrajectoryError(`${where}.${key}: unknown field`);
  }
  const placement = {
    distanceM: num(given, 'distanceM', where, limits.distanceM),
    heightM: num(given, 'heightM', where, limits.heightM),
    offsetM: num(given, 'offsetM', where, limits.offsetM),
  };
  if (given['side'] === undefined) return placement;
  if (!isLying(position)) throw new TrajectoryError(`${where}.side: only a lying position has a camera side`);
  return { ...placement, side: oneOf(given, 'side', where, CAMERA_SIDES, 'left') };
}
