import type { WorldPoint } from './camera-rig';

/**
 * What the arms do in a frame. `rest`: the photo's own arms, untouched (no arm geometry: every clip
 * made before arms existed renders exactly as it did). `hands-behind-head`: both arms raised, elbows
 * out to the sides at about eye height, hands joined behind the head.
 */
export const ARM_POSES = ['rest', 'hands-behind-head'] as const;
export type ArmPose = (typeof ARM_POSES)[number];

export const BODY_SIDES = ['left', 'right'] as const;
/** The subject's own side: on the unmirrored frame the subject's left is the image's right (world +x). */
export type BodySide = (typeof BODY_SIDES)[number];

/** One arm's joints in world units (photo pixels; x to the image's right, y up, z toward the camera). */
export interface ArmJoints {
  readonly shoulder: WorldPoint;
  readonly elbow: WorldPoint;
  readonly wrist: WorldPoint;
  /** Where the hand ends (finger tips, or the knuckles of joined hands). */
  readonly handTip: WorldPoint;
}

/** Where the body is, from the pose landmarker's shoulders on the photo and the head's skull. */
export interface BodyFrame {
  readonly leftShoulder: WorldPoint;
  readonly rightShoulder: WorldPoint;
  /** Centre and half-axes of the head's skull ellipsoid at neutral (world units). */
  readonly skullCentre: WorldPoint;
  readonly skullRadii: WorldPoint;
}

/**
 * Hands behind the head, in shoulder widths W from the shoulder (out = away from the midline, up,
 * back = away from the camera). Adult proportions: upper arm ≈ 0.7 W, forearm to the wrist ≈ 0.65 W;
 * the elbow ends up about 0.3 W outside the shoulder at about eye height, the wrist beside the
 * back of the skull. Checked by tests/unit/clipgen/core/arm-pose.test.ts (segment lengths).
 */
export const HANDS_BEHIND_HEAD = {
  /** A raised arm lifts the shoulder (the shoulder blade turns up): the arm's root, above the photo's. */
  shoulderRaise: 0.1,
  elbowOut: 0.5,
  elbowUp: 0.6,
  elbowBack: 0.25,
  /** Wrist: this far from the midline (W), at this height above the shoulders (W)… */
  wristFromMidline: 0.3,
  wristUp: 0.65,
  /** …and this far behind the skull's back (skull depth radii): the hands never show through the head. */
  wristBehindSkull: 0.15,
  /** The joined hands reach this close to the midline (W), at the wrists' height and depth. */
  handTipFromMidline: 0.05,
} as const;

/** Unit vector pointing away from the midline on the image for `side` (world x). */
function outward(side: BodySide): number {
  return side === 'left' ? 1 : -1;
}

export function shoulderWidth(body: BodyFrame): number {
  const [lx, ly, lz] = body.leftShoulder;
  const [rx, ry, rz] = body.rightShoulder;
  return Math.hypot(lx - rx, ly - ry, lz - rz);
}

function handsBehindHead(body: BodyFrame, side: BodySide): ArmJoints {
  const P = HANDS_BEHIND_HEAD;
  const w = shoulderWidth(body);
  const out = outward(side);
  const photoShoulder = side === 'left' ? body.leftShoulder : body.rightShoulder;
  const shoulder: WorldPoint = [photoShoulder[0], photoShoulder[1] + P.shoulderRaise * w, photoShoulder[2]];
  const midX = (body.leftShoulder[0] + body.rightShoulder[0]) / 2;
  const shoulderY = (body.leftShoulder[1] + body.rightShoulder[1]) / 2;
  const skullBackZ = body.skullCentre[2] - body.skullRadii[2] * (1 + P.wristBehindSkull);
  const elbow: WorldPoint = [photoShoulder[0] + out * P.elbowOut * w, photoShoulder[1] + P.elbowUp * w, photoShoulder[2] - P.elbowBack * w];
  const wrist: WorldPoint = [midX + out * P.wristFromMidline * w, shoulderY + P.wristUp * w, skullBackZ];
  const handTip: WorldPoint = [midX + out * P.handTipFromMidline * w, wrist[1], skullBackZ];
  return { shoulder, elbow, wrist, handTip };
}

/** The joints of one arm in `pose`; null for `rest` (the photo's own arm is shown). */
export function armJoints(pose: ArmPose, body: BodyFrame, side: BodySide): ArmJoints | null {
  switch (pose) {
    case 'rest':
      return null;
    case 'hands-behind-head':
      return handsBehindHead(body, side);
  }
}
