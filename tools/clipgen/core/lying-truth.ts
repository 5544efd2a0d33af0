import { DEG_PER_RAD } from '../../../src/core/geometry/angle-units';
import { anglesToMatrix } from '../../../src/core/geometry/euler';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { BodyPose } from './body-timeline';
import type { WorldPoint } from './camera-rig';
import { LYING_BODY, lyingToWorld, riseAboutHips } from './lying-rig';
import { onHead } from './scan-arms';
import { SCAN_BODY, onSide } from './scan-body';

/** The left ear's centre on the scan (model units at neutral; the right one is mirrored). */
export const SCAN_EAR: WorldPoint = [1.85, 1.4, -0.1];

/**
 * What the lying exercises read, exact, from the side (the camera's side: the subject's right):
 * the hip→shoulder line's elevation above the floor (`torso-rise`), the shoulder→ear line's
 * elevation less the torso's (`neck-rise`; src/core/reps/body-signals.ts), both in degrees on the
 * body's side plane through the joints' centres, and the breath's rise in cm. The exercises count
 * changes from a settled baseline: the neck's line starts above the torso's (the ear is higher
 * than the shoulder joint lying flat).
 */
export interface LyingTruth {
  readonly torsoRiseDeg: number;
  readonly neckRiseDeg: number;
  readonly breathCm: number;
}

/** Elevation of from→to above the floor on the side plane (world x along the body, y up), degrees. */
function elevationDeg(from: WorldPoint, to: WorldPoint): number {
  return Math.atan2(to[1] - from[1], Math.abs(to[0] - from[0])) * DEG_PER_RAD;
}

export function lyingTruth(neck: HeadAngles, body: Pick<BodyPose, 'torsoRiseDeg' | 'breathCm'>): LyingTruth {
  const right = -1;
  const risen = (p: WorldPoint): WorldPoint => lyingToWorld(riseAboutHips(p, body.torsoRiseDeg));
  const hip = lyingToWorld(onSide(LYING_BODY.hip, right));
  const shoulder = risen(onSide(SCAN_BODY.shoulderJoint, right));
  const ear = risen(onHead(onSide(SCAN_EAR, right), anglesToMatrix(neck)));
  const torso = elevationDeg(hip, shoulder);
  return { torsoRiseDeg: torso, neckRiseDeg: elevationDeg(shoulder, ear) - torso, breathCm: body.breathCm };
}
