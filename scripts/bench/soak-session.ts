import type { Page } from '@playwright/test';
import { enterSessionExercise } from './session-route';

async function visible(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).isVisible().catch(() => false);
}

/**
 * Moves a soak's guided session along as a user would, once per sample: a rest is skipped, every
 * other sample the current exercise is skipped, and after the summary a new session begins.
 * Returns what it did (for the log).
 */
export async function advanceSession(page: Page, baseUrl: string, sampleIndex: number): Promise<string> {
  if (await visible(page, 'summary-heading')) {
    await page.getByTestId('new-session').click();
    await enterSessionExercise(page, baseUrl, undefined, { navigate: false });
    return 'summary → new session';
  }
  if (await visible(page, 'rest-skip')) {
    await page.getByTestId('rest-skip').click();
    return 'rest skipped';
  }
  if (sampleIndex % 2 === 0 && (await visible(page, 'skip'))) {
    const title = (await page.getByTestId('exercise-title').textContent().catch(() => null)) ?? '?';
    await page.getByTestId('skip').click();
    return `skipped ${title}`;
  }
  return (await visible(page, 'exercise-title')) ? 'exercising' : 'elsewhere';
}
