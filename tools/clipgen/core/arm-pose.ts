import type { WorldPoint } from './camera-rig';

/**
 * What the arms do in a frame. `rest`: the photo's own arms, untouched (no arm geometry: every clip
 * made before arms existed renders exactly as it did); on the scan's body, arms hanging at the
 * sides. `hands-behind-head`: both arms raised, elbows out to the sides at about eye height, hands
 * joined behind the head. `palm-on-forehead`: the subject's right hand flat on the forehead, the
 * elbow out to the side; the left arm rests. The photo head renders these three
 * (PHOTO_ARM_POSES); the scan's body renders every pose (core/scan-arms.ts).
 */
export const PHOTO_ARM_POSES = ['rest', 'hands-behind-head', 'palm-on-forehead'] as const;
export type PhotoArmPose = (typeof PHOTO_ARM_POSES)[number];

/**
 * Lying on the back only: the right palm on the stomach and the left on the chest (supine
 * breathing), or both palms flat on the floor beside the hips, the arms propping the rising torso.
 * Face down only: both arms straight out to the sides, the palms on the floor.
 */
export const SUPINE_ARM_POSES = ['hands-on-torso', 'hands-on-floor'] as const;
export const PRONE_ARM_POSES = ['arms-out-on-floor'] as const;
export const LYING_ARM_POSES = [...SUPINE_ARM_POSES, ...PRONE_ARM_POSES] as const;

/**
 * The scan's body only: both palms on the forehead; one palm on a temple (the temple's side); both
 * hands at the back of the neck, rubbing up and down; one hand over the top of the head on the
 * other side (the hand's side); both arms straight out at shoulder height; arms out with fists and
 * the elbows bent by the body's elbow flexion (biceps); finger tips on the shoulders, the elbows
 * drawing the shoulder circles.
 */
export const BODY_ARM_POSES = [
  'palms-on-forehead',
  'palm-on-left-temple',
  'palm-on-right-temple',
  'hands-at-neck',
  'left-hand-over-head',
  'right-hand-over-head',
  'arms-out',
  'arms-flexed',
  'hands-on-shoulders',
  ...LYING_ARM_POSES,
] as const;
export const ARM_POSES = [...PHOTO_ARM_POSES, ...BODY_ARM_POSES] as const;
export type ArmPose = (typeof ARM_POSES)[number];

export function isPhotoArmPose(pose: ArmPose): pose is PhotoArmPose {
  return (PHOTO_ARM_POSES as readonly string[]).includes(pose);
}

/** The one position a lying pose belongs to (null: any position's pose). */
export function lyingPoseOf(pose: ArmPose): 'supine' | 'prone' | null {
  if ((SUPINE_ARM_POSES as readonly string[]).includes(pose)) return 'supine';
  return (PRONE_ARM_POSES as readonly string[]).includes(pose) ? 'prone' : null;
}

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
  /** The middle of the forehead's skin at neutral (world units). */
  readonly forehead: WorldPoint;
}

/** Whether a pose puts a hand in front of the face (drawn after it) rather than behind the head. */
export function handInFrontOfFace(pose: PhotoArmPose): boolean {
  return pose === 'palm-on-forehead';
}

/** The arms a pose raises (those whose photo arm must be painted out). */
export function raisedSides(pose: PhotoArmPose): readonly BodySide[] {
  switch (pose) {
    case 'rest':
      return [];
    case 'hands-behind-head':
      return BODY_SIDES;
    case 'palm-on-forehead':
      return [PALM_SIDE];
  }
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

/** What every arm pose starts from: the shoulder width W, the side's outward sign, the photo's shoulder and the raised one. */
function armRoot(body: BodyFrame, side: BodySide, shoulderRaise: number): { w: number; out: number; photoShoulder: WorldPoint; shoulder: WorldPoint } {
  const w = shoulderWidth(body);
  const photoShoulder = side === 'left' ? body.leftShoulder : body.rightShoulder;
  return { w, out: outward(side), photoShoulder, shoulder: [photoShoulder[0], photoShoulder[1] + shoulderRaise * w, photoShoulder[2]] };
}

function handsBehindHead(body: BodyFrame, side: BodySide): ArmJoints {
  const P = HANDS_BEHIND_HEAD;
  const { w, out, photoShoulder, shoulder } = armRoot(body, side, P.shoulderRaise);
  const midX = (body.leftShoulder[0] + body.rightShoulder[0]) / 2;
  const shoulderY = (body.leftShoulder[1] + body.rightShoulder[1]) / 2;
  const skullBackZ = body.skullCentre[2] - body.skullRadii[2] * (1 + P.wristBehindSkull);
  const elbow: WorldPoint = [photoShoulder[0] + out * P.elbowOut * w, photoShoulder[1] + P.elbowUp * w, photoShoulder[2] - P.elbowBack * w];
  const wrist: WorldPoint = [midX + out * P.wristFromMidline * w, shoulderY + P.wristUp * w, skullBackZ];
  const handTip: WorldPoint = [midX + out * P.handTipFromMidline * w, wrist[1], skullBackZ];
  return { shoulder, elbow, wrist, handTip };
}

/** The hand on the forehead: most people press with their right. */
export const PALM_SIDE: BodySide = 'right';

/**
 * A palm on the forehead, in shoulder widths W: the elbow out to the side and forward, a little
 * above the shoulder (with the elbow forward and down, the pose landmarker put the wrist on the
 * forearm, short of the forehead); the wrist in front of the temple on the hand's own side, the palm
 * across the forehead toward the other side, just in front of its skin.
 */
export const PALM_ON_FOREHEAD = {
  shoulderRaise: 0.05,
  elbowOut: 0.3,
  elbowUp: 0.15,
  elbowForward: 0.35,
  /** Wrist: this far out from the forehead's middle (W), at its height… */
  wristOut: 0.28,
  /** …and this far in front of its skin (W) (the hand's thickness and a little air). */
  inFrontOfSkin: 0.06,
  /** The finger tips: past the forehead's middle toward the other side (W). */
  tipAcross: 0.14,
} as const;

function palmOnForehead(body: BodyFrame, side: BodySide): ArmJoints {
  const P = PALM_ON_FOREHEAD;
  const { w, out, photoShoulder, shoulder } = armRoot(body, side, P.shoulderRaise);
  const elbow: WorldPoint = [photoShoulder[0] + out * P.elbowOut * w, photoShoulder[1] + P.elbowUp * w, photoShoulder[2] + P.elbowForward * w];
  const [fx, fy, fz] = body.forehead;
  const z = fz + P.inFrontOfSkin * w;
  return { shoulder, elbow, wrist: [fx + out * P.wristOut * w, fy, z], handTip: [fx - out * P.tipAcross * w, fy, z] };
}

/** The joints of one arm in `pose`; null where the photo's own arm is shown. */
export function armJoints(pose: PhotoArmPose, body: BodyFrame, side: BodySide): ArmJoints | null {
  switch (pose) {
    case 'rest':
      return null;
    case 'hands-behind-head':
      return handsBehindHead(body, side);
    case 'palm-on-forehead':
      return side === PALM_SIDE ? palmOnForehead(body, side) : null;
  }
}
