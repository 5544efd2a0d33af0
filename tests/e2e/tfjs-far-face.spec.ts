import path from 'node:path';
import { expect, test } from './support/app-test';
import { REPO_ROOT, fakeCameraLaunchOptions } from './support/fake-camera';
import { joinedY4m } from './support/project-clips';

/**
 * The scanned body with its arms held out, 1.4 m from the camera (fixtures/clips): its face is too
 * small for BlazeFace on the whole frame, so TF.js's face worker finds it in a crop around the face
 * points of the latest body the pose worker found (src/vision/face-seed.ts). Without that seed no
 * face was found on any frame and the head was read from the body alone.
 */
const FAR_CLIP = path.join(REPO_ROOT, 'fixtures/clips/arms-out-head-turns-scan-incomplete.mp4');
const CAMERA = joinedY4m('arms-out-far', [FAR_CLIP], { width: 640, height: 480 });

const FRAMES_TO_ANALYSE = 60;
const MIN_FACE_FRACTION = 0.9;

test.use({ launchOptions: fakeCameraLaunchOptions(CAMERA) });
/** As if the first-run probe had picked TF.js on this browser. */
test.use({ rememberedBackend: 'tfjs' });

test('TF.js live: a face 1.4 m away is found from the body on nearly every frame', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#/camera');
  const view = page.locator('atlas-live-view');
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 90_000 }).toMatch(/^(running|error)$/);
  await expect(view).toHaveAttribute('data-status', 'running');
  await expect(view).toHaveAttribute('data-backend', 'tfjs');
  await expect.poll(async () => Number((await view.getAttribute('data-frames')) ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(FRAMES_TO_ANALYSE);
  const frames = Number(await view.getAttribute('data-frames'));
  const faces = Number(await view.getAttribute('data-face-frames'));
  const bodies = Number(await view.getAttribute('data-pose-frames'));
  console.log(`tfjs-far-face.spec: ${faces} faces and ${bodies} bodies in ${frames} frames`);
  expect(bodies / frames).toBeGreaterThanOrEqual(MIN_FACE_FRACTION);
  expect(faces / frames).toBeGreaterThanOrEqual(MIN_FACE_FRACTION);
});
