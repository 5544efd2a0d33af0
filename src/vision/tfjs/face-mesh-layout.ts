import type { Landmark, PackedPoints } from '../../core/landmarks';
import { packPoints } from '../../core/packed-points';

export const FACE_MESH_POINT_COUNT = 468;
export const FACE_LANDMARKER_POINT_COUNT = 478;

/**
 * The 10 iris points (468–477) that FaceMesh lacks, filled with eyelid/eye-corner vertices exactly
 * as the MediaPipe face bundle does (scripts/models/recipes.mjs: RIGHT/LEFT_IRIS_STAND_INS), so both
 * backends give the same 478-point layout: first the right eye's 5, then the left eye's 5.
 */
export const IRIS_STAND_INS: readonly number[] = [159, 33, 159, 133, 145, 386, 263, 386, 362, 374];

/** 468 FaceMesh points → the FaceLandmarker's 478-point layout, packed (core/packed-points.ts). */
export function padToFaceLandmarkerLayout(mesh: readonly Landmark[]): PackedPoints {
  if (mesh.length !== FACE_MESH_POINT_COUNT) throw new RangeError(`FaceMesh gives ${FACE_MESH_POINT_COUNT} points, got ${mesh.length}`);
  return packPoints([...mesh, ...IRIS_STAND_INS.map((i) => mesh[i] as Landmark)]);
}
