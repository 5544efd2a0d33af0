import { rotationToAngles } from '../geometry/euler';
import type { Mat3 } from '../geometry/mat3';
import { ANGLE_SOURCES, type AngleSource, type HeadAngles } from './head-angles';
import { orthonormalizedBlend } from './orthonormalize';
import type { SourceEstimate } from './source-estimate';

export interface FusedHead {
  readonly rotation: Mat3;
  readonly angles: HeadAngles;
  readonly source: AngleSource;
  readonly confidence: number;
  /** Share of the body in the fused rotation, 0..1. */
  readonly bodyShare: number;
}

/** Below this share a source is not named as carrying the frame. */
export const HAND_OVER_SHARE = 0.1;

/**
 * Face and body blended by confidence. The face leads: the body gets weight
 * body.confidence · (1 − face.confidence), so it only matters as the face fades (large yaw,
 * chin on chest, face lost), and the hand-over is gradual instead of a switch. Rotations are
 * averaged as matrices and re-orthonormalised (a chordal mean: no wrap-around trouble).
 */
export function fuseHeadSources(face: SourceEstimate | null, body: SourceEstimate | null): FusedHead | null {
  if (!face && !body) return null;
  const faceConfidence = face?.confidence ?? 0;
  const bodyConfidence = body?.confidence ?? 0;
  const faceWeight = face ? Math.max(faceConfidence, 1e-6) : 0;
  const bodyWeight = body ? Math.max(bodyConfidence * (1 - faceConfidence), 1e-6) : 0;
  const bodyShare = bodyWeight / (faceWeight + bodyWeight);
  const confidence = 1 - (1 - faceConfidence) * (1 - bodyConfidence);
  let rotation: Mat3 | null = null;
  if (face && body) {
    rotation = orthonormalizedBlend(face.rotation, body.rotation, bodyShare);
  }
  rotation ??= (bodyShare > 0.5 ? body?.rotation : face?.rotation) ?? null;
  if (!rotation) return null;
  const source = bodyShare < HAND_OVER_SHARE ? ANGLE_SOURCES.face : bodyShare > 1 - HAND_OVER_SHARE ? ANGLE_SOURCES.body : ANGLE_SOURCES.fused;
  return { rotation, angles: rotationToAngles(rotation), source, confidence, bodyShare };
}
