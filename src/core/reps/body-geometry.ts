import type { Landmark } from '../landmarks';
import { POSE } from '../pose-indices';
import { hypot2 } from '../geometry/hypot';

/** A pose point in square units (both axes in image heights); y down, z toward the camera is smaller. */
export interface BodyPoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visible: boolean;
}

export const DEFAULT_IMAGE_ASPECT = 4 / 3;
/** Below this MediaPipe visibility a landmark is treated as not seen. */
const MIN_VISIBILITY = 0.5;

export function bodyPoint(pose: readonly Landmark[], index: number, aspect: number): BodyPoint | null {
  const lm = pose[index];
  if (lm === undefined || !Number.isFinite(lm.x) || !Number.isFinite(lm.y)) return null;
  const z = Number.isFinite(lm.z) ? lm.z * aspect : 0;
  return { x: lm.x * aspect, y: lm.y, z, visible: (lm.visibility ?? 1) >= MIN_VISIBILITY };
}

export function visiblePoint(pose: readonly Landmark[], index: number, aspect: number): BodyPoint | null {
  const p = bodyPoint(pose, index, aspect);
  return p !== null && p.visible ? p : null;
}

export function distance2d(a: BodyPoint, b: BodyPoint): number {
  return hypot2(a.x - b.x, a.y - b.y);
}

export function midpoint(a: BodyPoint, b: BodyPoint): BodyPoint {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2, visible: a.visible && b.visible };
}

/** Angle at `b` of the path a–b–c, degrees (180 = straight). */
export function jointAngleDeg(a: BodyPoint, b: BodyPoint, c: BodyPoint): number | null {
  const ux = a.x - b.x;
  const uy = a.y - b.y;
  const vx = c.x - b.x;
  const vy = c.y - b.y;
  const nu = hypot2(ux, uy);
  const nv = hypot2(vx, vy);
  if (nu === 0 || nv === 0) return null;
  const cos = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / (nu * nv)));
  return (Math.acos(cos) * 180) / Math.PI;
}

/** Elevation of from→to above the image horizontal, degrees (to higher in the image = positive). */
export function elevationDeg(from: BodyPoint, to: BodyPoint): number {
  return (Math.atan2(from.y - to.y, Math.abs(to.x - from.x)) * 180) / Math.PI;
}

export interface Shoulders {
  readonly left: BodyPoint;
  readonly right: BodyPoint;
  readonly mid: BodyPoint;
  readonly width: number;
}

/** Both shoulders seen and apart: the body's scale for the front-view signals. */
export function shoulders(pose: readonly Landmark[], aspect: number): Shoulders | null {
  const left = visiblePoint(pose, POSE.leftShoulder, aspect);
  const right = visiblePoint(pose, POSE.rightShoulder, aspect);
  if (left === null || right === null) return null;
  const width = distance2d(left, right);
  return width > 1e-3 ? { left, right, mid: midpoint(left, right), width } : null;
}

export const SIDES = ['left', 'right'] as const;
export type BodySide = (typeof SIDES)[number];

export const ARM = {
  left: { shoulder: POSE.leftShoulder, elbow: POSE.leftElbow, wrist: POSE.leftWrist, hand: [POSE.leftWrist, POSE.leftIndex, POSE.leftPinky, POSE.leftThumb] },
  right: { shoulder: POSE.rightShoulder, elbow: POSE.rightElbow, wrist: POSE.rightWrist, hand: [POSE.rightWrist, POSE.rightIndex, POSE.rightPinky, POSE.rightThumb] },
} as const;

/** The visible points of one hand (wrist, index, pinky, thumb). */
export function handPoints(pose: readonly Landmark[], side: BodySide, aspect: number): BodyPoint[] {
  return ARM[side].hand.map((i) => visiblePoint(pose, i, aspect)).filter((p): p is BodyPoint => p !== null);
}

/** Nearest distance of a hand to a target, Infinity when the hand is not seen. */
export function handDistance(pose: readonly Landmark[], side: BodySide, aspect: number, target: BodyPoint): number {
  let best = Infinity;
  for (const p of handPoints(pose, side, aspect)) best = Math.min(best, distance2d(p, target));
  return best;
}
