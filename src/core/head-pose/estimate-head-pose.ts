import { anglesToMatrix, rotationToAngles } from '../geometry/euler';
import { multiplyMat3, transposeMat3 } from '../geometry/mat3';
import type { FrameObservation } from '../landmarks';
import type { ImageSize } from './camera-space';
import { estimateFromBody, type BodyEstimateOptions } from './from-body';
import { estimateFromFace, type FaceEstimateOptions } from './from-face';
import { fuseHeadSources } from './fusion';
import { ANGLE_SOURCES, type HeadAngles, type HeadPoseEstimate } from './head-angles';
import { estimateTrunk } from './trunk';

export interface HeadPoseOptions {
  readonly face?: Partial<FaceEstimateOptions>;
  readonly body?: Partial<BodyEstimateOptions>;
}

/**
 * The head pose in one frame (a single image, or a video frame without history): the first face
 * and the first body, fused by confidence; the neck as the head relative to the shoulder line.
 * `hint` (previous angles, from HeadPoseTracker) only seeds the body fit.
 */
export function estimateHeadPose(frame: FrameObservation, options: HeadPoseOptions = {}, hint: HeadAngles | null = null): HeadPoseEstimate {
  const size: ImageSize = { width: frame.imageWidth, height: frame.imageHeight };
  const faceObservation = frame.faces[0];
  const poseObservation = frame.poses[0];
  const face = faceObservation ? estimateFromFace(faceObservation, size, options.face) : null;
  const body = poseObservation ? estimateFromBody(poseObservation, size, options.body, hint) : null;
  const trunk = poseObservation ? estimateTrunk(poseObservation, size) : null;
  const fused = fuseHeadSources(face, body);
  const neck =
    fused && trunk
      ? rotationToAngles(multiplyMat3(transposeMat3(anglesToMatrix({ yawDeg: trunk.yawDeg, pitchDeg: 0, rollDeg: trunk.rollDeg })), fused.rotation))
      : null;
  return {
    tMs: frame.tMs,
    head: fused?.angles ?? null,
    neck,
    trunk: trunk ? { yawDeg: trunk.yawDeg, rollDeg: trunk.rollDeg } : null,
    confidence: fused?.confidence ?? 0,
    source: fused?.source ?? ANGLE_SOURCES.none,
    faceConfidence: face?.confidence ?? 0,
    bodyConfidence: body?.confidence ?? 0,
  };
}
