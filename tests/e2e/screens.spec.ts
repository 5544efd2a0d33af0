import { expect, test, type Page } from './support/app-test';
import { shoot } from './support/screenshots';

/**
 * Every screen that needs no camera, in both languages. Under `npm run screenshots` each is also
 * shot into docs/screenshots/ (the README shows them); the camera screens are shot by session.spec.ts.
 */

async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('atlas-app main')).toBeVisible();
}

test.use({ viewport: { width: 1200, height: 900 } });

test.describe('screens', () => {
  test('start screen: choosing the condition applies and explains the protocol’s locks', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { name: 'Today’s exercises' })).toBeVisible();
    await shoot(page, 'start');
    await page.getByTestId('mode-exacerbation').check();
    const locks = page.getByTestId('locks');
    await expect(locks).toContainText('This series of exercises should not be performed during exacerbation of the disease');
    await expect(page.getByTestId('set-complex-1')).toBeDisabled();
    await expect(page.getByTestId('set-simple-b')).toBeEnabled();
    await shoot(page, 'start-exacerbation');
  });

  test('custom list: nothing chosen is refused with a message', async ({ page }) => {
    await openApp(page);
    await page.getByRole('radio', { name: /My own list/ }).check();
    await page.getByTestId('begin').click();
    await expect(page.getByRole('alert')).toContainText('Choose at least one exercise');
  });

  test('Russian UI shows Russian text and is remembered after a reload', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('language').selectOption('ru');
    await expect(page.getByRole('heading', { name: 'Упражнения на сегодня' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Начать' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Упражнения на сегодня' })).toBeVisible();
    await shoot(page, 'start-ru');
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Today’s exercises' })).toBeVisible();
  });

  test('privacy, data and history screens', async ({ page }) => {
    await openApp(page, '#/privacy');
    await expect(page.getByTestId('privacy-statement')).toContainText('Everything stays on this device');
    await expect(page.locator('atlas-privacy-screen')).toContainText('No frame, photo or video is ever stored or sent');
    await shoot(page, 'privacy');
    await page.getByTestId('nav-data').click();
    await expect(page.getByTestId('export-json')).toBeVisible();
    await shoot(page, 'data');
    await page.getByTestId('nav-history').click();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  });

  test('keyboard: the navigation is reachable by Tab and moves focus to the content', async ({ page }) => {
    await openApp(page);
    const history = page.getByTestId('nav-history');
    await history.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('atlas-app main')).toHaveAttribute('data-route', 'history');
    await expect(page.locator('atlas-app main')).toBeFocused();
  });
});

test.describe('offline', () => {
  test('after the first visit the app, its wasm and its models load with the network off', async ({ page, context }) => {
    test.setTimeout(120_000);
    await openApp(page);
    // The service worker precaches what every session needs on install (about 19 MB: wasm, pose lite and face).
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (registration.active?.state !== 'activated') {
        await new Promise<void>((resolve) => registration.active?.addEventListener('statechange', () => resolve()));
      }
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Today’s exercises' })).toBeVisible();
    const sizes = await page.evaluate(async () => {
      const urls = ['/models/face_landmarker.task', '/models/pose_landmarker_lite.task', '/wasm/vision_wasm_internal.wasm'];
      return Promise.all(urls.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength));
    });
    for (const size of sizes) expect(size).toBeGreaterThan(100_000);
    await context.setOffline(false);
  });
});
