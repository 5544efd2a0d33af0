import { expect, type Page } from './app-test';

/**
 * From the start screen to the camera step of a one-exercise session, then the camera's help as
 * it should read when getUserMedia fails with `problem` (the help's data-problem), with a retry.
 */
export async function expectCameraHelp(page: Page, problem: string, text: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: /My own list/ }).check();
  await page.getByTestId('custom-no-shakes').check();
  await page.getByTestId('begin').click();
  await page.getByTestId('camera-start').click();
  const help = page.getByTestId('camera-help');
  await expect(help).toBeVisible({ timeout: 60_000 });
  await expect(help).toHaveAttribute('data-problem', problem);
  await expect(help).toContainText(text);
  await expect(page.getByTestId('camera-retry')).toBeVisible();
}
