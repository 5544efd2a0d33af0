import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Screenshots for the docs (docs/screenshots/), kept out of `npm test`:
 * `ATLAS_E2E_PORT=<port> npx playwright test -c playwright.screenshots.config.ts`.
 */
export default defineConfig({
  ...base,
  testDir: 'tests/e2e/screenshots',
  testMatch: '*.screens.ts',
});
