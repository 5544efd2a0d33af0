import type { Page } from '@playwright/test';
import { enterSessionExercise } from './session-route';

async function visible(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).isVisible().catch(() => false);
}

/**
 * Moves a soak's guided session along as a user would: a rest is skipped, the exercise on screen
 * is skipped when `skipExercise`, and after the summary a new session begins (without navigating:
 * the page and its heap stay). Returns what it did, or null when it only let the exercise run.
 */
export async function advanceSession(page: Page, baseUrl: string, skipExercise: boolean): Promise<string | null> {
  if (await visible(page, 'summary-heading')) {
    await page.getByTestId('new-session').click();
    await enterSessionExercise(page, baseUrl, undefined, { navigate: false });
    return 'new session';
  }
  if (await visible(page, 'rest-skip')) {
    await page.getByTestId('rest-skip').click();
    return 'rest skipped';
  }
  if (skipExercise && (await visible(page, 'skip'))) {
    const title = (await page.getByTestId('exercise-title').textContent().catch(() => null)) ?? '?';
    await page.getByTestId('skip').click();
    return `skipped ${title}`;
  }
  return null;
}
