import type { Mat3 } from '../../../src/core/geometry/mat3';
import type { ArmJoints, ArmPose, BodySide } from './arm-pose';
import type { WorldPoint } from './camera-rig';
import { LYING_BODY, unriseAboutHips } from './lying-rig';
import { add3, scale3, sub3, unit3 } from './point3';
import { SCAN_BODY, SCAN_HEAD_POINTS, SCAN_NAPE_SIDE, UNITS_PER_CM, onSide } from './scan-body';
import { SCAN_NECK } from './scan-rig';
import { withGirdle, type GirdleOffset } from './shoulder-girdle';
import { twoBoneIk } from './two-bone-ik';

export const HAND_SHAPES = ['open', 'fist'] as const;
export type HandShape = (typeof HAND_SHAPES)[number];

/** One arm of the scan's body in model units: joints, the palm's facing and the hand's shape. */
export interface PosedArm extends ArmJoints {
  /** Unit vector out of the palm (the hand's flat side faces this way). */
  readonly palmNormal: WorldPoint;
  readonly hand: HandShape;
}

/** What the body does in a frame (besides the head): the arms' pose, the girdle, the elbows' bend. */
export interface BodyMotion extends GirdleOffset {
  readonly arms: ArmPose;
  /** Elbow flexion of the `arms-flexed` pose, degrees (0 = straight out). */
  readonly elbowFlexionDeg: number;
  /** Time, ms: the self-massage's rubbing path is a function of it. */
  readonly tMs: number;
  /** Lying: the torso's rise about the hips, degrees (the arms' joints are in the risen torso's axes). */
  readonly torsoRiseDeg: number;
  /** Lying: the chest's and stomach's rise with the breath, cm (hands on them ride with it). */
  readonly breathCm: number;
}

/**
 * How the hand-placing poses sit (model units unless named): the palm lies this far off the skin
 * (half the hand's thickness and a little air); the elbows of shoulder circles swing this many times
 * the girdle's own movement (the upper arm is a lever about the shoulder joint); the self-massage
 * rubs up and down by ±RUB_AMPLITUDE_CM with this period.
 */
export const PALM_OFF_SKIN = SCAN_BODY.radii.handThickness / 2 + 0.1;
export const CIRCLE_ELBOW_GAIN = 2.5;
export const RUB_AMPLITUDE_CM = 3;
export const RUB_PERIOD_MS = 900;

/** A head point (model units at neutral) where the head is: turned by the neck about its pivot. */
export function onHead(p: WorldPoint, neck: Mat3): WorldPoint {
  const [px, py, pz] = SCAN_NECK.pivot;
  const x = p[0] - px, y = p[1] - py, z = p[2] - pz;
  const [a, b, c, d, e, f, g, h, k] = neck;
  return [px + a * x + b * y + c * z, py + d * x + e * y + f * z, pz + g * x + h * y + k * z];
}

/** A head direction (unit vector at neutral) turned with the head. */
function headDirection(v: WorldPoint, neck: Mat3): WorldPoint {
  return sub3(onHead(add3(SCAN_NECK.pivot, v), neck), SCAN_NECK.pivot);
}

/** Chains from the elbow: the forearm then the hand, straight along `direction`. */
function straightFrom(shoulder: WorldPoint, elbow: WorldPoint, direction: WorldPoint, hand: HandShape, palmNormal: WorldPoint): PosedArm {
  const d = unit3(direction);
  const wrist = add3(elbow, scale3(d, SCAN_BODY.forearm));
  const handTip = add3(wrist, scale3(d, hand === 'fist' ? SCAN_BODY.fist : SCAN_BODY.hand));
  return { shoulder, elbow, wrist, handTip, palmNormal: unit3(palmNormal), hand };
}

/**
 * A palm flat on a surface: the palm's centre PALM_OFF_SKIN out of `surface` along `normal` (out
 * of the skin), the fingers along `fingers`; the arm reaches it by two-bone IK, the elbow toward `pole`.
 */
function palmOn(shoulder: WorldPoint, surface: WorldPoint, normal: WorldPoint, fingers: WorldPoint, pole: WorldPoint): PosedArm {
  const n = unit3(normal);
  const f = unit3(fingers);
  const centre = add3(surface, scale3(n, PALM_OFF_SKIN));
  const wristTarget = sub3(centre, scale3(f, SCAN_BODY.hand / 2));
  const { elbow, wrist } = twoBoneIk(shoulder, wristTarget, SCAN_BODY.upperArm, SCAN_BODY.forearm, pole);
  return { shoulder, elbow, wrist, handTip: add3(wrist, scale3(f, SCAN_BODY.hand)), palmNormal: scale3(n, -1), hand: 'open' };
}

/** Which hand a one-handed pose uses; null when both arms take part (or both rest). */
export function activeSide(pose: ArmPose): BodySide | null {
  switch (pose) {
    case 'palm-on-forehead':
    case 'palm-on-right-temple':
    case 'right-hand-over-head':
      return 'right';
    case 'palm-on-left-temple':
    case 'left-hand-over-head':
      return 'left';
    default:
      return null;
  }
}

function hanging(shoulder: WorldPoint, out: number): PosedArm {
  const B = SCAN_BODY;
  // Outside the trunk (the shirt is 4.05 units wide at the chest), the forearm a little forward.
  const elbow = add3(shoulder, scale3(unit3([out * 0.24, -1, 0.02]), B.upperArm));
  return straightFrom(shoulder, elbow, [out * 0.05, -1, 0.2], 'open', [-out, 0, 0]);
}

/** The arm of `side` in `motion` (model units, the trunk's axes); `neck` is the head's rotation relative to the trunk. */
export function scanArm(motion: BodyMotion, side: BodySide, neck: Mat3): PosedArm {
  const B = SCAN_BODY;
  const H = SCAN_HEAD_POINTS;
  const out = side === 'left' ? 1 : -1;
  const shoulder = withGirdle(onSide(B.shoulderJoint, out), motion);
  const active = activeSide(motion.arms);
  if (active !== null && active !== side) return hanging(shoulder, out);
  const head = (p: WorldPoint): WorldPoint => onHead(p, neck);
  const dir = (v: WorldPoint): WorldPoint => headDirection(unit3(v), neck);
  switch (motion.arms) {
    case 'rest':
      return hanging(shoulder, out);
    case 'arms-out':
      return straightFrom(shoulder, add3(shoulder, [out * B.upperArm, 0, 0]), [out, 0, 0], 'open', [0, -1, 0]);
    case 'arms-flexed': {
      const f = (motion.elbowFlexionDeg * Math.PI) / 180;
      // Biceps: the upper arm stays out at shoulder height, the forearm rises in the frontal plane.
      return straightFrom(shoulder, add3(shoulder, [out * B.upperArm, 0, 0]), [out * Math.cos(f), Math.sin(f), 0], 'fist', [-out * Math.sin(f), Math.cos(f), 0]);
    }
    case 'palm-on-forehead':
      // Across the forehead toward the other side, the elbow out, forward and a little up.
      return palmOn(shoulder, head(H.forehead), dir([0, 0.1, 1]), dir([-out, 0.15, 0]), add3(shoulder, [out * 4, 1, 5]));
    case 'palms-on-forehead':
      // Stacked across the forehead, the fingers toward the other side: the right palm on the skin,
      // the left over it (the wrists stay above the eyes, so the face is still seen).
      return palmOn(
        shoulder,
        add3(head(add3(H.forehead, [out * 0.35, 0, 0])), scale3(dir([0, 0.1, 1]), side === 'left' ? B.radii.handThickness : 0)),
        dir([0, 0.1, 1]),
        dir([-out, 0.08, 0]),
        add3(shoulder, [out * 4, 0.5, 5]),
      );
    case 'palm-on-left-temple':
    case 'palm-on-right-temple':
      // The hand on its own side's temple, the fingers up toward the crown, the elbow out and down.
      return palmOn(shoulder, head(onSide(H.temple, out)), dir([out, 0, 0.35]), dir([0, 1, -0.25]), add3(shoulder, [out * 4, -3, 1.5]));
    case 'left-hand-over-head':
    case 'right-hand-over-head':
      // Over the crown to the other side above the ear, the fingers down, the elbow high on its own side.
      return palmOn(shoulder, head(onSide(H.aboveEar, -out)), dir([-out, 0.2, 0]), dir([out * 0.25, -1, 0.1]), add3(shoulder, [out * 3, 9, 0]));
    case 'hands-at-neck': {
      // Palms on the back of the neck's sides, the fingers back and in, rubbing up and down.
      const rub = RUB_AMPLITUDE_CM * UNITS_PER_CM * Math.sin((2 * Math.PI * motion.tMs) / RUB_PERIOD_MS);
      const surface = add3(onSide(SCAN_NAPE_SIDE, out), [0, rub, 0]);
      return palmOn(shoulder, surface, [out * 0.7, 0, -0.7], [-out * 0.45, 0.15, -1], add3(shoulder, [out * 5, -2, 3]));
    }
    case 'hands-on-torso': {
      // Lying: the right palm on the stomach, its elbow on the floor; the left palm on the chest's
      // near half (toward the camera), its elbow out and a little up, so the forearm shows above the
      // chest from the side. With that elbow on the floor the forearm lay hidden along the chest's
      // top, and the pose landmarker put both wrists on the stomach's hand (docs/clipgen.md).
      const front = LYING_BODY.frontZ + motion.breathCm * UNITS_PER_CM;
      const surface: WorldPoint = side === 'right' ? [0.5, LYING_BODY.stomachY, front] : [-1.4, LYING_BODY.chestY, front];
      const pole = side === 'right' ? add3(shoulder, [out * 5, -3, -2]) : add3(shoulder, [out * 6, -1, 1]);
      return palmOn(shoulder, surface, [0, 0, 1], [-out, 0.3, 0], pole);
    }
    case 'hands-on-floor': {
      // Lying: palms flat on the floor beside the hips, fingers toward the feet; the floor stays
      // where it is while the torso (whose axes these are) rises, so the arm props it up.
      const rise = motion.torsoRiseDeg;
      const onFloor = (p: WorldPoint): WorldPoint => unriseAboutHips(p, rise);
      const turn = (v: WorldPoint): WorldPoint => sub3(onFloor(v), onFloor([0, 0, 0]));
      const surface = onFloor([out * 5.2, LYING_BODY.hip[1] + 1.2, LYING_BODY.floorZ]);
      return palmOn(shoulder, surface, turn([0, 0, 1]), turn([0, -1, 0]), add3(shoulder, [out * 4, -1, -4]));
    }
    case 'arms-out-on-floor': {
      // Face down: straight out to the sides, sloping down from the shoulder so that the palm lies
      // on the floor (face down the floor is on the face's side, model +z).
      const reach = B.upperArm + B.forearm + B.hand / 2;
      const drop = LYING_BODY.proneFloorZ - PALM_OFF_SKIN - shoulder[2];
      const d = unit3([out * Math.sqrt(Math.max(reach * reach - drop * drop, 0)), 0, drop]);
      return straightFrom(shoulder, add3(shoulder, scale3(d, B.upperArm)), d, 'open', [0, 0, 1]);
    }
    case 'hands-behind-head':
      // Behind the skull, the fingers toward the other hand, the elbows out and up.
      return palmOn(shoulder, head(add3(H.skullBack, [out * 0.9, 0, 0])), dir([0, 0, -1]), dir([-out, 0.1, 0]), add3(shoulder, [out * 6, 4, -1]));
    case 'hands-on-shoulders': {
      // Finger tips on the shoulder's top; the elbow forward, out and down, swinging with the girdle.
      const tip = add3(withGirdle(onSide(B.shoulderTop, out), motion), [0, 0.3, 0]);
      const swing = scale3([0, motion.elevationCm * UNITS_PER_CM, motion.protractionCm * UNITS_PER_CM], CIRCLE_ELBOW_GAIN);
      const elbow = add3(shoulder, scale3(unit3(add3(scale3(unit3([out * 0.5, -0.55, 0.65]), B.upperArm), swing)), B.upperArm));
      // Elbow → wrist → finger tips is a second two-bone chain (the wrist bends toward the body).
      const { elbow: wrist, wrist: handTip } = twoBoneIk(elbow, tip, B.forearm, B.hand, add3(elbow, [out * 0.5, 2, 3]));
      return { shoulder, elbow, wrist, handTip, palmNormal: [0, -1, 0], hand: 'open' };
    }
  }
}
