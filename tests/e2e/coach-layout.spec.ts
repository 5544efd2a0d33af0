import { expect, test, type Page } from './support/app-test';
import { fakeCameraLaunchOptions } from './support/fake-camera';
import { turningCamera } from './support/test-cameras';
import { openExerciseScreen } from './support/exercise-screen';

/**
 * The exercise screen as a coach: at each common screen size, what a person follows from 2 m
 * (camera, count, gauge) and the controls they must reach (pause, skip, stop, pain) lie wholly
 * inside the viewport, without scrolling.
 */
const VIEWPORTS = [
  { name: 'laptop 1280×720', width: 1280, height: 720 },
  { name: 'laptop 1366×768', width: 1366, height: 768 },
  { name: 'desktop 1920×1080', width: 1920, height: 1080 },
  { name: 'phone portrait 390×844', width: 390, height: 844 },
  { name: 'phone landscape 844×390', width: 844, height: 390 },
] as const;

/** Test ids that must be fully visible; `pause` becomes `resume` while paused. */
const ESSENTIAL = ['live-video', 'rep-count', 'angle-gauge', 'resume', 'skip', 'stop', 'pain'] as const;
const MIN_CAMERA_SHARE = 0.2;

async function expectInsideViewport(page: Page, testId: string, width: number, height: number): Promise<{ width: number; height: number }> {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, `${testId} is laid out`).not.toBeNull();
  if (box === null) return { width: 0, height: 0 };
  expect(box.width, `${testId} has a width`).toBeGreaterThan(0);
  expect(box.height, `${testId} has a height`).toBeGreaterThan(0);
  expect(box.x, `${testId} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${testId} top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${testId} right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, `${testId} bottom edge`).toBeLessThanOrEqual(height + 0.5);
  return box;
}

test.use({ viewport: { width: 1280, height: 720 }, launchOptions: fakeCameraLaunchOptions(turningCamera().y4m) });

test.describe('the exercise screen fits', () => {
  test.setTimeout(240_000);

  test('camera, count, gauge and the controls inside the viewport at every size', async ({ page }) => {
    await openExerciseScreen(page, 'head-turns');
    // Paused, the exercise cannot end (and turn into the rest screen) while the sizes are checked.
    await page.getByTestId('pause').click();
    await expect(page.getByTestId('resume')).toBeVisible();
    // The board at its fullest, whatever the clip did so far: a "not counted" verdict and a long
    // piece of advice (the fonts, the language and the moment must not push the controls away).
    await page.locator('atlas-exercise-screen').evaluate((screen) => {
      Object.assign(screen, {
        mark: { counted: false, seq: 1_000 },
        feedback: { tone: 'warning', text: 'A little further, if it does not hurt, and back to the middle slowly without jerks.' },
      });
    });
    await expect(page.getByTestId('rep-mark')).toBeVisible();
    for (const viewport of VIEWPORTS) {
      await test.step(viewport.name, async () => {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await expect(page.getByTestId('live-video')).toBeVisible();
        const boxes = new Map<string, { width: number; height: number }>();
        for (const testId of ESSENTIAL) boxes.set(testId, await expectInsideViewport(page, testId, viewport.width, viewport.height));
        // "Large": the camera takes a real share of the screen, not a thumbnail.
        const camera = boxes.get('live-video') ?? { width: 0, height: 0 };
        expect((camera.width * camera.height) / (viewport.width * viewport.height), 'camera share of the screen').toBeGreaterThan(MIN_CAMERA_SHARE);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(viewport.width);
      });
    }
  });
});
