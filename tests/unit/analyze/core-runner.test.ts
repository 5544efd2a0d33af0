import { describe, expect, it } from 'vitest';
import { createCoreFileRunner, headPoseFor } from '../../../scripts/analyze/core-runner';
import type { DenseNetworkJson } from '../../../src/core/head-pose/regression/dense-network';
import mediapipeWeights from '../../../src/core/head-pose/regression/pose-head-weights.json';
import tfjsWeights from '../../../src/core/head-pose/regression/pose-head-weights-tfjs.json';
import type { HeadPoseOptions } from '../../../src/core/head-pose/estimate-head-pose';
import type { FrameObservation } from '../../../src/core/landmarks';
import { readScanTrace } from '../../support/traces/scan-trace';

/**
 * analyze's --head-weights: the body is read with the weights given, on either backend, and the
 * rest of the chain stays the app's. On the TF.js-read sweep, body only (no face), the head turned
 * 80° and more, where the two weight sets read TF.js's points 20–30° apart.
 */
describe('headPoseFor with weights (analyze --head-weights)', () => {
  const { width, height, frames } = readScanTrace('tfjs');
  const far: FrameObservation[] = frames
    .filter((f) => f.pose !== null && f.truth.yawDeg >= 80)
    .map((f, i) => ({ tMs: i * 66, imageWidth: width, imageHeight: height, faces: [], poses: f.pose ? [f.pose] : [] }));

  const meanYaw = (headPose: HeadPoseOptions): number => {
    const runner = createCoreFileRunner('image', null, headPose);
    return far.reduce((sum, frame) => sum + (runner.frame(frame).angles?.yawDeg ?? NaN), 0) / far.length;
  };

  it('reads the body with the weights given instead of the backend\'s own', () => {
    expect(far.length).toBeGreaterThan(10);
    const shippedTfjs = meanYaw(headPoseFor('tfjs'));
    const shippedMediapipe = meanYaw(headPoseFor('mediapipe'));
    expect(shippedTfjs - shippedMediapipe).toBeGreaterThan(15);
    expect(meanYaw(headPoseFor('tfjs', mediapipeWeights as DenseNetworkJson))).toBeCloseTo(shippedMediapipe, 9);
    expect(meanYaw(headPoseFor('mediapipe', tfjsWeights as DenseNetworkJson))).toBeCloseTo(shippedTfjs, 9);
  });
});
