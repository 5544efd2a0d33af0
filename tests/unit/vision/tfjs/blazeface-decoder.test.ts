import { describe, expect, it } from 'vitest';
import { BLAZEFACE_VALUES_PER_ANCHOR, blazefaceAnchors, detectFaces, type Anchor, type FaceBox } from '../../../../src/vision/tfjs/blazeface-decoder';

function bestFace(raw: Float32Array, anchors: readonly Anchor[], minScore: number): FaceBox | null {
  return detectFaces(raw, anchors, minScore, 1)[0] ?? null;
}

const COORD_EPSILON = 1e-6;

describe('BlazeFace short-range decoding', () => {
  it('decodes the best-scoring anchor: logit first, then box offsets and keypoints in input pixels', () => {
    const anchors = blazefaceAnchors();
    const raw = new Float32Array(896 * BLAZEFACE_VALUES_PER_ANCHOR).fill(-10);
    const best = 600;
    const at = best * BLAZEFACE_VALUES_PER_ANCHOR;
    raw[at] = 3; // logit → score sigmoid(3) ≈ 0.95
    raw.set([12.8, -6.4, 32, 48], at + 1); // dx, dy, w, h in pixels of the 128 input
    raw.set([-8, -4], at + 5); // right eye
    raw.set([8, -4], at + 7); // left eye
    const face = bestFace(raw, anchors, 0.5);
    expect(face).not.toBeNull();
    const anchor = anchors[best]!;
    expect(face!.score).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
    expect(Math.abs(face!.centerX - (anchor.x + 0.1))).toBeLessThan(COORD_EPSILON);
    expect(Math.abs(face!.centerY - (anchor.y - 0.05))).toBeLessThan(COORD_EPSILON);
    expect(face!.width).toBeCloseTo(0.25, 6);
    expect(face!.height).toBeCloseTo(0.375, 6);
    expect(face!.keypoints[0]!.x).toBeCloseTo(anchor.x - 0.0625, 6);
    expect(face!.keypoints[1]!.x).toBeCloseTo(anchor.x + 0.0625, 6);
    expect(face!.keypoints).toHaveLength(6);
  });

  it('finds nothing below the score threshold and refuses a wrong-sized output', () => {
    const anchors = blazefaceAnchors();
    expect(bestFace(new Float32Array(896 * 17).fill(-2), anchors, 0.5)).toBeNull();
    expect(() => bestFace(new Float32Array(896 * 16), anchors, 0.5)).toThrow(RangeError);
  });

  it('finds several faces, best first, and drops the overlapping anchors around each (NMS)', () => {
    const anchors = blazefaceAnchors();
    const raw = new Float32Array(896 * BLAZEFACE_VALUES_PER_ANCHOR).fill(-10);
    // A face at anchor 512 (top-left cell of the 8×8 grid), a duplicate on the same cell's next
    // anchor (same box, lower score), and a second face far right on the same row.
    const face = (index: number, logit: number): void => {
      const at = index * BLAZEFACE_VALUES_PER_ANCHOR;
      raw[at] = logit;
      raw.set([0, 0, 20, 24], at + 1);
    };
    face(513, 2);
    face(512, 1.5);
    face(512 + 6 * 7, 1); // the same row's last cell
    const found = detectFaces(raw, anchors, 0.5, 5);
    expect(found).toHaveLength(2);
    expect(found[0]!.score).toBeGreaterThan(found[1]!.score);
    expect(found[0]!.centerX).toBeCloseTo(0.5 / 8, 6);
    expect(found[1]!.centerX).toBeCloseTo(7.5 / 8, 6);
    expect(detectFaces(raw, anchors, 0.5, 1)).toHaveLength(1);
    // Below the threshold the far face is not a face.
    expect(detectFaces(raw, anchors, 0.8, 5)).toHaveLength(1);
  });
});
