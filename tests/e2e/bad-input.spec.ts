import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from './support/app-test';
import { QUIET_CHROMIUM_ARGS, chromiumExecutable } from '../../playwright.config';
import { REPO_ROOT } from './support/fake-camera';
import { clipToDamage } from './support/test-cameras';
import { runAnalyze } from '../support/run-analyze';

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
  // The headline and what to do are in the user's language; the error's own message (the file, the cause) is the detail.
  await expect(problem.locator('p').first()).not.toBeEmpty();
  return { title: (await problem.locator('h2').textContent()) ?? '', message: (await problem.locator('p.detail').textContent()) ?? '' };
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

  test('a same-size bundle damaged inside (zip header intact): "damaged", checksum, names the file', async ({ page, context }) => {
    const corrupted = Buffer.from(FACE_BUNDLE);
    const middle = Math.floor(corrupted.length / 2);
    corrupted.fill(0, middle, middle + 1024);
    await context.route('**/models/face_landmarker.task', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: corrupted }));
    const { title, message } = await liveError(page);
    expect(title).toBe('A landmark model is damaged');
    expect(message).toContain('face_landmarker.task does not match its recorded checksum');
    expect(message).toContain('npm run models');
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

/** A clip to damage (a real one, or the scanned head's); the other bad files are made from nothing. */
const CLIP = clipToDamage();
/** 2 GiB + 1 byte, sparse (no disk used): past every signed 32-bit size. */
const HUGE_BYTES = 2 ** 31 + 1;
/** The damage covers a tenth of the clip: far more than this many frames remain readable. */
const MIN_FRAMES_AROUND_DAMAGE = 10;
/** What an uncaught exception or a crash prints. */
const CRASH_PATTERN = /\n\s+at |Unhandled|TypeError|RangeError|Segmentation|core dumped/;

/** The same bytes with a tenth of the file, a third of the way in, overwritten by noise (seeded). */
function damaged(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  let seed = 7;
  for (let i = Math.floor(out.length / 3); i < Math.floor(out.length / 3) + Math.floor(out.length / 10); i += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out[i] = seed & 0xff;
  }
  return out;
}

test.describe('npm run analyze on bad files: a clear message per file, the right exit code, no crash', () => {
  test.setTimeout(600_000);

  test('files that cannot be read at all: each named with its reason, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bad-input-'));
    try {
      const empty = path.join(dir, 'empty.mp4');
      writeFileSync(empty, '');
      const textAsPng = path.join(dir, 'photo.png');
      writeFileSync(textAsPng, 'I am a shopping list, not a picture\n');
      const noise = path.join(dir, 'noise.mp4');
      writeFileSync(noise, Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) & 0xff)));
      const movieHeaderThenNoise = path.join(dir, 'header-then-noise.mp4');
      writeFileSync(movieHeaderThenNoise, Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.alloc(100_000, 0xa5)]));
      const huge = path.join(dir, 'huge.mp4');
      const fd = openSync(huge, 'w');
      writeSync(fd, Buffer.from([0]), 0, 1, HUGE_BYTES - 1);
      closeSync(fd);

      const files = [empty, textAsPng, noise, movieHeaderThenNoise, huge];
      const run = await runAnalyze(files);
      console.log(`bad-input.spec: analyze said:\n${run.stderr}`);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toMatch(CRASH_PATTERN);
      for (const file of files) expect(run.stderr).toMatch(new RegExp(`analyze: ${file}: .+; skipped\\.`));
      expect(run.stderr).toContain(`${empty}: The file is empty`);
      expect(run.stderr).toContain(`${textAsPng}: Not a supported image`);
      expect(run.stderr).toContain(`${noise}: Not a supported image`);
      expect(run.stderr).toContain(`${movieHeaderThenNoise}: The video is damaged`);
      // Judged by its first bytes (zeros): never read whole.
      expect(run.stderr).toContain(`${huge}: Not a supported image`);
      expect(run.stderr).toContain('no file could be read');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a video damaged in the middle: the frames around the damage, a warning, exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bad-input-'));
    try {
      const corrupt = path.join(dir, 'corrupt.mp4');
      writeFileSync(corrupt, damaged(readFileSync(CLIP)));
      const run = await runAnalyze([corrupt]);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(CRASH_PATTERN);
      expect(run.stderr).toContain(`${corrupt}: damaged`);
      const frames = run.stdout.split('\n').filter((line) => line.startsWith('{"type":"frame"'));
      expect(frames.length).toBeGreaterThan(MIN_FRAMES_AROUND_DAMAGE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
