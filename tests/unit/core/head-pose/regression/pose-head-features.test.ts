import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../../src/core/landmarks';
import { POSE } from '../../../../../src/core/pose-indices';
import { HEAD_POINT_MIRROR, HEAD_POINTS, mirrorPoseHeadFeatures, poseHeadFeatures, POSE_HEAD_FEATURE_COUNT } from '../../../../../src/core/head-pose/regression/pose-head-features';

const WIDTH = 640, HEIGHT = 480;
const MIRROR_INDEX: Record<number, number> = {};
HEAD_POINTS.forEach((index, slot) => (MIRROR_INDEX[index] = HEAD_POINTS[HEAD_POINT_MIRROR[slot] as number] as number));
MIRROR_INDEX[POSE.leftShoulder] = POSE.rightShoulder;
MIRROR_INDEX[POSE.rightShoulder] = POSE.leftShoulder;

const point = fc.record({ x: fc.double({ min: 0.2, max: 0.8, noNaN: true }), y: fc.double({ min: 0.2, max: 0.8, noNaN: true }), z: fc.double({ min: -0.3, max: 0.3, noNaN: true }), visibility: fc.double({ min: 0, max: 1, noNaN: true }) });
const skeleton = fc.array(point, { minLength: 33, maxLength: 33 });

/** The same landmarks as a horizontally mirrored frame shows them: x flipped, left and right swapped. */
function mirrorLandmarks(landmarks: readonly Landmark[]): Landmark[] {
  return landmarks.map((_, index) => {
    const twin = landmarks[MIRROR_INDEX[index] ?? index] as Landmark;
    return { ...twin, x: 1 - twin.x };
  });
}

function features(landmarks: readonly Landmark[], width = WIDTH, height = HEIGHT): Float64Array | null {
  const out = new Float64Array(POSE_HEAD_FEATURE_COUNT);
  return poseHeadFeatures(landmarks, width, height, out) ? out : null;
}

describe('poseHeadFeatures', () => {
  it('does not change when the person moves or comes closer (position and scale free)', () => {
    fc.assert(
      fc.property(skeleton, fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.double({ min: 0.6, max: 1.5, noNaN: true }), (landmarks, shift, scale) => {
        const base = features(landmarks);
        fc.pre(base !== null);
        const moved = landmarks.map((l) => ({ ...l, x: 0.5 + (l.x - 0.5) * scale + shift, y: 0.5 + (l.y - 0.5) * scale, z: l.z * scale }));
        const other = features(moved);
        expect(other).not.toBeNull();
        (other as Float64Array).forEach((v, k) => expect(v).toBeCloseTo(base?.[k] as number, 9));
      }),
    );
  });

  it('mirrorPoseHeadFeatures gives the features of the mirrored frame', () => {
    fc.assert(
      fc.property(skeleton, (landmarks) => {
        const base = features(landmarks);
        fc.pre(base !== null);
        const mirrored = new Float64Array(POSE_HEAD_FEATURE_COUNT);
        mirrorPoseHeadFeatures(base as Float64Array, mirrored);
        const direct = features(mirrorLandmarks(landmarks)) as Float64Array;
        direct.forEach((v, k) => expect(mirrored[k]).toBeCloseTo(v, 9));
      }),
    );
  });

  it('refuses missing, non-finite or collapsed head points', () => {
    const still: Landmark[] = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 1 }));
    expect(features(still)).toBeNull();
    expect(features(still.slice(0, 12))).toBeNull();
    const spread = still.map((l, i) => ({ ...l, x: 0.3 + i * 0.01 }));
    expect(features(spread)).not.toBeNull();
    expect(features(spread.map((l, i) => (i === POSE.nose ? { ...l, x: Number.NaN } : l)))).toBeNull();
    expect(features(spread, 0, HEIGHT)).toBeNull();
  });
});
