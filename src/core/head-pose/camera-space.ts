import { RAD_PER_DEG } from '../geometry/angle-units';
import { rotationBetweenInto, type Mat3Buffer } from '../geometry/mat3-kernels';
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

/**
 * Perspective (off-axis) correction, MediaPipe issue #4759: a face away from the image centre is
 * seen along an oblique ray, so a fit that treats the view as frontal reads it as turned toward
 * the image's edge by the ray's angle. The correction rotates the fitted pose by `fraction` of
 * the rotation taking the optical axis onto the ray back to the camera (x, y, z), into `out`:
 * R_corrected = B(fraction) · R_fitted. fraction 0 = no correction, 1 = full.
 */
export function rayCorrectionInto(out: Mat3Buffer, towardX: number, towardY: number, towardZ: number, fraction: number): Mat3Buffer {
  return rotationBetweenInto(out, 0, 0, 1, towardX, towardY, towardZ, fraction);
}

/** rayCorrectionInto for the ray through the point seen at normalised image position (x, y) (the ray from it toward the camera). */
export function imagePointRayCorrectionInto(out: Mat3Buffer, xNorm: number, yNorm: number, size: ImageSize, verticalFovDeg: number, fraction: number): Mat3Buffer {
  return rayCorrectionInto(out, -(xNorm - 0.5) * size.width, (yNorm - 0.5) * size.height, focalLengthPx(size, verticalFovDeg), fraction);
}
