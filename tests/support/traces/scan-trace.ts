import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { Landmark, PoseObservation } from '../../../src/core/landmarks';
import { rowsToLandmarks } from './pose-trace';

/**
 * fixtures/traces/scan-yaw-sweep-cam-above[.tfjs].pose.jsonl: the rendered scan sweeping 0 → ±90°
 * of yaw seen from a camera 15 cm above the eyes, made from the range clip's `npm run analyze --
 * [--backend tfjs] --trace` (MediaPipe's full body model, or TF.js's BlazePose lite). Per frame the
 * first body (or null) and the true head angles in the camera's axes.
 */
/** Which backend's landmarker read the sweep. */
export type SweepLandmarker = 'mediapipe' | 'tfjs';

const SCAN_TRACES: Readonly<Record<SweepLandmarker, string>> = {
  mediapipe: path.resolve(import.meta.dirname, '../../../fixtures/traces/scan-yaw-sweep-cam-above.pose.jsonl'),
  tfjs: path.resolve(import.meta.dirname, '../../../fixtures/traces/scan-yaw-sweep-cam-above.tfjs.pose.jsonl'),
};

export interface ScanFrame {
  readonly pose: PoseObservation | null;
  readonly truth: HeadAngles;
}

export function readScanTrace(landmarks: SweepLandmarker = 'mediapipe'): { width: number; height: number; frames: ScanFrame[] } {
  const [header, ...lines] = readFileSync(SCAN_TRACES[landmarks], 'utf8').trim().split('\n');
  const { width, height } = JSON.parse(header ?? '{}') as { width: number; height: number };
  const frames = lines.map((line) => {
    const { b, t } = JSON.parse(line) as { b: number[][] | null; t: [number, number, number] };
    const landmarks: Landmark[] | null = b === null ? null : rowsToLandmarks(b);
    return { pose: landmarks === null ? null : { landmarks, worldLandmarks: null }, truth: { yawDeg: t[0], pitchDeg: t[1], rollDeg: t[2] } };
  });
  return { width, height, frames };
}
