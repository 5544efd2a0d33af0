import path from 'node:path';
import { expect, test } from '../support/app-test';
import { REPO_ROOT, clipAsY4m, fakeCameraLaunchOptions } from '../support/fake-camera';
import { HAVE_TURNING_CLIP, TURNING_CLIP, openExerciseScreen } from '../support/exercise-screen';

/** The exercise screen at a laptop's and a phone's size, mid-exercise, into docs/screenshots/ (the README shows them). */
const SHOTS = process.env.ATLAS_SHOTS_DIR ?? path.join(REPO_ROOT, 'docs/screenshots');
const SIZES = [
  { file: 'exercise-laptop.png', width: 1280, height: 720 },
  { file: 'exercise-phone.png', width: 390, height: 844 },
  { file: 'exercise-phone-landscape.png', width: 844, height: 390 },
] as const;

test.use({ viewport: { width: 1280, height: 720 }, launchOptions: HAVE_TURNING_CLIP ? fakeCameraLaunchOptions(clipAsY4m(TURNING_CLIP)) : {} });

test.describe('exercise screen screenshots', () => {
  test.skip(!HAVE_TURNING_CLIP, `needs ${TURNING_CLIP} (../shared/fixtures is not on this machine)`);
  test.setTimeout(240_000);

  test('laptop and phone, with reps counted', async ({ page }) => {
    await openExerciseScreen(page, 'head-turns');
    // A few reps in, so that the count, the best and a rep mark are on the screen.
    await expect.poll(async () => Number((await page.getByTestId('reps-left').textContent()) ?? '0'), { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect(page.getByTestId('rep-count')).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, size.file) });
    }
  });
});
