import { DEG_PER_RAD } from '../../../src/core/geometry/angle-units';
import { anglesToMatrix, rotationToAngles } from '../../../src/core/geometry/euler';
import { multiplyMat3, rotationX, transposeMat3, type Mat3 } from '../../../src/core/geometry/mat3';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { WorldPoint } from './camera-rig';
import { add3, scale3, sub3 } from './point3';
import { SCAN_BODY, UNITS_PER_CM } from './scan-body';
import { SCAN_METRES_PER_UNIT, type CameraSide, type ScanCamera } from './scan-rig';

/**
 * Where the body is: sitting or standing (`upright`, the bust as it always was), lying on its back
 * (`supine`) or face down (`prone`) on a mat, filmed from the side. Lying, the bust's model axes (Y
 * toward the head, Z out of the face, X to the subject's left; units of core/scan-rig.ts) are laid
 * down with the head toward the image's left: on the back the face up and the subject's right side
 * toward the camera, face down the face toward the floor and the left side toward the camera.
 */
export const POSITIONS = ['upright', 'supine', 'prone'] as const;
export type Position = (typeof POSITIONS)[number];
export type LyingPosition = Exclude<Position, 'upright'>;

export function isLying(position: Position): position is LyingPosition {
  return position !== 'upright';
}

/** The body side the floor camera sees (+1 the subject's left, −1 the right: core/scan-body.ts onSide). */
export const NEAR_SIDE: Readonly<Record<LyingPosition, number>> = { supine: -1, prone: 1 };

/** The side the floor camera is on: `camera.side`, else the position's own (NEAR_SIDE). */
export function cameraSide(position: LyingPosition, camera?: Pick<ScanCamera, 'side'>): CameraSide {
  return camera?.side ?? (NEAR_SIDE[position] > 0 ? 'left' : 'right');
}

/**
 * The camera on the other side than the position's own: the body is turned half round about the
 * vertical through its middle (head toward the image's right), the room and the camera stay.
 */
export function isMirroredView(position: LyingPosition, camera?: Pick<ScanCamera, 'side'>): boolean {
  return cameraSide(position, camera) !== (NEAR_SIDE[position] > 0 ? 'left' : 'right');
}

/** The body side the camera sees, +1 left, −1 right. */
export function nearSide(position: LyingPosition, camera?: Pick<ScanCamera, 'side'>): number {
  return cameraSide(position, camera) === 'left' ? 1 : -1;
}

const cm = (v: number): number => v * UNITS_PER_CM;

/**
 * The lying body below the scan (model units, the bust's axes, before any rise), an adult man's:
 * hip joints 48 cm below the shoulder joints and 9 cm either side of the midline, thigh 45 cm,
 * shin 42 cm, foot 26 cm. Lying, the back of the trunk, thighs, calves and heels touch the floor
 * (model z = floorZ, the back of the shirt's trunk: core/scan-scene.ts SHIRT centre −0.75, depth 1.7).
 */
export const LYING_BODY = {
  floorZ: -2.45,
  hip: [cm(9), SCAN_BODY.shoulderJoint[1] - cm(48), -0.9],
  knee: [cm(9), SCAN_BODY.shoulderJoint[1] - cm(48 + 45), -1.4],
  ankle: [cm(9), SCAN_BODY.shoulderJoint[1] - cm(48 + 45 + 42), -1.72],
  /** The shirt's trunk ends here (it overlaps the trousers' pelvis). */
  trunkBottomY: SCAN_BODY.shoulderJoint[1] - cm(52),
  pelvis: { topY: SCAN_BODY.shoulderJoint[1] - cm(40), bottomY: SCAN_BODY.shoulderJoint[1] - cm(60), radiusX: cm(18), radiusZ: 1.7, centreZ: -0.75 },
  radii: { hip: cm(8), knee: cm(5.5), ankle: cm(4) },
  foot: { length: cm(26), width: cm(9), thickness: cm(7) },
  /** The front of the shirt's trunk (stomach and chest), model z, at rest. */
  frontZ: 0.95,
  /** Where the hands rest lying: the chest and the stomach (model y, on the front). */
  chestY: -4.8,
  stomachY: -10.6,
  /**
   * Face down, the model z that lies on the floor: the nose's tip (z 2.59 on the mesh), so the face
   * looks into the mat with the forehead 2 cm above it; the trunk and legs are made deep enough to
   * reach it (a chest 24 cm deep, as an adult man's).
   */
  proneFloorZ: 2.62,
} as const;

/** The hip axis (model units) the torso turns about when it rises: the line through both hip joints. */
export const HIP_AXIS: WorldPoint = [0, LYING_BODY.hip[1], LYING_BODY.hip[2]];

/** The body's middle along the spine (model y): the world origin lying, so the camera aims at it. */
export const LYING_MIDDLE_Y = (4.05 + LYING_BODY.ankle[1] - LYING_BODY.foot.thickness) / 2;

/**
 * A point of the upper body (bust, trunk, arms; model units) with the torso risen by `riseDeg`
 * about the hip axis: the head moves toward +z (the face's side: up, lying).
 */
export function riseAboutHips(p: WorldPoint, riseDeg: number): WorldPoint {
  if (riseDeg === 0) return p;
  const a = riseDeg / DEG_PER_RAD;
  const [x, y, z] = sub3(p, HIP_AXIS);
  return add3(HIP_AXIS, [x, y * Math.cos(a) - z * Math.sin(a), y * Math.sin(a) + z * Math.cos(a)]);
}

/** The inverse of riseAboutHips: where a point fixed to the floor is in the risen upper body's axes. */
export function unriseAboutHips(p: WorldPoint, riseDeg: number): WorldPoint {
  return riseAboutHips(p, -riseDeg);
}

/**
 * Model axes → world axes lying (a rotation, columns = where model X, Y, Z go; row-major 3×3).
 * On the back: X (subject's left) → −Z (away from the camera), Y (toward the head) → −X (image
 * left), Z (out of the face) → +Y (up). Face down: X → +Z (toward the camera), Y → −X, Z → −Y (down).
 */
export const LYING_ROTATIONS: Readonly<Record<LyingPosition, Mat3>> = {
  supine: [0, -1, 0, 0, 0, 1, -1, 0, 0],
  prone: [0, -1, 0, 0, 0, -1, 1, 0, 0],
};

/** Half a turn about the vertical (world y): the body seen from its other side. */
const HALF_TURN_Y: Mat3 = [-1, 0, 0, 0, 1, 0, 0, 0, -1];

/** The lying rotation with the camera on `camera.side` (isMirroredView). */
export function lyingRotation(position: LyingPosition, camera?: Pick<ScanCamera, 'side'>): Mat3 {
  return isMirroredView(position, camera) ? multiplyMat3(HALF_TURN_Y, LYING_ROTATIONS[position]) : LYING_ROTATIONS[position];
}

/** The model point lying at the world origin: on the floor under the body's middle. */
export const LYING_ORIGINS: Readonly<Record<LyingPosition, WorldPoint>> = {
  supine: [0, LYING_MIDDLE_Y, LYING_BODY.floorZ],
  prone: [0, LYING_MIDDLE_Y, LYING_BODY.proneFloorZ],
};

/** A model point (units, lying, before any rise) in world metres: the floor is y = 0, the body along x. */
export function lyingToWorld(p: WorldPoint, position: LyingPosition = 'supine', camera?: Pick<ScanCamera, 'side'>): WorldPoint {
  const [x, y, z] = scale3(sub3(p, LYING_ORIGINS[position]), SCAN_METRES_PER_UNIT);
  const R = lyingRotation(position, camera);
  return [R[0] * x + R[1] * y + R[2] * z, R[3] * x + R[4] * y + R[5] * z, R[6] * x + R[7] * y + R[8] * z];
}

/** Height above the floor the camera aims at lying (world metres): about the trunk's middle. */
export const LYING_AIM_HEIGHT_M = 0.12;

/**
 * The camera lying: `distanceM` horizontally from the body's midline (0.8–3 m), `heightM` above
 * the floor (0.1–1.2 m), `offsetM` its place along the body from the body's middle (> 0 toward the
 * feet: the body then sits further left in the image, or right when the camera is on the other side:
 * isMirroredView). It looks straight across the body (never turned sideways), pitched down at the
 * trunk's height.
 */
export function floorCameraPose(camera: ScanCamera, position: LyingPosition = 'supine'): { readonly position: readonly [number, number, number]; readonly pitchDeg: number } {
  return {
    position: [isMirroredView(position, camera) ? -camera.offsetM : camera.offsetM, camera.heightM, camera.distanceM],
    pitchDeg: -Math.atan2(camera.heightM - LYING_AIM_HEIGHT_M, camera.distanceM) * DEG_PER_RAD,
  };
}

/**
 * The head in the camera's axes lying (as core/scan-rig.ts headInCamera upright): C⁻¹ · L · Rx(rise)
 * · R_neck, L the lying rotation. Face up or down and seen from the side, this is near pitch ±90°,
 * where yaw and roll are not separable: the lying exercises read the body, not these angles.
 */
export function lyingHeadInCamera(neck: HeadAngles, riseDeg: number, cameraPitchDeg: number, position: LyingPosition = 'supine', camera?: Pick<ScanCamera, 'side'>): HeadAngles {
  const world = multiplyMat3(lyingRotation(position, camera), multiplyMat3(rotationX(riseDeg / DEG_PER_RAD), anglesToMatrix(neck)));
  return rotationToAngles(multiplyMat3(transposeMat3(rotationX(cameraPitchDeg / DEG_PER_RAD)), world));
}
