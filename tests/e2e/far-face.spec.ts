import path from 'node:path';
import { expect, test } from './support/app-test';
import { REPO_ROOT, fakeCameraLaunchOptions } from './support/fake-camera';
import { joinedY4m } from './support/project-clips';

/**
 * The scanned body with its arms held out, 1.4 m from the camera (fixtures/clips): its face is too
 * small for BlazeFace on the whole frame, on either backend, so the face worker looks for it in a
 * crop around the face points of the latest body the pose worker found (src/vision/face-seed.ts;
 * MediaPipe: seeded-face.ts, TF.js: tfjs/tfjs-face-mesh.ts). Without that no face was found on any
 * frame and the head was read from the body alone.
 */
const FAR_CLIP = path.join(REPO_ROOT, 'fixtures/clips/arms-out-head-turns-scan-incomplete.mp4');
const CAMERA = joinedY4m('arms-out-far', [FAR_CLIP], { width: 640, height: 480 });

const WARM_UP_FRAMES = 30;
const FRAMES_TO_ANALYSE = 60;
const MIN_FOUND_FRACTION = 0.9;

test.use({ launchOptions: fakeCameraLaunchOptions(CAMERA) });

/** The live coach's two backends (MediaPipe with its lite pose model, as on most machines) and the data-backend each shows. */
const BACKENDS = [
  { remembered: 'mediapipe-lite', shown: 'mediapipe' },
  { remembered: 'tfjs', shown: 'tfjs' },
] as const;

for (const { remembered, shown: backend } of BACKENDS) {
  test.describe(`on ${backend}`, () => {
    /** As if the first-run probe had picked this backend on this browser. */
    test.use({ rememberedBackend: remembered });

    test(`live, ${backend}: a face 1.4 m away is found from the body on nearly every frame`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto('/#/camera');
      const view = page.locator('atlas-live-view');
      await expect.poll(() => view.getAttribute('data-status'), { timeout: 90_000 }).toMatch(/^(running|error)$/);
      await expect(view).toHaveAttribute('data-status', 'running');
      await expect(view).toHaveAttribute('data-backend', backend);
      const counts = async (): Promise<{ frames: number; faces: number; bodies: number }> => ({
        frames: Number(await view.getAttribute('data-frames')),
        faces: Number(await view.getAttribute('data-face-frames')),
        bodies: Number(await view.getAttribute('data-pose-frames')),
      });
      const framesReached = async (n: number): Promise<void> => {
        await expect.poll(async () => Number((await view.getAttribute('data-frames')) ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(n);
      };
      // The face is seeded by a body: the frames analysed before the body worker's first (slow) frame have none.
      await framesReached(WARM_UP_FRAMES);
      const before = await counts();
      await framesReached(before.frames + FRAMES_TO_ANALYSE);
      const after = await counts();
      const frames = after.frames - before.frames;
      const faces = after.faces - before.faces;
      const bodies = after.bodies - before.bodies;
      console.log(`far-face.spec (${backend}): ${faces} faces and ${bodies} bodies in ${frames} frames after the first ${before.frames} (${before.faces} faces)`);
      expect(bodies / frames).toBeGreaterThanOrEqual(MIN_FOUND_FRACTION);
      expect(faces / frames).toBeGreaterThanOrEqual(MIN_FOUND_FRACTION);
    });
  });
}
