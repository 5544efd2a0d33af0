import type { Page } from '@playwright/test';

/** Head exercises the looping head-turning clip keeps busy (reps keep coming, the session does not end within a bench window). */
export const BENCH_SESSION_EXERCISES = ['head-turns', 'no-shakes'] as const;

/**
 * From the start screen into a guided session's exercise screen, as a user would: a custom list of
 * exercises, camera on, calibration skipped (the clip never keeps still). The same test ids as
 * tests/e2e/session.spec.ts.
 */
export async function enterSessionExercise(
  page: Page,
  baseUrl: string,
  exerciseIds: readonly string[] = BENCH_SESSION_EXERCISES,
  { navigate = true }: { readonly navigate?: boolean } = {},
): Promise<void> {
  // Without navigating: from the start screen the app is already on (a soak must keep its page, and its heap).
  if (navigate) await page.goto(new URL('/', baseUrl).href);
  await page.getByTestId('set-custom').check();
  for (const id of exerciseIds) await page.getByTestId(`custom-${id}`).check();
  await page.getByTestId('begin').click();
  await page.getByTestId('camera-start').click();
  await page.getByTestId('camera-on').waitFor({ timeout: 90_000 });
  await page.getByTestId('skip-calibration').click();
  await page.getByTestId('exercise-title').waitFor({ timeout: 30_000 });
}
