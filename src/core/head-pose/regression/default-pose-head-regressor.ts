import { denseWeights, type DenseNetworkJson } from './dense-network';
import weights from './pose-head-weights.json';
import { PoseHeadRegressor } from './pose-head-regressor';

/**
 * The trained weights (scripts/train-head-regressor.ts; docs/head-pose.md says on what and how
 * well). Bundled with the code: 2,800 numbers, about 8 KB gzipped.
 */
export const POSE_HEAD_WEIGHTS: DenseNetworkJson = weights as DenseNetworkJson;

/** The same, laid out once for every regressor (read only). */
const POSE_HEAD_DENSE_WEIGHTS = denseWeights(POSE_HEAD_WEIGHTS);

/** A regressor with the trained weights (each estimator owns one: it keeps per-frame buffers). */
export function createPoseHeadRegressor(): PoseHeadRegressor {
  return new PoseHeadRegressor(POSE_HEAD_DENSE_WEIGHTS);
}
