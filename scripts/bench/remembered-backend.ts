import type { BrowserContext } from '@playwright/test';
import { BACKEND_CHOICE_STORAGE_KEY, type BackendId } from '../../src/vision/backend-choice';

/**
 * Makes every page of `context` find `id` as this browser's remembered backend, as if the
 * first-run probe had chosen it (unless the page's storage already holds a choice): the page runs
 * the models meant to be measured or tested, without a first-visit probe.
 */
export async function rememberBackend(context: BrowserContext, id: BackendId): Promise<void> {
  await context.addInitScript(
    ([key, chosen]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ id: chosen, userAgent: navigator.userAgent, frameCostMs: null }));
    },
    [BACKEND_CHOICE_STORAGE_KEY, id] as const,
  );
}
