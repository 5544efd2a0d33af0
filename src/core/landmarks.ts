/**
 * What the landmarkers saw in one frame, in a form the pure core can use without MediaPipe.
 *
 * Coordinates are those of the *unmirrored* frame: x to the image's right and y down, both
 * normalised to [0, 1] by the image's width and height; z is MediaPipe's relative depth (same
 * scale as x, smaller = closer to the camera). Never feed landmarks from a mirrored image: a
 * mirror swaps the subject's left and right (and flips the sign of yaw and roll).
 */
export interface Landmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Pose landmarks only: how likely the point is visible, 0..1. */
  readonly visibility?: number;
}

/** A rectangle in the same normalised image coordinates, (x, y) its top-left corner: e.g. the face's box. */
export interface NormalisedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Points packed as x, y, z triples, point i at [3i], [3i + 1], [3i + 2], in Landmark's coordinates
 * (packed-points.ts). The face's 478 points are read on every frame: one typed array crosses from
 * a landmarker worker as a single block and is read at memory speed, where 478 objects were cloned
 * one by one and each field read through its object.
 */
export type PackedPoints = Float32Array;

export interface FaceObservation {
  /** 478 face-mesh points (468 mesh + 10 iris), normalised image coordinates, packed. */
  readonly points: PackedPoints;
  /**
   * MediaPipe's facial transformation matrix: 16 numbers, column-major (R[r][c] = m[4*c + r]),
   * mapping the canonical face (cm) into camera space (x right, y up, z toward the viewer).
   * Null when the landmarker was not asked for it.
   */
  readonly matrix: readonly number[] | null;
}

export interface PoseObservation {
  /** 33 BlazePose points, normalised image coordinates (indices: POSE in pose-indices.ts). */
  readonly landmarks: readonly Landmark[];
  /** 33 points in metres, origin between the hips (MediaPipe's world landmarks), if given. */
  readonly worldLandmarks: readonly Landmark[] | null;
}

export interface FrameObservation {
  /** Presentation time of the frame in ms (camera: capture time; file: position in the video). */
  readonly tMs: number;
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly faces: readonly FaceObservation[];
  readonly poses: readonly PoseObservation[];
}
