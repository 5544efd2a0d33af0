import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, chromiumExecutable } from '../../playwright.config';
import { REPO_ROOT } from './support/fake-camera';

/**
 * Bad input in the browser: damaged or missing model bundles (served through a route, so the
 * real files stay intact) and hostile JSON given to the in-app import. The fake camera is
 * Chromium's own test pattern: these tests stop before any landmark is needed.
 */
const LIVE_PAGE = '/#/camera';
const FACE_BUNDLE = readFileSync(path.join(REPO_ROOT, 'models/face_landmarker.task'));

// No service worker: it would answer /models/ from its precache, around the route.
test.use({
  serviceWorkers: 'block',
  launchOptions: { executablePath: chromiumExecutable(), args: [...QUIET_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
});

/** Every `.task` request (page and workers) gets `body` (or `status` without a body). */
async function serveModels(context: BrowserContext, answer: { status?: number; body?: Buffer }): Promise<void> {
  await context.route('**/models/*.task', (route) =>
    route.fulfill({ status: answer.status ?? 200, contentType: 'application/octet-stream', body: answer.body ?? Buffer.alloc(0) }),
  );
}

async function liveError(page: Page): Promise<{ title: string; message: string }> {
  await page.goto(LIVE_PAGE);
  const view = page.locator('atlas-live-view');
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toMatch(/^(running|error)$/);
  expect(await view.getAttribute('data-status')).toBe('error');
  const problem = view.locator('.problem');
  return { title: (await problem.locator('h2').textContent()) ?? '', message: (await problem.locator('p').textContent()) ?? '' };
}

test.describe('model bundle missing or damaged → a clear error that says what to do', () => {
  test('missing (HTTP 404): "could not be loaded", names the file and says to run npm run models', async ({ page, context }) => {
    await serveModels(context, { status: 404 });
    const { title, message } = await liveError(page);
    expect(title).toBe('A landmark model could not be loaded');
    expect(message).toMatch(/\/models\/\w+\.task/);
    expect(message).toContain('npm run models');
  });

  test('an HTML page instead of the bundle: "damaged", too small, run npm run models', async ({ page, context }) => {
    await serveModels(context, { body: Buffer.from('<!doctype html><title>Not found</title>') });
    const { title, message } = await liveError(page);
    expect(title).toBe('A landmark model is damaged');
    expect(message).toContain('too small for a landmarker bundle');
    expect(message).toContain('npm run models');
  });

  test('a truncated bundle (first half of the real file): "damaged"', async ({ page, context }) => {
    await serveModels(context, { body: FACE_BUNDLE.subarray(0, Math.floor(FACE_BUNDLE.length / 2)) });
    const { title, message } = await liveError(page);
    expect(title).toBe('A landmark model is damaged');
    expect(message).toMatch(/\/models\/\w+\.task/);
  });
});

test.describe('in-app JSON import: hostile files are refused and nothing changes', () => {
  const hostile: readonly [string, string][] = [
    ['not JSON at all', 'this is { not json'],
    ['a PNG named .json', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
    ['prototype pollution keys', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format":"atlas","sessions":[],"reps":[]}'],
    ['wrong types everywhere', '{"format":42,"version":"one","sessions":"none","reps":{"length":3}}'],
    ['a huge array of junk', `{"format":"atlas","version":1,"sessions":[],"reps":[${new Array(200_000).fill('{"x":1}').join(',')}]}`],
    ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
  ];

  test('every hostile file: an alert, no prototype polluted, the history still empty', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('nav-data').click();
    const input = page.getByTestId('import-json');
    await expect(input).toBeAttached({ timeout: 60_000 });
    for (const [name, content] of hostile) {
      await input.setInputFiles({ name: 'atlas-export.json', mimeType: 'application/json', buffer: Buffer.from(content, 'latin1') });
      const message = page.getByTestId('data-message');
      await expect(message, name).toHaveAttribute('role', 'alert');
      await expect(message, name).toContainText('could not be imported');
      expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted), name).toBeUndefined();
    }
    await page.getByTestId('nav-history').click();
    await expect(page.getByTestId('history-empty')).toBeVisible();
  });
});
