import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPoseDetection, poseDetectorAnchors, POSE_DETECTOR_INPUT_SIZE, POSE_DETECTOR_VALUES_PER_ANCHOR } from '../../../../src/vision/tfjs/blazepose-detector-decoder';
import { BLAZEPOSE_POINTS, decodePoseLandmarks, POSE_LANDMARK_INPUT_SIZE, POSE_MODEL_POINTS } from '../../../../src/vision/tfjs/blazepose-landmark-decoder';
import { POSE_ROI_SCALE, poseRoi, uprightRotation } from '../../../../src/vision/tfjs/pose-roi';
import { cropToImage, imageToCrop, type Point2, type SquareCrop } from '../../../../src/vision/crop/square-crop';

const PIXEL_EPSILON = 1e-6;
const ANGLE_EPSILON_RAD = 1e-9;

describe('pose detector decoding', () => {
  it('takes the best-scoring anchor: logit first, its hip centre and scale point in input pixels from the anchor', () => {
    const anchors = poseDetectorAnchors();
    const raw = new Float32Array(anchors.length * POSE_DETECTOR_VALUES_PER_ANCHOR).fill(-10);
    const put = (index: number, logit: number, hip: Point2, scale: Point2): void => {
      const at = index * POSE_DETECTOR_VALUES_PER_ANCHOR;
      raw[at] = logit;
      raw.set([0, 0, 40, 40, hip.x, hip.y, scale.x, scale.y], at + 1);
    };
    put(2000, 1, { x: 0, y: 0 }, { x: 0, y: -10 });
    put(699, 3, { x: 22.4, y: 44.8 }, { x: 0, y: -22.4 });
    const person = bestPoseDetection(raw, anchors, 0.5);
    expect(person).not.toBeNull();
    const anchor = anchors[699]!;
    expect(person!.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 9);
    // Offsets are float32 input pixels: compared at its precision.
    expect(person!.hipCenter.x).toBeCloseTo(anchor.x + 22.4 / POSE_DETECTOR_INPUT_SIZE, 6);
    expect(person!.hipCenter.y).toBeCloseTo(anchor.y + 0.2, 6);
    expect(person!.fullBodyScale.x).toBeCloseTo(anchor.x, 6);
    expect(person!.fullBodyScale.y).toBeCloseTo(anchor.y - 0.1, 6);
  });

  it('finds nobody below the score threshold and refuses a wrong-sized output', () => {
    const anchors = poseDetectorAnchors();
    expect(bestPoseDetection(new Float32Array(2254 * 13).fill(-1), anchors, 0.5)).toBeNull();
    expect(() => bestPoseDetection(new Float32Array(2254 * 12), anchors, 0.5)).toThrow(RangeError);
  });
});

describe('pose regions', () => {
  it('an upright body (scale point straight above the hips) gives no rotation; a body leaning to image-right turns the crop clockwise', () => {
    expect(uprightRotation({ x: 100, y: 300 }, { x: 100, y: 100 })).toBeCloseTo(0, 12);
    expect(uprightRotation({ x: 100, y: 300 }, { x: 300, y: 100 })).toBeCloseTo(Math.PI / 4, 12);
    expect(uprightRotation({ x: 100, y: 300 }, { x: -100, y: 300 })).toBeCloseTo(-Math.PI / 2, 12);
    // Upside down: ±π, normalised into [-π, π).
    expect(Math.abs(uprightRotation({ x: 100, y: 100 }, { x: 100, y: 300 }))).toBeCloseTo(Math.PI, 12);
  });

  it('centres on the hips, side 2 × 1.25 × the radius, and the scale point lands straight above the centre in the crop', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 600, noNaN: true }),
        fc.double({ min: 50, max: 400, noNaN: true }),
        fc.double({ min: 20, max: 300, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (cx, cy, radius, lean) => {
          const hip = { x: cx, y: cy };
          const scale = { x: cx + radius * Math.sin(lean), y: cy - radius * Math.cos(lean) };
          const roi = poseRoi(hip, scale);
          expect(roi.centerX).toBe(cx);
          expect(roi.centerY).toBe(cy);
          expect(roi.size).toBeCloseTo(2 * radius * POSE_ROI_SCALE, 6);
          const inCrop = imageToCrop(roi, 256, scale);
          expect(Math.abs(inCrop.x - 128)).toBeLessThan(PIXEL_EPSILON);
          expect(inCrop.y).toBeCloseTo(128 - (256 * radius) / roi.size, 6);
          // The crop turns by the lean (compared as a direction: ±π are one angle).
          expect(Math.abs(Math.sin(roi.rotation - lean))).toBeLessThan(ANGLE_EPSILON_RAD);
          expect(Math.cos(roi.rotation - lean)).toBeGreaterThan(0);
        },
      ),
    );
  });
});

/** A synthetic ld_3d / world_3d pair: point i at crop pixel (8 + 6i, 250 − 6i), z = i − 20, logits i − 30. */
function syntheticOutputs(): { ld: Float32Array; world: Float32Array } {
  const ld = new Float32Array(POSE_MODEL_POINTS * 5);
  const world = new Float32Array(POSE_MODEL_POINTS * 3);
  for (let i = 0; i < POSE_MODEL_POINTS; i++) {
    ld.set([8 + 6 * i, 250 - 6 * i, i - 20, i - 30, 5], i * 5);
    world.set([0.01 * i, -0.02 * i, 0.03 * i], i * 3);
  }
  return { ld, world };
}

describe('pose landmark decoding', () => {
  const crop: SquareCrop = { centerX: 300, centerY: 260, size: 400, rotation: 0.3 };
  const width = 640;
  const height = 480;

  it('maps each point out of the turned crop into the normalised image, z in image widths, visibility through a sigmoid', () => {
    const { ld, world } = syntheticOutputs();
    const { observation } = decodePoseLandmarks(ld, world, crop, width, height);
    expect(observation.landmarks).toHaveLength(BLAZEPOSE_POINTS);
    for (const i of [0, 9, 10, 11, 32]) {
      const expected = cropToImage(crop, POSE_LANDMARK_INPUT_SIZE, { x: 8 + 6 * i, y: 250 - 6 * i });
      const p = observation.landmarks[i]!;
      expect(p.x * width).toBeCloseTo(expected.x, 6);
      expect(p.y * height).toBeCloseTo(expected.y, 6);
      expect(p.z).toBeCloseTo(((i - 20) * (crop.size / POSE_LANDMARK_INPUT_SIZE)) / width, 9);
      expect(p.visibility).toBeCloseTo(1 / (1 + Math.exp(30 - i)), 9);
    }
  });

  it('turns the world landmarks upright by the crop rotation, keeping their length and z', () => {
    const { ld, world } = syntheticOutputs();
    const { observation } = decodePoseLandmarks(ld, world, crop, width, height);
    const worldLandmarks = observation.worldLandmarks!;
    expect(worldLandmarks).toHaveLength(BLAZEPOSE_POINTS);
    const i = 12;
    const p = worldLandmarks[i]!;
    // The outputs are float32: compared at its precision.
    expect(Math.hypot(p.x, p.y)).toBeCloseTo(Math.hypot(0.01 * i, 0.02 * i), 6);
    expect(p.x).toBeCloseTo(Math.cos(0.3) * 0.01 * i + Math.sin(0.3) * 0.02 * i, 6);
    expect(p.y).toBeCloseTo(Math.sin(0.3) * 0.01 * i - Math.cos(0.3) * 0.02 * i, 6);
    expect(p.z).toBeCloseTo(0.03 * i, 6);
    expect(decodePoseLandmarks(ld, null, crop, width, height).observation.worldLandmarks).toBeNull();
  });

  it('takes the next frame\'s region from the auxiliary points 33 (hip centre) and 34 (scale point)', () => {
    const { ld, world } = syntheticOutputs();
    const { nextRoi } = decodePoseLandmarks(ld, world, crop, width, height);
    const hip = cropToImage(crop, POSE_LANDMARK_INPUT_SIZE, { x: 8 + 6 * 33, y: 250 - 6 * 33 });
    const scale = cropToImage(crop, POSE_LANDMARK_INPUT_SIZE, { x: 8 + 6 * 34, y: 250 - 6 * 34 });
    expect(nextRoi).toEqual(poseRoi(hip, scale));
  });

  it('refuses outputs of the wrong size', () => {
    const { ld, world } = syntheticOutputs();
    expect(() => decodePoseLandmarks(ld.subarray(5), world, crop, width, height)).toThrow(RangeError);
    expect(() => decodePoseLandmarks(ld, world.subarray(3), crop, width, height)).toThrow(RangeError);
  });
});
