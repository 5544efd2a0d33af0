import path from 'node:path';
import { expect, test } from '../support/app-test';
import { REPO_ROOT, fakeCameraLaunchOptions } from '../support/fake-camera';
import { turningCamera } from '../support/test-cameras';
import { openExerciseScreen } from '../support/exercise-screen';

/** The exercise screen at a laptop's and a phone's size, mid-exercise, into docs/screenshots/ (the README shows them). */
const SHOTS = process.env.ATLAS_SHOTS_DIR ?? path.join(REPO_ROOT, 'docs/screenshots');
const SIZES = [
  { file: 'exercise-laptop.png', width: 1280, height: 720 },
  { file: 'exercise-phone.png', width: 390, height: 844 },
  { file: 'exercise-phone-landscape.png', width: 844, height: 390 },
] as const;

test.use({ viewport: { width: 1280, height: 720 }, launchOptions: fakeCameraLaunchOptions(turningCamera().y4m) });

test.describe('exercise screen screenshots', () => {
  test.setTimeout(240_000);

  test('laptop and phone, with reps counted', async ({ page }) => {
    await openExerciseScreen(page, 'head-turns');
    // A few reps in, so that the count, the best and a rep mark are on the screen.
    // (Either side: where the automatic neutral lands decides which side the looped clip favours.)
    const counted = async (): Promise<number> => Number((await page.getByTestId('reps-left').textContent()) ?? '0') + Number((await page.getByTestId('reps-right').textContent()) ?? '0');
    await expect.poll(counted, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect(page.getByTestId('rep-count')).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, size.file) });
    }
    // One frame of the moving demonstration, mid-movement (it loops beside the instructions; the
    // large screen leaves the instructions' area room for the whole figure).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => Number(await page.locator('atlas-exercise-demo').getAttribute('data-t-ms')), { timeout: 10_000 }).toBeGreaterThan(1500);
    // It sits in the instructions' own scrolling area: bring it into that area's view first.
    await page.locator('atlas-exercise-demo').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.locator('atlas-exercise-demo').screenshot({ path: path.join(SHOTS, 'demo-frame.png') });
  });
});
