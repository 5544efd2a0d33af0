import type { HeadAngles } from '../head-pose/head-angles';
import { headStepDeg } from '../head-pose/head-step';
import type { FrameObservation, Landmark } from '../landmarks';
import { POSE } from '../pose-indices';
import { frameAspect, imageDistance } from './frame-checks';
import type { QualityOptions } from './quality-options';

/** The few points of a frame that are compared with the next frame's to catch jumps. */
export interface MotionPoints {
  readonly tMs: number;
  readonly aspect: number;
  /** Mean of the face-mesh points, null without a face. */
  readonly faceCentre: Landmark | null;
  /** Pose nose, null without a body. */
  readonly poseNose: Landmark | null;
  readonly head: HeadAngles | null;
}

/** A change below this (degrees) is never a jump, whatever the frame interval (sub-ms timestamps). */
const MIN_JUMP_DEG = 15;

function finiteHead(head: HeadAngles | null): HeadAngles | null {
  return head !== null && Number.isFinite(head.yawDeg) && Number.isFinite(head.pitchDeg) && Number.isFinite(head.rollDeg) ? head : null;
}

/**
 * Call only on frames that passed inspectFrame (one person at most, finite landmarks), with the
 * face centre it measured.
 */
export function motionPoints(frame: FrameObservation, head: HeadAngles | null, faceCentre: Landmark | null): MotionPoints {
  const pose = frame.poses[0];
  return {
    tMs: frame.tMs,
    aspect: frameAspect(frame),
    faceCentre,
    poseNose: pose?.landmarks[POSE.nose] ?? null,
    head: finiteHead(head),
  };
}

/** Why a point cannot have moved from `before` to `after` (large and fast), or null. */
function pointJump(before: Landmark | null, after: Landmark | null, name: string, aspect: number, perSecond: number, dtMs: number, options: QualityOptions): string | null {
  if (before === null || after === null) return null;
  const distance = imageDistance(before, after, aspect);
  if (distance > options.minJumpDistance && distance * perSecond > options.maxLandmarkSpeedPerS) {
    return `${name} landmarks moved ${distance.toFixed(2)} image heights in ${dtMs.toFixed(0)} ms`;
  }
  return null;
}

/**
 * Why `current` cannot follow `previous` (a tracking swap or garbage), or null. Frames further
 * apart than maxCompareGapMs are not compared; a change must be both large and fast.
 */
export function jumpBetween(previous: MotionPoints | null, current: MotionPoints, options: QualityOptions): string | null {
  if (previous === null) return null;
  const dtMs = current.tMs - previous.tMs;
  if (!(dtMs > 0) || dtMs > options.maxCompareGapMs) return null;
  const perSecond = 1000 / dtMs;
  const moved = pointJump(previous.faceCentre, current.faceCentre, 'face', current.aspect, perSecond, dtMs, options) ?? pointJump(previous.poseNose, current.poseNose, 'body', current.aspect, perSecond, dtMs, options);
  if (moved !== null) return moved;
  if (options.headAnglesCompared && previous.head !== null && current.head !== null) {
    const change = headStepDeg(previous.head, current.head);
    if (change > MIN_JUMP_DEG && change * perSecond > options.maxHeadSpeedDegS) {
      return `head turned ${change.toFixed(0)} deg in ${dtMs.toFixed(0)} ms`;
    }
  }
  return null;
}
