import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSE } from '../../../../src/core/pose-indices';
import { BLAZEPOSE_POINT_COUNT, COCO_KEYPOINTS, movenetToBlazePose, type ScoredPoint } from '../../../../src/vision/tfjs/movenet-to-blazepose';

/** COCO's own order (cocodataset.org keypoint names), written out independently of the module. */
const COCO_ORDER_TO_BLAZEPOSE: readonly number[] = [
  POSE.nose,
  POSE.leftEye,
  POSE.rightEye,
  POSE.leftEar,
  POSE.rightEar,
  POSE.leftShoulder,
  POSE.rightShoulder,
  POSE.leftElbow,
  POSE.rightElbow,
  POSE.leftWrist,
  POSE.rightWrist,
  POSE.leftHip,
  POSE.rightHip,
  POSE.leftKnee,
  POSE.rightKnee,
  POSE.leftAnkle,
  POSE.rightAnkle,
];

const point = fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), score: fc.double({ min: 0.01, max: 1, noNaN: true }) });
const keypoints = fc.array(point, { minLength: 17, maxLength: 17 });

describe('movenetToBlazePose', () => {
  it('puts every COCO keypoint at its BlazePose index with its score as visibility', () => {
    fc.assert(
      fc.property(keypoints, (kps) => {
        const out = movenetToBlazePose(kps);
        expect(out).toHaveLength(BLAZEPOSE_POINT_COUNT);
        kps.forEach((kp, i) => {
          expect(out[COCO_ORDER_TO_BLAZEPOSE[i]!]).toEqual({ x: kp.x, y: kp.y, z: 0, visibility: kp.score });
        });
      }),
    );
  });

  it('marks the 16 points COCO lacks invisible, placed on a neighbouring COCO point of the same side', () => {
    fc.assert(
      fc.property(keypoints, (kps) => {
        const out = movenetToBlazePose(kps);
        const missing = [...Array(BLAZEPOSE_POINT_COUNT).keys()].filter((i) => !COCO_ORDER_TO_BLAZEPOSE.includes(i));
        expect(missing).toHaveLength(16);
        for (const i of missing) expect(out[i]?.visibility).toBe(0);
        // e.g. the left thumb stands on the left wrist, the right heel on the right ankle.
        expect(out[POSE.leftThumb]).toMatchObject({ x: kps[9]!.x, y: kps[9]!.y });
        expect(out[POSE.rightHeel]).toMatchObject({ x: kps[16]!.x, y: kps[16]!.y });
        expect(out[POSE.leftEyeOuter]).toMatchObject({ x: kps[1]!.x, y: kps[1]!.y });
      }),
    );
  });

  it('names 17 distinct keypoints and refuses another count', () => {
    expect(new Set(COCO_KEYPOINTS).size).toBe(17);
    const sixteen: ScoredPoint[] = Array.from({ length: 16 }, () => ({ x: 0.5, y: 0.5, score: 1 }));
    expect(() => movenetToBlazePose(sixteen)).toThrow(RangeError);
  });
});
