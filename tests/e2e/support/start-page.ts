import { installFakeSpeech } from './fake-speech';
import type { Page } from './app-test';

/** The app's start screen in English with a fake voice; the page's errors are collected into the list returned. */
export async function openInEnglish(page: Page): Promise<string[]> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await installFakeSpeech(page);
  await page.goto('/');
  await page.getByTestId('language').selectOption('en');
  return pageErrors;
}
