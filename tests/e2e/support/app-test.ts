import { test as base } from '@playwright/test';
import { rememberBackend } from '../../../scripts/bench/remembered-backend';
import type { BackendId } from '../../../src/vision/backend-choice';

export { rememberBackend };

export { expect } from '@playwright/test';
export type { BrowserContext, Locator, Page, Worker, BrowserType } from '@playwright/test';

/**
 * The landmark backend a test's browser has remembered (`rememberBackend`): each spec runs the
 * models it means to test, without a probe of a few seconds in every fresh context. null: nothing
 * remembered, the app probes (the probe's own tests).
 */
export const test = base.extend<{ rememberedBackend: BackendId | null }>({
  rememberedBackend: ['mediapipe-lite', { option: true }],
  context: async ({ context, rememberedBackend }, use) => {
    if (rememberedBackend !== null) await rememberBackend(context, rememberedBackend);
    await use(context);
  },
});
