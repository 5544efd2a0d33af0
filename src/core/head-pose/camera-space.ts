import { RAD_PER_DEG } from '../geometry/angle-units';
import { rotationBetween, type Mat3 } from '../geometry/mat3';
import type { Vec3 } from '../geometry/vec3';
import type { Landmark } from '../landmarks';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * A normalised landmark (x right, y down, z relative depth on x's scale, smaller = closer) in
 * camera-oriented pixels: x right, y up, z toward the viewer.
 */
export function landmarkToCamera(landmark: Landmark, size: ImageSize): Vec3 {
  return { x: landmark.x * size.width, y: -landmark.y * size.height, z: -landmark.z * size.width };
}

/**
 * MediaPipe's face-geometry pipeline assumes a 63° vertical field of view when it has no camera
 * intrinsics; laptop webcams are typically 55–70°.
 */
export const DEFAULT_VERTICAL_FOV_DEG = 63;

export function focalLengthPx(size: ImageSize, verticalFovDeg: number): number {
  return size.height / 2 / Math.tan((verticalFovDeg * RAD_PER_DEG) / 2);
}

/** Direction from a point seen at normalised image position (x, y) toward the camera (camera space). */
export function directionToCamera(xNorm: number, yNorm: number, size: ImageSize, verticalFovDeg: number): Vec3 {
  return { x: -(xNorm - 0.5) * size.width, y: (yNorm - 0.5) * size.height, z: focalLengthPx(size, verticalFovDeg) };
}

/**
 * Perspective (off-axis) correction, MediaPipe issue #4759: a face away from the image centre is
 * seen along an oblique ray, so a fit that treats the view as frontal reads it as turned toward
 * the image's edge by the ray's angle. The correction rotates the fitted pose by `fraction` of
 * the rotation taking the optical axis onto the ray back to the camera:
 * R_corrected = B(fraction) · R_fitted. fraction 0 = no correction, 1 = full.
 */
export function rayCorrection(towardCamera: Vec3, fraction: number): Mat3 {
  return rotationBetween({ x: 0, y: 0, z: 1 }, towardCamera, fraction);
}
