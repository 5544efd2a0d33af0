import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import baseConfig from '../../../playwright.config';

/**
 * Runs only the model-bundle spec, without the app build: the spec starts its own Vite dev server.
 * `npx playwright test -c tests/e2e/harness/models.playwright.config.ts`
 */
const here = path.dirname(fileURLToPath(import.meta.url));

export const modelsConfig = defineConfig({
  ...baseConfig,
  testDir: path.resolve(here, '..'),
  testMatch: 'models-crosscheck.spec.ts',
  webServer: undefined,
});

// Playwright reads a config file's default export.
export default modelsConfig;
