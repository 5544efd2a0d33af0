import type { WorldPoint } from './camera-rig';
import { floorCameraPose, lyingToWorld, riseAboutHips } from './lying-rig';
import { scanCameraPose, SCAN_METRES_PER_UNIT, SCAN_VERTICAL_FOV_DEG, type ScanCamera } from './scan-rig';

type Pixel = { readonly x: number; readonly y: number };

/**
 * Where a world point (metres) lands in the image of the renderer's pinhole: the camera at
 * `position`, pitched about its x axis by pitchDeg, looking down −z. Pixels, x right, y down.
 */
function projectWorld(world: WorldPoint, pose: { readonly position: readonly [number, number, number]; readonly pitchDeg: number }, width: number, height: number): Pixel {
  const d = [world[0] - pose.position[0], world[1] - pose.position[1], world[2] - pose.position[2]] as const;
  // Into the camera's axes: undo its pitch (rotation about x by pitchDeg).
  const a = (-pose.pitchDeg * Math.PI) / 180;
  const y = Math.cos(a) * d[1] - Math.sin(a) * d[2];
  const z = Math.sin(a) * d[1] + Math.cos(a) * d[2];
  const focal = height / 2 / Math.tan((SCAN_VERTICAL_FOV_DEG * Math.PI) / 360);
  return { x: width / 2 + (focal * d[0]) / -z, y: height / 2 - (focal * y) / -z };
}

/**
 * Where a point of the scan's bust (model units, trunk not turned) lands in the image: the same
 * pinhole as the renderer (scan-scene.ts: world = model × SCAN_METRES_PER_UNIT; the camera at
 * scanCameraPose). Pixels, x right, y down.
 */
export function projectScanPoint(p: WorldPoint, camera: ScanCamera, width: number, height: number): Pixel {
  return projectWorld([p[0] * SCAN_METRES_PER_UNIT, p[1] * SCAN_METRES_PER_UNIT, p[2] * SCAN_METRES_PER_UNIT], scanCameraPose(camera), width, height);
}

/**
 * The same for the body lying on its back (lying-rig.ts): a point of the upper body (model units,
 * in the torso's own axes, risen by riseDeg about the hips; 0 for the legs) seen by the floor camera.
 */
export function projectLyingPoint(p: WorldPoint, riseDeg: number, camera: ScanCamera, width: number, height: number): Pixel {
  return projectWorld(lyingToWorld(riseAboutHips(p, riseDeg)), floorCameraPose(camera), width, height);
}
