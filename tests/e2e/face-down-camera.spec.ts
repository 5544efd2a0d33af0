import path from 'node:path';
import { REPO_ROOT, clipAsY4m, fakeCameraLaunchOptions } from './support/fake-camera';
import { openInEnglish } from './support/start-page';
import { expect, test } from './support/app-test';

/**
 * Face down through the live camera: the project's own rendered clip of the scan lying face down,
 * the camera on the floor at its left 1 m away (fixtures/clips/prone-near-left.mp4: two 80° turns
 * toward it, looped), as the webcam. The face is found only on frames turned head-up
 * (docs/clipgen.md, face down), so the step's face check and the counted turns show that the live
 * pipeline reads the frames turned as `npm run analyze -- --camera-side left` does.
 */
const CLIP = path.join(REPO_ROOT, 'fixtures/clips/prone-near-left.mp4');

test.use({ viewport: { width: 1280, height: 900 }, launchOptions: fakeCameraLaunchOptions(clipAsY4m(CLIP)) });

test('face down, the camera at the left: the face found on head-up frames and the turns to the left counted live', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors = await openInEnglish(page);
  await page.getByTestId('set-custom').check();
  await page.getByTestId('custom-prone-ear-to-floor').check();
  await page.getByTestId('begin').click();

  const step = page.getByTestId('position-step');
  await expect(step).toHaveAttribute('data-camera-side', 'left');
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-on')).toBeVisible({ timeout: 90_000 });
  const live = page.getByTestId('live-video');
  await expect(live).toHaveAttribute('data-head-up', 'left');
  await expect(page.getByTestId('check-face-toward')).toHaveAttribute('data-ok', 'true', { timeout: 90_000 });
  await page.getByTestId('position-ready').click();

  // Counted by the camera (no "+1"): the clip's turns toward the camera, round after round.
  await expect(page.getByTestId('confirm-rep')).toHaveCount(0);
  const counter = page.locator('atlas-rep-counter');
  await expect.poll(async () => Number(await counter.getByTestId('reps-left').textContent()), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await expect(counter.getByTestId('reps-right')).toHaveText('0');
  // Face down between the turns is not "you left the frame".
  await expect(page.getByTestId('feedback')).not.toHaveAttribute('data-tone', 'warning');
  expect(pageErrors).toEqual([]);
});
