import type { Landmark } from '../landmarks';
import { POSE } from '../pose-indices';
import type { Direction } from '../protocol/exercise-definition';
import { ARM, SIDES, distance2d, handDistance, midpoint, shoulders, visiblePoint, type BodyPoint } from './body-geometry';
import { sideBody } from './body-signals';
import { BREAK_REASONS, type BreakReason } from './exercise-events';
import { hypot2 } from '../geometry/hypot';

/** Whether the hands/body are where the exercise needs them; if not, why. */
export interface Placement {
  readonly ok: boolean;
  readonly reason: BreakReason;
  readonly side: Direction;
}

const NOT_SEEN: Placement = { ok: false, reason: BREAK_REASONS.lostSignal, side: 'none' };
const HAND_AWAY: Placement = { ok: false, reason: BREAK_REASONS.handAway, side: 'none' };
const OK_NONE: Placement = { ok: true, reason: BREAK_REASONS.handAway, side: 'none' };

/** A hand (its nearest point) within this many head sizes of the target is "on" it. */
const ON_HEAD_REACH = 0.7;
/** Hands at the neck: within this many shoulder widths of the neck point. */
const NECK_REACH = 0.45;

interface Head {
  readonly eyes: BodyPoint;
  readonly mouth: BodyPoint;
  /** Ear-to-ear width, or 2.5 eye–mouth distances when an ear is hidden (about the same). */
  readonly size: number;
  readonly leftEar: BodyPoint | null;
  readonly rightEar: BodyPoint | null;
}

function head(pose: readonly Landmark[], aspect: number): Head | null {
  const le = visiblePoint(pose, POSE.leftEye, aspect);
  const re = visiblePoint(pose, POSE.rightEye, aspect);
  const ml = visiblePoint(pose, POSE.mouthLeft, aspect);
  const mr = visiblePoint(pose, POSE.mouthRight, aspect);
  if (le === null || re === null || ml === null || mr === null) return null;
  const eyes = midpoint(le, re);
  const mouth = midpoint(ml, mr);
  const leftEar = visiblePoint(pose, POSE.leftEar, aspect);
  const rightEar = visiblePoint(pose, POSE.rightEar, aspect);
  const earWidth = leftEar !== null && rightEar !== null ? distance2d(leftEar, rightEar) : 0;
  return { eyes, mouth, size: Math.max(earWidth, 2.5 * distance2d(eyes, mouth)), leftEar, rightEar };
}

/** Forehead: above the eyes by about the eye–mouth distance. */
function forehead(h: Head): BodyPoint {
  return { x: 2 * h.eyes.x - h.mouth.x, y: 2 * h.eyes.y - h.mouth.y, z: h.eyes.z, visible: true };
}

function nearestHand(pose: readonly Landmark[], aspect: number, target: BodyPoint): number {
  return Math.min(...SIDES.map((side) => handDistance(pose, side, aspect, target)));
}

export function handOnForehead(pose: readonly Landmark[], aspect: number): Placement {
  const h = head(pose, aspect);
  if (h === null) return NOT_SEEN;
  return nearestHand(pose, aspect, forehead(h)) <= ON_HEAD_REACH * h.size ? OK_NONE : HAND_AWAY;
}

export function bothHandsOnForehead(pose: readonly Landmark[], aspect: number): Placement {
  const h = head(pose, aspect);
  if (h === null) return NOT_SEEN;
  const target = forehead(h);
  const both = SIDES.every((side) => handDistance(pose, side, aspect, target) <= ON_HEAD_REACH * h.size);
  return both ? OK_NONE : HAND_AWAY;
}

/** Temples: between the ear and the eye, a little above. The side is the temple's (subject's own). */
export function handOnTemple(pose: readonly Landmark[], aspect: number): Placement {
  const h = head(pose, aspect);
  if (h === null) return NOT_SEEN;
  const lift = (h.eyes.y - h.mouth.y) * 0.5;
  let best: { side: Direction; d: number } = { side: 'none', d: Infinity };
  for (const side of SIDES) {
    const ear = side === 'left' ? h.leftEar : h.rightEar;
    if (ear === null) continue;
    const temple: BodyPoint = { x: (ear.x + h.eyes.x) / 2, y: (ear.y + h.eyes.y) / 2 + lift, z: ear.z, visible: true };
    const d = nearestHand(pose, aspect, temple);
    if (d < best.d) best = { side, d };
  }
  return best.d <= ON_HEAD_REACH * h.size ? { ok: true, reason: BREAK_REASONS.handAway, side: best.side } : HAND_AWAY;
}

/** Hands joined behind the head: both elbows up at about shoulder height or above, out to the sides. */
export function handsBehindHead(pose: readonly Landmark[], aspect: number): Placement {
  const s = shoulders(pose, aspect);
  if (s === null) return NOT_SEEN;
  const ok = SIDES.every((side) => {
    const elbow = visiblePoint(pose, ARM[side].elbow, aspect);
    const shoulder = side === 'left' ? s.left : s.right;
    return elbow !== null && elbow.y <= shoulder.y + 0.15 * s.width;
  });
  const wristsLow = SIDES.some((side) => {
    const wrist = visiblePoint(pose, ARM[side].wrist, aspect);
    return wrist !== null && wrist.y > s.mid.y;
  });
  return ok && !wristsLow ? OK_NONE : HAND_AWAY;
}

export function handsAtNeck(pose: readonly Landmark[], aspect: number): Placement {
  const s = shoulders(pose, aspect);
  const h = head(pose, aspect);
  if (s === null || h === null) return NOT_SEEN;
  const neck: BodyPoint = { x: (s.mid.x + h.mouth.x) / 2, y: (s.mid.y + h.mouth.y) / 2, z: s.mid.z, visible: true };
  return nearestHand(pose, aspect, neck) <= NECK_REACH * s.width ? OK_NONE : HAND_AWAY;
}

/** Lying on the back within this of the floor's horizontal. */
const LYING_MAX_TILT_DEG = 25;
/**
 * Along the torso, in its lengths from the shoulder (0) to the hip (1). The chest's hand lies at
 * most this far down: on the rendered breathing clips it read 0.30–0.44 (MediaPipe and TF.js),
 * the lower of two palms on the floor beside the hips 0.65 or more.
 */
const CHEST_MAX_ALONG = 0.55;
/** The two hands at least this far apart along the torso: one on the chest, one on the stomach. */
const HANDS_MIN_APART = 0.15;
/**
 * How far a wrist on the body may sit off the shoulder–hip line, in torso lengths: the chest's
 * hand rests on the chest, above the joints' line by the chest's depth (TF.js read the far,
 * hidden wrist there 0.42–0.47 off the line, MediaPipe 0.30–0.37); palms on the floor 0.21 at most.
 */
const ON_TORSO_MAX_ACROSS = 0.6;

/** Side view, lying: both wrists over the torso, one on the chest and one lower, toward the stomach. */
export function supineHandsPlaced(pose: readonly Landmark[], aspect: number): Placement {
  const body = sideBody(pose, aspect);
  if (body === null) return NOT_SEEN;
  const ax = body.hip.x - body.shoulder.x;
  const ay = body.hip.y - body.shoulder.y;
  const torso = hypot2(ax, ay);
  if (torso < 1e-3) return NOT_SEEN;
  const tilt = (Math.atan2(Math.abs(ay), Math.abs(ax)) * 180) / Math.PI;
  if (tilt > LYING_MAX_TILT_DEG) return { ok: false, reason: BREAK_REASONS.posture, side: 'none' };
  const along: number[] = [];
  for (const side of SIDES) {
    const wrist = pose[ARM[side].wrist];
    if (wrist === undefined) continue;
    const wx = wrist.x * aspect - body.shoulder.x;
    const wy = wrist.y - body.shoulder.y;
    const t = (wx * ax + wy * ay) / (torso * torso);
    const across = Math.abs(wx * ay - wy * ax) / torso;
    if (t >= -0.1 && t <= 1.1 && across <= ON_TORSO_MAX_ACROSS * torso) along.push(t);
  }
  const [a, b] = along;
  const ok = a !== undefined && b !== undefined && Math.min(a, b) <= CHEST_MAX_ALONG && Math.abs(a - b) >= HANDS_MIN_APART;
  return ok ? OK_NONE : HAND_AWAY;
}

/** Arms straight out at shoulder level (arms-out head turns): both wrists out wide and level. */
export function armsOutLevel(pose: readonly Landmark[], aspect: number): boolean {
  const s = shoulders(pose, aspect);
  if (s === null) return false;
  return SIDES.every((side) => {
    const wrist = visiblePoint(pose, ARM[side].wrist, aspect);
    const shoulder = side === 'left' ? s.left : s.right;
    return wrist !== null && Math.abs(wrist.y - shoulder.y) <= 0.35 * s.width && Math.abs(wrist.x - shoulder.x) >= 0.8 * s.width;
  });
}

/** A hand over the top of the head (assisted side stretch): a wrist above the eyes. */
export function handOverHead(pose: readonly Landmark[], aspect: number): boolean {
  const h = head(pose, aspect);
  if (h === null) return false;
  return SIDES.some((side) => {
    const wrist = visiblePoint(pose, ARM[side].wrist, aspect);
    return wrist !== null && wrist.y < h.eyes.y;
  });
}
