import { anglesToMatrix, rotationToAngles } from '../../../src/core/geometry/euler';
import { DEG_PER_RAD } from '../../../src/core/geometry/angle-units';
import { multiplyMat3, rotationX, transposeMat3 } from '../../../src/core/geometry/mat3';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { NeckSpec } from './neck-bend';

/**
 * Where the scanned bust (../shared/assets/head-scan/LeePerrySmith.glb: Y up, face toward +Z,
 * arbitrary units) is in the world, and where the camera looks at it from. Measured on the mesh
 * (slices of its vertices by height): skull width above the ears 3.13 units, chin's underside at
 * y ≈ −0.65, narrowest neck y −0.75…−1.5, shoulders from y ≈ −1.9 (the base of the neck) down to
 * the cut at −4, eyes at y ≈ 1.7, front of the face z ≈ 2.0–2.6.
 */
/** Metres per model unit: a 3.13-unit skull is 15 cm wide (an adult head's breadth, ears excluded). */
export const SCAN_METRES_PER_UNIT = 0.15 / 3.13;

/**
 * Neck pivot on the cervical spine at about C5–C6: 3 units (14 cm) below the eyes, 0.55 units
 * (2.6 cm) behind the neck's centre line; the bend spreads from the shoulders' base (y −1.9, w = 0)
 * to just below the jaw (y −0.7, w = 1), about 6 cm of neck.
 */
export const SCAN_NECK: NeckSpec = { pivot: [0, -1.3, -0.55], fixedBelowY: -1.9, rigidAboveY: -0.7 };

/** The point the camera is aimed at and distances are measured from: between the eyes, on the face. */
export const SCAN_EYE_POINT: readonly [number, number, number] = [0, 1.7, 2.0];

/** The trunk turns about the vertical axis through the spine (model x = 0, z = this). */
export const SCAN_SPINE_Z = -0.55;

/** A pinhole with a laptop webcam's vertical field of view (as the photo head's). */
export const SCAN_VERTICAL_FOV_DEG = 50;

export interface ScanCamera {
  /** Horizontal distance from the camera to the eyes, metres (0.5–2). */
  readonly distanceM: number;
  /** Camera height relative to the eyes, metres (> 0 above: it then looks down at them). */
  readonly heightM: number;
  /** The head's lateral offset from the optical axis, metres (> 0: the head toward the image's right). */
  readonly offsetM: number;
  /** Lying only: the subject's side the floor camera is on (lying-rig.ts cameraSide); upright never set. */
  readonly side?: CameraSide;
}

export const CAMERA_SIDES = ['left', 'right'] as const;
export type CameraSide = (typeof CAMERA_SIDES)[number];

export const DEFAULT_SCAN_CAMERA: ScanCamera = { distanceM: 1, heightM: 0, offsetM: 0 };

export interface ScanCameraPose {
  /** Camera position in world metres (world = model units × SCAN_METRES_PER_UNIT, same axes). */
  readonly position: readonly [number, number, number];
  /**
   * Rotation about the camera's x axis, degrees (three.js `rotation.x`; < 0 looks down). The
   * camera never turns sideways: with an offset the head is off-centre in the image, as when a
   * person sits to one side of a laptop.
   */
  readonly pitchDeg: number;
}

export function scanCameraPose(camera: ScanCamera): ScanCameraPose {
  const [ex, ey, ez] = SCAN_EYE_POINT.map((v) => v * SCAN_METRES_PER_UNIT) as [number, number, number];
  return {
    position: [ex - camera.offsetM, ey + camera.heightM, ez + camera.distanceM],
    pitchDeg: -Math.atan2(camera.heightM, camera.distanceM) * DEG_PER_RAD,
  };
}

/**
 * The head's rotation in the camera's axes (what the face landmarker's matrix measures):
 * C⁻¹ · R_trunk · R_neck, with R_trunk = Ry(trunk yaw) about the spine and R_neck the head relative
 * to the trunk, both in the project's convention (anglesToMatrix). Zero = the scan's own axes seen
 * by a level camera.
 */
export function headInCamera(neck: HeadAngles, trunkYawDeg: number, cameraPitchDeg: number): HeadAngles {
  const world = multiplyMat3(anglesToMatrix({ yawDeg: trunkYawDeg, pitchDeg: 0, rollDeg: 0 }), anglesToMatrix(neck));
  const camera = rotationX((cameraPitchDeg * Math.PI) / 180);
  return rotationToAngles(multiplyMat3(transposeMat3(camera), world));
}
