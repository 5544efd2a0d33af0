import { expect, type Page } from './app-test';

/**
 * From the start screen to the exercise screen of `exerciseId` (a custom list of one), with the
 * camera on and the neutral taken from the movement (the clip never keeps still).
 */
export async function openExerciseScreen(page: Page, exerciseId: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('set-custom').check();
  await page.getByTestId(`custom-${exerciseId}`).check();
  await page.getByTestId('begin').click();
  await page.getByTestId('camera-start').click();
  await expect(page.getByTestId('camera-on')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('check-person')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await page.getByTestId('skip-calibration').click();
  await expect(page.getByTestId('exercise-title')).toBeVisible({ timeout: 30_000 });
}
