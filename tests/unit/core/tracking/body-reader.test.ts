import { describe, expect, it } from 'vitest';
import { ExerciseTracker } from '../../../../src/core/tracking/exercise-tracker';
import type { FrameObservation } from '../../../../src/core/landmarks';
import { readScanTrace } from '../../../support/traces/scan-trace';
import { tfjsBodyReader } from '../../../../src/core/head-pose/regression/tfjs-pose-head-regressor';

/**
 * The live session learns its camera's backend only once the camera runs, after its tracker was
 * made: `setBodyReader` switches the head network's weights (TF.js's body points have their own). On the TF.js-read held-out sweep, body only (no face), the head held turned 80°+.
 */
describe('ExerciseTracker.setBodyReader', () => {
  const { width, height, frames } = readScanTrace('tfjs');
  const observations: FrameObservation[] = frames.map((f, i) => ({ tMs: i * (1000 / 15), imageWidth: width, imageHeight: height, faces: [], poses: f.pose ? [f.pose] : [] }));
  const far = frames.map((f, i) => ({ i, yaw: f.truth.yawDeg })).filter((f) => f.yaw >= 80).map((f) => f.i);

  const meanFarYaw = (weights: 'mediapipe' | 'tfjs' | null): number => {
    const tracker = new ExerciseTracker({ neutral: null });
    if (weights === 'tfjs') tracker.setBodyReader(tfjsBodyReader);
    if (weights === 'mediapipe') tracker.setBodyReader(null);
    const yaws = observations.map((o) => tracker.step(o).estimate.head?.yawDeg ?? NaN);
    return far.reduce((s, i) => s + (yaws[i] ?? NaN), 0) / far.length;
  };

  it('reads TF.js\'s body with the TF.js weights once told, and with MediaPipe\'s until then', () => {
    expect(far.length).toBeGreaterThan(10);
    const untold = meanFarYaw(null);
    expect(meanFarYaw('mediapipe')).toBeCloseTo(untold, 9);
    const told = meanFarYaw('tfjs');
    // The truth on these frames is 80–90°: MediaPipe's weights read TF.js's points as about 50°.
    expect(told).toBeGreaterThan(untold + 15);
    expect(told).toBeGreaterThan(70);
  });
});
