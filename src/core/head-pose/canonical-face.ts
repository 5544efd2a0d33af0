import type { Vec3 } from '../geometry/vec3';
import { POINT_STRIDE } from '../packed-points';

/**
 * The 33 face-mesh points MediaPipe's geometry pipeline uses for its Procrustes fit, with their
 * positions on the canonical face model (cm; x to the subject's left = the image's right on a
 * frontal unmirrored image, y up, z toward the viewer) and their Procrustes weights.
 * Source: mediapipe/modules/face_geometry/data/geometry_pipeline_metadata_landmarks.pbtxt and
 * canonical_face_model.obj (Apache-2.0), read from @mediapipe/face_mesh's packed assets.
 */
export interface CanonicalFacePoint extends Vec3 {
  readonly index: number;
  readonly weight: number;
}

export const CANONICAL_FACE_POINTS: readonly CanonicalFacePoint[] = [
  { index: 4, x: 0.0000, y: -0.4632, z: 7.5866, weight: 0.07091 },
  { index: 6, x: 0.0000, y: 2.4733, z: 5.7886, weight: 0.03210 },
  { index: 10, x: 0.0000, y: 8.2618, z: 4.4815, weight: 0.00845 },
  { index: 33, x: -4.4459, y: 2.6640, z: 3.1734, weight: 0.05872 },
  { index: 54, x: -6.2793, y: 6.6154, z: 1.4259, weight: 0.00767 },
  { index: 67, x: -3.5240, y: 8.0060, z: 3.7292, weight: 0.00908 },
  { index: 117, x: -5.2587, y: 0.9458, z: 2.9743, weight: 0.00979 },
  { index: 119, x: -3.3007, y: 0.8616, z: 3.8728, weight: 0.01457 },
  { index: 121, x: -1.8207, y: 1.4680, z: 4.2241, weight: 0.01859 },
  { index: 127, x: -7.7431, y: 2.3650, z: -2.0052, weight: 0.00520 },
  { index: 129, x: -1.7858, y: -0.9783, z: 4.8505, weight: 0.12063 },
  { index: 132, x: -7.2709, y: -2.8909, z: -2.2525, weight: 0.00556 },
  { index: 133, x: -1.8564, y: 2.5852, z: 3.7579, weight: 0.05329 },
  { index: 136, x: -5.0853, y: -7.1786, z: 0.7147, weight: 0.06689 },
  { index: 143, x: -6.4076, y: 2.2360, z: 1.5608, weight: 0.01482 },
  { index: 147, x: -6.2349, y: -1.9444, z: 1.6635, weight: 0.01426 },
  { index: 198, x: -1.2468, y: 0.2303, z: 5.6810, weight: 0.02546 },
  { index: 205, x: -3.8329, y: -1.5373, z: 4.1377, weight: 0.04725 },
  { index: 263, x: 4.4459, y: 2.6640, z: 3.1734, weight: 0.05872 },
  { index: 284, x: 6.2793, y: 6.6154, z: 1.4259, weight: 0.00767 },
  { index: 297, x: 3.5240, y: 8.0060, z: 3.7292, weight: 0.00908 },
  { index: 346, x: 5.2587, y: 0.9458, z: 2.9743, weight: 0.00979 },
  { index: 348, x: 3.3007, y: 0.8616, z: 3.8728, weight: 0.01457 },
  { index: 350, x: 1.8207, y: 1.4680, z: 4.2241, weight: 0.01859 },
  { index: 356, x: 7.7431, y: 2.3650, z: -2.0052, weight: 0.00520 },
  { index: 358, x: 1.7858, y: -0.9783, z: 4.8505, weight: 0.12063 },
  { index: 361, x: 7.2709, y: -2.8909, z: -2.2525, weight: 0.00556 },
  { index: 362, x: 1.8564, y: 2.5852, z: 3.7579, weight: 0.05329 },
  { index: 365, x: 5.0853, y: -7.1786, z: 0.7147, weight: 0.06689 },
  { index: 372, x: 6.4076, y: 2.2360, z: 1.5608, weight: 0.01482 },
  { index: 376, x: 6.2349, y: -1.9444, z: 1.6635, weight: 0.01426 },
  { index: 420, x: 1.2468, y: 0.2303, z: 5.6810, weight: 0.02546 },
  { index: 425, x: 3.8329, y: -1.5373, z: 4.1377, weight: 0.04725 },
];

/** Mesh indices of the same point on the subject's right and left side (for mirroring tests and symmetry checks). */
export const CANONICAL_FACE_MIRROR_PAIRS: readonly (readonly [number, number])[] = [
  [33, 263],
  [54, 284],
  [67, 297],
  [117, 346],
  [119, 348],
  [121, 350],
  [127, 356],
  [129, 358],
  [132, 361],
  [133, 362],
  [136, 365],
  [143, 372],
  [147, 376],
  [198, 420],
  [205, 425],
];

/** Number of face-mesh points without the iris (the canonical model's size). */
export const FACE_MESH_POINT_COUNT = 468;

/**
 * Where each canonical point's x lies in a packed face (packed-points.ts): the only face points the
 * core reads (the fit, and the quality gate that checks them and takes their centre).
 */
export const CANONICAL_FACE_OFFSETS: Int32Array = Int32Array.from(CANONICAL_FACE_POINTS.map((p) => POINT_STRIDE * p.index));
