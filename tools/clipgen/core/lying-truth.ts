import { DEG_PER_RAD } from '../../../src/core/geometry/angle-units';
import { anglesToMatrix } from '../../../src/core/geometry/euler';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { BodyPose } from './body-timeline';
import type { WorldPoint } from './camera-rig';
import { LYING_BODY, lyingToWorld, nearSide, riseAboutHips, type LyingPosition } from './lying-rig';
import type { ScanCamera } from './scan-rig';
import { onHead } from './scan-arms';
import { SCAN_BODY, onSide } from './scan-body';

/** The left ear's centre on the scan (model units at neutral; the right one is mirrored). */
export const SCAN_EAR: WorldPoint = [1.85, 1.4, -0.1];

/**
 * What the lying exercises read, exact, from the side (the camera's side: the subject's right on
 * the back, the left face down): the hip→shoulder line's elevation above the floor (`torso-rise`),
 * the shoulder→ear line's elevation less the torso's (`neck-rise`; src/core/reps/body-signals.ts),
 * both in degrees on the body's side plane through the joints' centres, the breath's rise in cm,
 * and the head's turn about the body's long axis relative to the torso (`headTurnDeg`: the neck's
 * yaw, > 0 the face turned to the subject's left; face down, prone-ear-to-floor's signal). The
 * exercises count changes from a settled baseline: the neck's line starts above the torso's (the
 * ear is higher than the shoulder joint lying flat).
 */
export interface LyingTruth {
  readonly torsoRiseDeg: number;
  readonly neckRiseDeg: number;
  readonly breathCm: number;
  readonly headTurnDeg: number;
}

/** Elevation of from→to above the floor on the side plane (world x along the body, y up), degrees. */
function elevationDeg(from: WorldPoint, to: WorldPoint): number {
  return Math.atan2(to[1] - from[1], Math.abs(to[0] - from[0])) * DEG_PER_RAD;
}

export function lyingTruth(neck: HeadAngles, body: Pick<BodyPose, 'torsoRiseDeg' | 'breathCm'>, position: LyingPosition = 'supine', camera?: Pick<ScanCamera, 'side'>): LyingTruth {
  const near = nearSide(position, camera);
  const risen = (p: WorldPoint): WorldPoint => lyingToWorld(riseAboutHips(p, body.torsoRiseDeg), position, camera);
  const hip = lyingToWorld(onSide(LYING_BODY.hip, near), position, camera);
  const shoulder = risen(onSide(SCAN_BODY.shoulderJoint, near));
  const ear = risen(onHead(onSide(SCAN_EAR, near), anglesToMatrix(neck)));
  const torso = elevationDeg(hip, shoulder);
  return { torsoRiseDeg: torso, neckRiseDeg: elevationDeg(shoulder, ear) - torso, breathCm: body.breathCm, headTurnDeg: neck.yawDeg };
}
