import { regressionReader, type BodyHeadReader } from '../estimate-head-pose';
import type { DenseNetworkJson } from './dense-network';
import weights from './pose-head-weights-tfjs.json';
import { poseHeadRegressorMaker, type PoseHeadRegressor } from './pose-head-regressor';

/**
 * The head network's weights for the TF.js backend's BlazePose lite. Its points differ from
 * MediaPipe's where it matters most: at a far turn MediaPipe brings the ears together and swings
 * the shoulders with the head, TF.js keeps the ears apart (on the rendered scan at 89° of yaw,
 * 0.005 against 0.067 of the image's width). MediaPipe's weights read TF.js's 90° turn as about
 * 50°, and one network trained on both read each worse (docs/head-pose.md), so TF.js has its own,
 * trained on the same clips read by TF.js. A module of its own, loaded only when TF.js runs: it
 * is not part of the first page load.
 */
export const createTfjsPoseHeadRegressor: () => PoseHeadRegressor = poseHeadRegressorMaker(weights as DenseNetworkJson);

/** The body reader for TF.js's landmarks (HeadPoseOptions.body, ExerciseTracker.setBodyReader). */
export function tfjsBodyReader(): BodyHeadReader {
  return regressionReader(createTfjsPoseHeadRegressor());
}
