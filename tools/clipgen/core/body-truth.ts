import type { Mat3 } from '../../../src/core/geometry/mat3';
import { anglesToMatrix } from '../../../src/core/geometry/euler';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { ArmPose } from './arm-pose';
import type { BodyPose } from './body-timeline';
import type { WorldPoint } from './camera-rig';
import { angleBetweenDeg, scale3, sub3 } from './point3';
import { scanArm, type BodyMotion, type PosedArm } from './scan-arms';
import { SCAN_METRES_PER_UNIT } from './scan-rig';

/** A joint in metres in the bust's own axes (the scan's origin; x to the subject's left, y up, z forward), before any trunk turn. */
export type BodyPointM = WorldPoint;

export interface ArmTruth {
  readonly shoulder: BodyPointM;
  readonly elbow: BodyPointM;
  readonly wrist: BodyPointM;
  /** The angle between the upper arm and the forearm's directions, degrees (0 = straight): 3D, exact. */
  readonly elbowFlexionDeg: number;
}

/**
 * What the body does in one frame, exactly: the scripted values (girdle elevation and protraction,
 * the flexed pose's elbow angle) and each arm's joints as rendered, so a counter's reading (the
 * shoulder–ear gap, an elbow's angle or path) can be checked against them.
 */
export interface BodyTruth extends BodyPose {
  readonly arms: ArmPose;
  readonly left: ArmTruth;
  readonly right: ArmTruth;
}

function metres(p: WorldPoint): BodyPointM {
  return scale3(p, SCAN_METRES_PER_UNIT);
}

function armTruth(arm: PosedArm): ArmTruth {
  return {
    shoulder: metres(arm.shoulder),
    elbow: metres(arm.elbow),
    wrist: metres(arm.wrist),
    elbowFlexionDeg: angleBetweenDeg(sub3(arm.elbow, arm.shoulder), sub3(arm.wrist, arm.elbow)),
  };
}

export function bodyTruth(motion: BodyMotion, neck: HeadAngles): BodyTruth {
  const r: Mat3 = anglesToMatrix(neck);
  return {
    elevationCm: motion.elevationCm,
    protractionCm: motion.protractionCm,
    elbowFlexionDeg: motion.elbowFlexionDeg,
    torsoRiseDeg: motion.torsoRiseDeg,
    breathCm: motion.breathCm,
    arms: motion.arms,
    left: armTruth(scanArm(motion, 'left', r)),
    right: armTruth(scanArm(motion, 'right', r)),
  };
}
