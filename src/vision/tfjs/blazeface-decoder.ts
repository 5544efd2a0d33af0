import { ssdAnchors, type Anchor } from './ssd-anchors';

/**
 * Decoding of MediaPipe's short-range face detector (BlazeFace, 128×128 input, 896 anchors) as
 * converted to TF.js: one [896, 17] output, per anchor [logit, dx, dy, w, h, 6 × (kx, ky)] in input
 * pixels relative to the anchor centre (MediaPipe's face_detection_short_range graph options).
 */
export const BLAZEFACE_INPUT_SIZE = 128;
export const BLAZEFACE_VALUES_PER_ANCHOR = 17;
const STRIDES = [8, 16, 16, 16] as const;

export type { Anchor };

/** SSD anchors, centres normalised to 0..1: 16×16×2 then 8×8×6 = 896 (same-stride layers merged). */
export function blazefaceAnchors(inputSize: number = BLAZEFACE_INPUT_SIZE): Anchor[] {
  return ssdAnchors(inputSize, STRIDES);
}

/** A face found by the detector, normalised to the detector's input square (0..1). */
export interface FaceBox {
  readonly score: number;
  readonly centerX: number;
  readonly centerY: number;
  readonly width: number;
  readonly height: number;
  /** Subject's right eye, left eye, nose tip, mouth, right ear, left ear. */
  readonly keypoints: readonly Anchor[];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Overlap (intersection over union) above which two boxes are one face (MediaPipe's detector uses 0.3). */
export const FACE_NMS_IOU = 0.3;

function decode(raw: Float32Array, anchors: readonly Anchor[], index: number, inputSize: number): FaceBox {
  const anchor = anchors[index] as Anchor;
  const at = (k: number): number => (raw[index * BLAZEFACE_VALUES_PER_ANCHOR + k] as number) / inputSize;
  const keypoints: Anchor[] = [];
  for (let k = 0; k < 6; k++) keypoints.push({ x: at(5 + 2 * k) + anchor.x, y: at(6 + 2 * k) + anchor.y });
  const score = sigmoid(raw[index * BLAZEFACE_VALUES_PER_ANCHOR] as number);
  return { score, centerX: at(1) + anchor.x, centerY: at(2) + anchor.y, width: at(3), height: at(4), keypoints };
}

function overlap(a: FaceBox, b: FaceBox): number {
  const w = Math.max(0, Math.min(a.centerX + a.width / 2, b.centerX + b.width / 2) - Math.max(a.centerX - a.width / 2, b.centerX - b.width / 2));
  const h = Math.max(0, Math.min(a.centerY + a.height / 2, b.centerY + b.height / 2) - Math.max(a.centerY - a.height / 2, b.centerY - b.height / 2));
  const union = a.width * a.height + b.width * b.height - w * h;
  return union > 0 ? (w * h) / union : 0;
}

/**
 * Up to `maxFaces` faces at or above `minScore`, best first, neighbours of a kept face dropped
 * (greedy non-maximum suppression). `raw` is the flattened [896, 17] output. A kept face is its
 * best anchor alone: the neighbours NMS would average in only move the box by a pixel, and the
 * mesh refines it anyway.
 */
export function detectFaces(raw: Float32Array, anchors: readonly Anchor[], minScore: number, maxFaces: number, inputSize: number = BLAZEFACE_INPUT_SIZE): FaceBox[] {
  if (raw.length !== anchors.length * BLAZEFACE_VALUES_PER_ANCHOR) {
    throw new RangeError(`expected ${anchors.length} × ${BLAZEFACE_VALUES_PER_ANCHOR} values, got ${raw.length}`);
  }
  const candidates: number[] = [];
  for (let i = 0; i < anchors.length; i++) {
    if (sigmoid(raw[i * BLAZEFACE_VALUES_PER_ANCHOR] as number) >= minScore) candidates.push(i);
  }
  candidates.sort((i, j) => (raw[j * BLAZEFACE_VALUES_PER_ANCHOR] as number) - (raw[i * BLAZEFACE_VALUES_PER_ANCHOR] as number));
  const kept: FaceBox[] = [];
  for (const index of candidates) {
    if (kept.length >= maxFaces) break;
    const face = decode(raw, anchors, index, inputSize);
    if (kept.every((other) => overlap(face, other) <= FACE_NMS_IOU)) kept.push(face);
  }
  return kept;
}
