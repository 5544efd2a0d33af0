import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browsers: Playwright's own Chromium where it could be installed; otherwise Debian's
 * (`/usr/bin/chromium`) or CHROMIUM_PATH. The flags keep Chromium quiet on a closed network.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

/** ATLAS_E2E_PORT lets parallel worktrees run their e2e suites side by side without sharing a server. */
const PORT = Number(process.env.ATLAS_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: QUIET_CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite build && npx vite preview --strictPort --port ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
