import type { WorldPoint } from './camera-rig';
import { scanCameraPose, SCAN_METRES_PER_UNIT, SCAN_VERTICAL_FOV_DEG, type ScanCamera } from './scan-rig';

/**
 * Where a point of the scan's bust (model units, trunk not turned) lands in the image: the same
 * pinhole as the renderer (scan-scene.ts: world = model × SCAN_METRES_PER_UNIT; the camera at
 * scanCameraPose, pitched about its x axis, looking down −z). Pixels, x right, y down.
 */
export function projectScanPoint(p: WorldPoint, camera: ScanCamera, width: number, height: number): { readonly x: number; readonly y: number } {
  const pose = scanCameraPose(camera);
  const d = [p[0] * SCAN_METRES_PER_UNIT - pose.position[0], p[1] * SCAN_METRES_PER_UNIT - pose.position[1], p[2] * SCAN_METRES_PER_UNIT - pose.position[2]] as const;
  // Into the camera's axes: undo its pitch (rotation about x by pitchDeg).
  const a = (-pose.pitchDeg * Math.PI) / 180;
  const y = Math.cos(a) * d[1] - Math.sin(a) * d[2];
  const z = Math.sin(a) * d[1] + Math.cos(a) * d[2];
  const focal = height / 2 / Math.tan((SCAN_VERTICAL_FOV_DEG * Math.PI) / 360);
  return { x: width / 2 + (focal * d[0]) / -z, y: height / 2 - (focal * y) / -z };
}
