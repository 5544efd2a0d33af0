import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../../src/core/landmarks';
import { createPoseHeadRegressor } from '../../../../../src/core/head-pose/regression/default-pose-head-regressor';
import { mirrorPoseHeadFeatures, poseHeadFeatures, POSE_HEAD_FEATURE_COUNT } from '../../../../../src/core/head-pose/regression/pose-head-features';
import { readScanTrace } from '../../../../support/traces/scan-trace';

/**
 * The trained regression on a recorded trace it was not trained or tuned on: the rendered scan
 * sweeping 0 → ±90° of yaw seen from a camera 15 cm above the eyes (the training clips' cameras
 * are elsewhere): tests/support/traces/scan-trace.ts.
 */
describe('PoseHeadRegressor (trained weights) on a held-out rendered sweep', () => {
  const { width, height, frames } = readScanTrace();
  const regressor = createPoseHeadRegressor();
  const errors = new Map<string, number[]>();
  for (const frame of frames) {
    if (frame.pose === null) continue;
    const angles = regressor.angles(frame.pose, { width, height });
    if (angles === null) continue;
    const magnitude = Math.abs(frame.truth.yawDeg);
    const bin = magnitude < 30 ? '0-30' : magnitude < 60 ? '30-60' : '60-90';
    errors.set(bin, [...(errors.get(bin) ?? []), Math.abs(angles.yawDeg - frame.truth.yawDeg)]);
  }
  const mae = (bin: string): number => {
    const list = errors.get(bin) ?? [];
    return list.reduce((s, e) => s + e, 0) / list.length;
  };

  it('reads a body on every frame that has one', () => {
    const withBody = frames.filter((f) => f.pose !== null).length;
    expect(withBody).toBeGreaterThan(0.95 * frames.length);
    expect([...errors.values()].reduce((s, l) => s + l.length, 0)).toBe(withBody);
  });

  it('reads the yaw through the whole turn, the face mesh’s range and beyond', () => {
    // Measured with these weights: 0–30° 1.2, 30–60° 2.7, 60–90° 5.5 (the network alone, on the
    // full pose model's landmarks; the face leads below 45° in the fusion). Trained on the lite and
    // the full model's readings, it reads lite's better (docs/head-pose.md). The plain face matrix
    // reads nothing past ≈ 65°; untrained weights read every bin 30° off or worse.
    expect(mae('0-30')).toBeLessThan(3);
    expect(mae('30-60')).toBeLessThan(4.5);
    expect(mae('60-90')).toBeLessThan(10);
  });

  it('reads a mirrored frame as the same turn to the other side', () => {
    const features = new Float64Array(POSE_HEAD_FEATURE_COUNT);
    const mirrored = new Float64Array(POSE_HEAD_FEATURE_COUNT);
    let asymmetry = 0;
    let count = 0;
    for (const frame of frames) {
      if (frame.pose === null || !poseHeadFeatures(frame.pose.landmarks, width, height, features)) continue;
      mirrorPoseHeadFeatures(features, mirrored);
      const flipped: Landmark[] = frame.pose.landmarks.map((l) => ({ ...l }));
      const direct = regressor.angles(frame.pose, { width, height });
      // The mirrored frame's landmarks: x flipped, left and right swapped (pairs 1↔4, 2↔5, …).
      const pairs: [number, number][] = [[1, 4], [2, 5], [3, 6], [7, 8], [9, 10], [11, 12]];
      for (const [a, b] of pairs) [flipped[a], flipped[b]] = [flipped[b] as Landmark, flipped[a] as Landmark];
      const mirroredPose = { landmarks: flipped.map((l) => ({ ...l, x: 1 - l.x })), worldLandmarks: null };
      const back = regressor.angles(mirroredPose, { width, height });
      if (direct === null || back === null) continue;
      asymmetry += Math.abs(direct.yawDeg + back.yawDeg);
      count += 1;
    }
    // Trained on both sides of every frame: mean |yaw(frame) + yaw(mirror)| stays small (7.7°
    // with these weights on this sweep).
    expect(asymmetry / count).toBeLessThan(10);
  });
});
