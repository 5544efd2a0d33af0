import { rotationToAngles } from '../../src/core/geometry/euler';
import { multiplyMat3 } from '../../src/core/geometry/mat3';
import { fitSimilarity } from '../../src/core/geometry/similarity-fit';
import type { Vec3 } from '../../src/core/geometry/vec3';
import type { BodyHeadReader } from '../../src/core/head-pose/estimate-head-pose';
import { headRay } from '../../src/core/head-pose/regression/pose-head-regressor';
import { BODY_HEAD_MODEL } from './body-head-model';

const MODEL_POINTS: readonly Vec3[] = BODY_HEAD_MODEL.map((m) => m.point);
const MAX_CONFIDENCE = 0.8;

/**
 * A body reader for synthetic subjects (synthetic-subject.ts): their head points are an exact
 * projection of BODY_HEAD_MODEL, so a rigid 3D fit (x, y and BlazePose-like depth) reads their
 * angles back, plus the same ray as the regression puts back. Tests of the fusion and the tracker
 * use it to have a body source whose reading they know; the learned regression itself is tested
 * on rendered and real landmarks (tests/unit/core/head-pose/regression).
 */
export function syntheticBodyReader(): BodyHeadReader {
  return (pose, size) => {
    const observed: Vec3[] = BODY_HEAD_MODEL.map((m) => {
      const l = pose.landmarks[m.index];
      return l ? { x: l.x * size.width, y: -l.y * size.height, z: -l.z * size.width } : { x: 0, y: 0, z: 0 };
    });
    const weights = BODY_HEAD_MODEL.map((m) => {
      const l = pose.landmarks[m.index];
      return l && Number.isFinite(l.x + l.y + l.z) ? 1 : 0;
    });
    const fit = fitSimilarity(MODEL_POINTS, observed, weights);
    if (!fit) return null;
    const rotation = multiplyMat3(headRay(pose, size), fit.rotation);
    const nose = pose.landmarks[0]?.visibility ?? 1;
    const ear = Math.max(pose.landmarks[7]?.visibility ?? 1, pose.landmarks[8]?.visibility ?? 1);
    return { angles: rotationToAngles(rotation), confidence: MAX_CONFIDENCE * Math.min(nose, ear) };
  };
}
