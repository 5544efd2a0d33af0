import { anglesToMatrix, rotationToAngles } from '../../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3 } from '../../../src/core/geometry/mat3';
import { relativeAngles as neutralHeadRelative } from '../../../src/core/geometry/relative-rotation';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { Subject } from './trajectory';

/**
 * The rotation that takes the neutral head to the measured one, as angles: R = Rm · Rnᵀ. The
 * renderer applies its rotation on top of the photo's own pose, so this (not a difference of
 * angles) is what compares with the applied angles.
 */
export function relativeAngles(measured: HeadAngles, neutral: HeadAngles): HeadAngles {
  return rotationToAngles(multiplyMat3(anglesToMatrix(measured), transposeMat3(anglesToMatrix(neutral))));
}

/**
 * The axes a range clip's angles are compared in (eval:range `--frame`):
 * - 'subject': the neutral head's own, R = Rnᵀ · Rm, as the product's relativeToNeutral gives the
 *   counters and the subject sees a turn (a turn about the body's vertical axis is a pure yaw
 *   whatever the camera's height). Only where the renderer knows the head's whole pose: the scan's
 *   truth is its pose in the camera's axes, neutral = the scan's own axes. The photo head's
 *   renderer turns a photo about the camera's axes on top of the photo's own pose, which it does
 *   not know, so its clips are compared in the camera's axes in either mode (the same when the
 *   photo's face is square to the camera).
 * - 'camera': R = Rm · Rnᵀ (relativeAngles) for every clip: the turn in the camera's axes, where a
 *   camera above or below the face puts part of a pure neck turn into roll and pitch.
 */
export const COMPARISON_FRAMES = ['subject', 'camera'] as const;
export type ComparisonFrame = (typeof COMPARISON_FRAMES)[number];

export type RelativeAngles = (measured: HeadAngles, neutral: HeadAngles) => HeadAngles;

/** `measured` relative to `neutral` in the axes `frame` gives for a clip of `subject`. */
export function relativeAnglesFor(frame: ComparisonFrame, subject: Subject): RelativeAngles {
  return frame === 'subject' && subject === 'scan' ? (measured, neutral) => neutralHeadRelative(neutral, measured) : relativeAngles;
}
