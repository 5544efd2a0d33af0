import type { Landmark } from '../landmarks';
import { POSE } from '../pose-indices';
import { ARM, SIDES, distance2d, elevationDeg, jointAngleDeg, midpoint, shoulders, visiblePoint, type BodyPoint } from './body-geometry';

/** Shoulder–ear vertical distance / shoulder width, mean of the seen sides (smaller = shrugged). */
export function shoulderEarRatio(pose: readonly Landmark[], aspect: number): number | null {
  const s = shoulders(pose, aspect);
  if (s === null) return null;
  const leftEar = visiblePoint(pose, POSE.leftEar, aspect);
  const rightEar = visiblePoint(pose, POSE.rightEar, aspect);
  const gaps: number[] = [];
  if (leftEar !== null) gaps.push(s.left.y - leftEar.y);
  if (rightEar !== null) gaps.push(s.right.y - rightEar.y);
  if (gaps.length === 0) return null;
  return gaps.reduce((a, b) => a + b, 0) / gaps.length / s.width;
}

/** The shoulder–ear ratio's change from its settled value, % of it (> 0 = the gap grew; 0 unsettled). */
function shoulderEarChangePercent(ratio: number, settledRatio: number): number {
  return settledRatio > 0 ? ((ratio - settledRatio) / settledRatio) * 100 : 0;
}

/** Shrug in % of the settled shoulder–ear distance (> 0 = shoulders raised: the gap shrinks). */
export function shrugPercent(ratio: number, settledRatio: number): number {
  return 0 - shoulderEarChangePercent(ratio, settledRatio);
}

/** Elbow flexion (0° = straight arm), mean of the arms whose shoulder, elbow and wrist are seen. */
export function elbowFlexionDeg(pose: readonly Landmark[], aspect: number): number | null {
  const flexions: number[] = [];
  for (const side of SIDES) {
    const shoulder = visiblePoint(pose, ARM[side].shoulder, aspect);
    const elbow = visiblePoint(pose, ARM[side].elbow, aspect);
    const wrist = visiblePoint(pose, ARM[side].wrist, aspect);
    if (shoulder === null || elbow === null || wrist === null) continue;
    const angle = jointAngleDeg(shoulder, elbow, wrist);
    if (angle !== null) flexions.push(180 - angle);
  }
  return flexions.length === 0 ? null : flexions.reduce((a, b) => a + b, 0) / flexions.length;
}

/**
 * Shoulders forward (> 0) or back (< 0): the change of the shoulder–ear gap over the shoulder width
 * (shoulderEarRatio), % of its settled value. Seen from the front, shoulders that come forward
 * come in (the width narrows) and, below a camera at face height, drop in the image (the gap
 * grows): both raise the ratio; shoulders taken back do the opposite. The landmarks' depth (z) is
 * not used: on the rendered body clips MediaPipe's shoulder depth moved +4.9 % of the shoulder
 * width for 7 cm forward and +0.4 % for 7 cm back (docs/rep-counting.md).
 */
export function shoulderForwardPercent(ratio: number, settledRatio: number): number {
  return shoulderEarChangePercent(ratio, settledRatio);
}

interface SideBody {
  readonly shoulder: BodyPoint;
  readonly hip: BodyPoint;
  readonly head: BodyPoint;
}

/** Side view: the better-seen side's shoulder, hip and ear (nose when the ear is hidden). */
export function sideBody(pose: readonly Landmark[], aspect: number): SideBody | null {
  const candidates = SIDES.map((side) => {
    const shoulder = visiblePoint(pose, side === 'left' ? POSE.leftShoulder : POSE.rightShoulder, aspect);
    const hip = visiblePoint(pose, side === 'left' ? POSE.leftHip : POSE.rightHip, aspect);
    const head = visiblePoint(pose, side === 'left' ? POSE.leftEar : POSE.rightEar, aspect) ?? visiblePoint(pose, POSE.nose, aspect);
    const score = (pose[side === 'left' ? POSE.leftShoulder : POSE.rightShoulder]?.visibility ?? 0) + (pose[side === 'left' ? POSE.leftHip : POSE.rightHip]?.visibility ?? 0);
    return shoulder !== null && hip !== null && head !== null ? { body: { shoulder, hip, head }, score } : null;
  }).filter((c): c is { body: SideBody; score: number } => c !== null);
  candidates.sort((a, b) => b.score - a.score);
  return candidates[0]?.body ?? null;
}

/** Side view: elevation of the hip→shoulder line above the image horizontal, degrees. */
export function torsoRiseDeg(pose: readonly Landmark[], aspect: number): number | null {
  const body = sideBody(pose, aspect);
  return body === null ? null : elevationDeg(body.hip, body.shoulder);
}

/** Side view: elevation of the shoulder→ear line minus the torso's, degrees (> 0 = head lifted). */
export function neckRiseDeg(pose: readonly Landmark[], aspect: number): number | null {
  const body = sideBody(pose, aspect);
  if (body === null) return null;
  return elevationDeg(body.shoulder, body.head) - elevationDeg(body.hip, body.shoulder);
}

/**
 * The path of a shoulder circle done with the hands on the shoulders, in % of the head's breadth
 * (ear to ear), for both arms (the sum of both, or twice the one arm seen): x = forward, read as
 * the hands (riding on the shoulders) coming in toward the shoulders' midline, as the shoulders do
 * when they come forward and round; y = up, the hands' height above the ears' midpoint: the hands
 * ride the shoulders up and down. The head is the scale because the shoulder width itself narrows
 * as the shoulders rise. Not the elbows' height above the shoulders: on TF.js's landmarks it read
 * a 3 cm circle's top and bottom +62 and −110 from rest and its front 12 below rest, so the front
 * of a forward circle passed through the rest position; the hands read +90 / −80 there, and +123 /
 * −124 on MediaPipe's (rendered scan, docs/rep-counting.md). Depth (z) is not used: on a front
 * view MediaPipe's elbow depth did not follow the circle (no fit to the forward movement, noise 19
 * % of the shoulder width). The elbows must be seen: the hands on the shoulders are the pose read.
 * Not a plain sum over the arms seen: each arm's reading is far from 0 at rest (the hands are 2.2
 * head breadths below the ears), so an arm lost for a frame (TF.js's hand leaving the bottom of
 * the frame) moved the sum by 220 and read as a jump.
 */
export function shoulderCirclePath(pose: readonly Landmark[], aspect: number): { x: number; y: number } | null {
  const s = shoulders(pose, aspect);
  const leftEar = visiblePoint(pose, POSE.leftEar, aspect);
  const rightEar = visiblePoint(pose, POSE.rightEar, aspect);
  if (s === null || leftEar === null || rightEar === null) return null;
  const head = distance2d(leftEar, rightEar);
  if (head <= 1e-3) return null;
  const earsY = (leftEar.y + rightEar.y) / 2;
  let x = 0;
  let y = 0;
  let seen = 0;
  for (const side of SIDES) {
    const elbow = visiblePoint(pose, ARM[side].elbow, aspect);
    const wrist = visiblePoint(pose, ARM[side].wrist, aspect);
    if (elbow === null || wrist === null) continue;
    // The subject's left arm is on the image's right: its outward direction is +x.
    const outward = side === 'left' ? wrist.x - s.mid.x : s.mid.x - wrist.x;
    x -= (outward / head) * 100;
    y += ((earsY - wrist.y) / head) * 100;
    seen++;
  }
  return seen === 0 ? null : { x: (x * 2) / seen, y: (y * 2) / seen };
}
