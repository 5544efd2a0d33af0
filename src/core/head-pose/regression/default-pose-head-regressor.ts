import type { DenseNetworkJson } from './dense-network';
import weights from './pose-head-weights.json';
import { poseHeadRegressorMaker, type PoseHeadRegressor } from './pose-head-regressor';

/**
 * A regressor with the trained weights for MediaPipe's BlazePose (scripts/train-head-regressor.ts;
 * docs/head-pose.md says on what and how well). Bundled with the code: 2,800 numbers, about 8 KB
 * gzipped.
 */
export const createPoseHeadRegressor: () => PoseHeadRegressor = poseHeadRegressorMaker(weights as DenseNetworkJson);
