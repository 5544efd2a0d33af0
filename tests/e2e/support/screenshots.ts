import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './fake-camera';

/** Set by `npm run screenshots`: only then do the specs write docs/screenshots/*.png. */
export const SCREENSHOTS_WANTED = process.env.ATLAS_SCREENSHOTS === '1';
const SHOTS = path.join(REPO_ROOT, 'docs/screenshots');

/** The README's screenshot `name` (docs/screenshots/<name>.png), taken only by `npm run screenshots`. */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS_WANTED) return;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
