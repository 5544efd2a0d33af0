import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/shared-fixtures';
import { SCAN_DIR, scanReady, useScanBrowser } from './support/scan-browser';
import { relativeAngles } from '../../tools/clipgen/core/relative-angles';
import { i420Size } from '../../tools/clipgen/core/y4m';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';

/**
 * The scanned head (../shared/assets/head-scan, "Infinite 3D Head Scan by Lee Perry-Smith /
 * Infinite-Realities, CC BY 3.0, via three.js examples") rendered at known angles must read back, by
 * the real face landmarker, with the right sign and roughly the right size. Single frames, fresh
 * landmarkers each.
 */
const FACE_MODEL = path.join(REPO_ROOT, 'models/face_landmarker.task');
const READY = scanReady(FACE_MODEL);
if (!READY) console.warn(`clipgen-scan.spec: skipped, needs the scan in ${SCAN_DIR} and ${FACE_MODEL}`);

const NEUTRAL: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
/** Turned axis: within this of the applied angle (the landmarker on a real head, not a pixel-exact test). */
const ON_AXIS_TOLERANCE_DEG = 8;
/** The axes not turned stay near zero. */
const OFF_AXIS_TOLERANCE_DEG = 8;

const CASES: readonly { readonly name: string; readonly applied: HeadAngles }[] = [
  { name: 'yaw +30 (subject\'s left)', applied: { ...NEUTRAL, yawDeg: 30 } },
  { name: 'yaw −30 (subject\'s right)', applied: { ...NEUTRAL, yawDeg: -30 } },
  { name: 'pitch +20 (chin up)', applied: { ...NEUTRAL, pitchDeg: 20 } },
  { name: 'pitch −20 (chin down)', applied: { ...NEUTRAL, pitchDeg: -20 } },
  { name: 'roll +20 (left ear down)', applied: { ...NEUTRAL, rollDeg: 20 } },
  { name: 'roll −20 (right ear down)', applied: { ...NEUTRAL, rollDeg: -20 } },
];

test.describe('clip generator: the scanned head', () => {
  test.skip(!READY, 'needs ../shared/assets/head-scan and models/face_landmarker.task');
  const browser = useScanBrowser({ distanceM: 0.7, heightM: 0, offsetM: 0 });

  test('renders 640×480 frames; a bent neck changes the picture, a trunk turn too', async () => {
    expect(browser().scanSetup?.vertexCount).toBe(9279);
    const frames = await browser().renderI420([NEUTRAL, { ...NEUTRAL, yawDeg: 40 }, { ...NEUTRAL, trunkYawDeg: 30 }]);
    const size = i420Size(640, 480);
    expect(frames.length).toBe(3 * size);
    const luma = (k: number) => frames.subarray(k * size, k * size + 640 * 480);
    const changed = (a: Uint8Array, b: Uint8Array): number => a.reduce((n, v, i) => n + (Math.abs(v - (b[i] ?? v)) > 10 ? 1 : 0), 0);
    expect(new Set(luma(0)).size).toBeGreaterThan(100);
    expect(changed(luma(0), luma(1))).toBeGreaterThan(2000);
    expect(changed(luma(0), luma(2))).toBeGreaterThan(2000);
  });

  test('the face landmarker reads the sign and roughly the size of yaw ±30°, pitch ±20°, roll ±20°', async () => {
    const neutral = (await browser().measure(NEUTRAL, { fresh: true })).faceAngles;
    expect(neutral, 'a face at neutral').not.toBeNull();
    for (const { name, applied } of CASES) {
      const raw = (await browser().measure(applied, { fresh: true })).faceAngles;
      expect(raw, name).not.toBeNull();
      if (raw === null || neutral === null) continue;
      const read = relativeAngles(raw, neutral);
      for (const key of ['yawDeg', 'pitchDeg', 'rollDeg'] as const) {
        const turned = applied[key] !== 0;
        if (turned) expect(Math.sign(read[key]), `${name}: sign of ${key} (read ${read[key].toFixed(1)})`).toBe(Math.sign(applied[key]));
        expect(Math.abs(read[key] - applied[key]), `${name}: ${key} read ${read[key].toFixed(1)}`).toBeLessThanOrEqual(turned ? ON_AXIS_TOLERANCE_DEG : OFF_AXIS_TOLERANCE_DEG);
      }
    }
  });
});
