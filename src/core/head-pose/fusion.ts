import { wrapDeg } from '../geometry/unwrap';
import { facePitchShare } from './face-pitch-share';
import { ANGLE_SOURCES, type AngleSource, type HeadAngles } from './head-angles';
import type { SourceEstimate } from './source-estimate';

export interface FusedHead {
  readonly angles: HeadAngles;
  readonly source: AngleSource;
  readonly confidence: number;
  /** Share of the body in the fused yaw, 0..1. */
  readonly bodyShare: number;
  /** The face that was used: null when none was seen or it was not believed (faceMisread). */
  readonly face: SourceEstimate | null;
}

/** Below this share a source is not named as carrying the frame. */
export const HAND_OVER_SHARE = 0.1;

/** Added to the body's angles so that they continue from the face's (BodyOffsetHandOver). */
export interface BodyOffset {
  readonly yawDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
}

export const NO_OFFSET: BodyOffset = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

/**
 * Past its range the face landmarker does not only fade: it can snap to a near-frontal misreading
 * (on the rendered scan turned to −74° it read −22° with full confidence, and flickered so). While
 * the head was last read turned at least MISREAD_MIN_YAW_DEG and the body still agrees with that,
 * a face that disagrees with the body by MISREAD_DISAGREEMENT_DEG is not believed.
 */
const MISREAD_MIN_YAW_DEG = 45;
const MISREAD_DISAGREEMENT_DEG = 25;

/**
 * Past this |yaw| the face mesh may under-read the turn but does not read it to the wrong side: a
 * body reading the other side is the one that is wrong (on a tight real photo, AFLW2000
 * image00251, the face read +54° and the body network −60°).
 */
const FACE_SIDE_SURE_DEG = 30;

function faceMisread(face: SourceEstimate, bodyYaw: number, previousYawDeg: number | null): boolean {
  if (previousYawDeg === null || Math.abs(previousYawDeg) < MISREAD_MIN_YAW_DEG) return false;
  return Math.abs(wrapDeg(bodyYaw - previousYawDeg)) < MISREAD_DISAGREEMENT_DEG && Math.abs(wrapDeg(face.angles.yawDeg - bodyYaw)) >= MISREAD_DISAGREEMENT_DEG;
}

/**
 * Face and body, axis by axis. Yaw is blended by confidence, the face leading: the body gets
 * weight body.confidence · (1 − face.confidence), so it takes over gradually as the face fades
 * (large yaw) or is lost; a body that reads the turn as smaller than the face does not pull it
 * back (the face under-reads past its range, it does not over-read; on a tight crop the body
 * regression read a 55° turn as 21°), nor does a body reading the other side of a face turned past
 * 30°. Pitch and roll come from the face whenever one is seen, even a faded
 * one: on the rendered scan the face matrix's pitch and roll at 60–75° of yaw were off by 4–9°,
 * the body regression's by 13–18° (docs/head-pose.md); but the pitch of a face reading deep
 * flexion goes to the body (facePitchShare). Without a face, from the body. The body's angles are
 * moved by `offset` (its bias against the face) so that they continue from where the face left them.
 */
export function fuseHeadSources(
  seenFace: SourceEstimate | null,
  body: SourceEstimate | null,
  offset: BodyOffset = NO_OFFSET,
  previousYawDeg: number | null = null,
): FusedHead | null {
  const bodyYaw = body ? body.angles.yawDeg + offset.yawDeg : 0;
  const face = seenFace && body && faceMisread(seenFace, bodyYaw, previousYawDeg) ? null : seenFace;
  if (!face && !body) return null;
  const faceConfidence = face?.confidence ?? 0;
  const bodyConfidence = body?.confidence ?? 0;
  const faceWeight = face ? Math.max(faceConfidence, 1e-6) : 0;
  const bodyWeight = body ? Math.max(bodyConfidence * (1 - faceConfidence), 1e-6) : 0;
  const bodyShare = bodyWeight / (faceWeight + bodyWeight);
  const confidence = 1 - (1 - faceConfidence) * (1 - bodyConfidence);
  let angles: HeadAngles;
  if (face && body) {
    const towardBody = wrapDeg(bodyYaw - face.angles.yawDeg);
    // The face mesh saturates: past its range it reads a turn as less than it is, never as more.
    // So a body reading less turned than the face (same side) does not pull the yaw back.
    const sameSide = Math.sign(bodyYaw) === Math.sign(face.angles.yawDeg);
    const bodyLessTurned = sameSide && Math.abs(bodyYaw) < Math.abs(face.angles.yawDeg);
    const bodyOtherSide = !sameSide && Math.abs(face.angles.yawDeg) > FACE_SIDE_SURE_DEG;
    // Likewise the mesh under-reads a deep nod, it does not over-read one: a body reading the nod
    // as shallower than the face (or the other way) does not pull the pitch back (on the photo
    // head, whose body the network was not trained on, it read a 30° flexion as 19°).
    const facePitch = face.angles.pitchDeg;
    const bodyPitch = body.angles.pitchDeg + offset.pitchDeg;
    const bodyNodsFurther = Math.sign(bodyPitch) === Math.sign(facePitch) && Math.abs(bodyPitch) > Math.abs(facePitch);
    angles = {
      yawDeg: bodyLessTurned || bodyOtherSide ? face.angles.yawDeg : face.angles.yawDeg + bodyShare * towardBody,
      pitchDeg: bodyNodsFurther ? facePitch + (1 - facePitchShare(facePitch)) * wrapDeg(bodyPitch - facePitch) : facePitch,
      rollDeg: face.angles.rollDeg,
    };
  } else if (face) {
    angles = face.angles;
  } else {
    const b = (body as SourceEstimate).angles;
    angles = offset === NO_OFFSET ? b : { yawDeg: bodyYaw, pitchDeg: b.pitchDeg + offset.pitchDeg, rollDeg: b.rollDeg + offset.rollDeg };
  }
  const source = bodyShare < HAND_OVER_SHARE ? ANGLE_SOURCES.face : bodyShare > 1 - HAND_OVER_SHARE ? ANGLE_SOURCES.body : ANGLE_SOURCES.fused;
  return { angles, source, confidence, bodyShare, face };
}
