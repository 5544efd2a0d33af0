import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, rememberBackend, test, type BrowserContext, type BrowserType, type Page } from './support/app-test';
import { QUIET_CHROMIUM_ARGS, chromiumExecutable } from '../../playwright.config';
import { fakeCameraLaunchOptions } from './support/fake-camera';
import { shakingCamera } from './support/test-cameras';
import { expectCameraHelp } from './support/camera-help';

/**
 * Faults end to end in Chromium: the browser killed mid-session (SIGKILL, no unload handlers, no
 * chance to flush) and reopened on the same profile; every request of the whole session recorded;
 * the CSP really refusing inline script and eval; no camera at all.
 */
/** Head shakes that no-shakes counts: a real person's, or the scanned head's without ../shared. */
const CAMERA = shakingCamera();
/** Reps to see before the kill: enough that losing one would show. */
const REPS_BEFORE_KILL = 2;
const MODELS_TIMEOUT_MS = 120_000;

function isLocal(url: string, origin: string): boolean {
  return url === origin || url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

/** The main Chromium process of the profile in `userDataDir` (the one without --type=). */
function browserPid(userDataDir: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${userDataDir}`) && !line.includes('--type='));
  const pid = Number(main?.trim().split(/\s+/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no Chromium process for ${userDataDir}`);
  return pid;
}

async function openProfile(chromium: BrowserType, userDataDir: string, baseURL: string, requests: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...fakeCameraLaunchOptions(CAMERA.y4m),
    baseURL,
    viewport: { width: 1280, height: 900 },
  });
  await rememberBackend(context, 'mediapipe-lite');
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => requests.push(socket.url()));
  return { context, page };
}

async function repsShown(page: Page): Promise<number> {
  return Number(await page.locator('atlas-rep-counter').getByTestId('reps-both').textContent());
}

test.describe('a session killed mid-way', () => {
  test.setTimeout(420_000);

  test('reopening resumes with every completed rep; nothing in the whole session leaves the origin', async ({ playwright, baseURL }) => {
    const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
    const profile = mkdtempSync(path.join(tmpdir(), 'atlas-kill-'));
    const requests: string[] = [];
    try {
      const first = await openProfile(playwright.chromium, profile, origin, requests);
      const page = first.page;
      await page.goto('/');
      await page.getByRole('radio', { name: /My own list/ }).check();
      await page.getByTestId('custom-no-shakes').check();
      await page.getByTestId('begin').click();
      await page.getByTestId('camera-start').click();
      await expect(page.getByTestId('camera-on')).toBeVisible({ timeout: MODELS_TIMEOUT_MS });
      await expect(page.getByTestId('check-person')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
      await page.getByTestId('skip-calibration').click();
      await expect.poll(() => repsShown(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(REPS_BEFORE_KILL);
      const beforeKill = await repsShown(page);

      // As abrupt as it gets: the browser process is killed; no pagehide, no unload, no flush.
      process.kill(browserPid(profile), 'SIGKILL');
      await first.context.close().catch(() => undefined);

      const second = await openProfile(playwright.chromium, profile, origin, requests);
      const again = second.page;
      await again.goto('/');
      const banner = again.getByTestId('resume-banner');
      await expect(banner).toBeVisible({ timeout: 60_000 });
      const saved = Number(/\((\d+)/.exec((await banner.textContent()) ?? '')?.[1]);
      console.log(`reliability.spec: ${beforeKill} reps on screen before the kill, ${saved} saved`);
      expect(saved).toBeGreaterThanOrEqual(beforeKill);
      await again.getByTestId('resume').click();
      await expect(again.getByTestId('exercise-title')).toBeVisible();
      await expect(again.locator('atlas-rep-counter').getByTestId('reps-both')).toHaveText(String(saved));

      // The rest of the session: stop, summary, history, export: all still on the origin.
      await again.getByTestId('stop').click();
      await expect(again.getByTestId('summary-heading')).toBeVisible();
      await again.getByTestId('to-history').click();
      await expect(again.getByTestId('history-sessions').locator('li')).toHaveCount(1);
      await expect(again.getByTestId('history-sessions')).toContainText(String(saved));
      await second.context.close();

      expect(requests.filter((url) => !isLocal(url, origin))).toEqual([]);
      // The log did see the heavy, worker-side requests (models and wasm).
      expect(requests.some((url) => url.includes('/models/'))).toBe(true);
      expect(requests.some((url) => url.includes('.wasm'))).toBe(true);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test.describe('Content-Security-Policy', () => {
  // The service worker would answer from its cache, around the probe's route.
  test.use({ serviceWorkers: 'block' });

  test('declared strict, and an injected inline script, event handler or eval does not run', async ({ page }) => {
    await page.goto('/');
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const directives = new Map(policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);

    // Code run by page.evaluate is exempt from the CSP's eval rule (it is DevTools' own): eval is
    // tried from a same-origin script file instead, served by a route only this test has.
    await page.route('**/__csp-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `
          const outcome = (run) => { try { return String(run()); } catch (error) { return error.name; } };
          window.__evalOutcome = outcome(() => (0, eval)('6 * 7'));
          window.__functionOutcome = outcome(() => new Function('return 6 * 7')());
          window.__probeRan = true;`,
      }),
    );
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const flags = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      const probe = document.createElement('script');
      probe.src = '/__csp-probe.js';
      await new Promise((resolve) => {
        probe.onload = resolve;
        probe.onerror = resolve;
        document.body.append(probe);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        inline: flags.__inlineRan ?? false,
        handler: flags.__handlerRan ?? false,
        probeRan: flags.__probeRan ?? false,
        evalOutcome: flags.__evalOutcome,
        functionOutcome: flags.__functionOutcome,
        violations,
      };
    });
    expect(outcome.inline).toBe(false);
    expect(outcome.handler).toBe(false);
    expect(outcome.probeRan).toBe(true);
    expect(outcome.evalOutcome).toBe('EvalError');
    expect(outcome.functionOutcome).toBe('EvalError');
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr', 'script-src']));
  });
});

test.describe('no camera at all', () => {
  test('the setup screen says so and how to fix it, with a way to try again', async ({ playwright, baseURL }) => {
    // No fake device: this machine has no webcam, so getUserMedia finds none.
    const browser = await playwright.chromium.launch({ executablePath: chromiumExecutable(), args: [...QUIET_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'] });
    try {
      const page = await browser.newPage({ baseURL });
      await expectCameraHelp(page, 'notFound', 'No camera was found');
    } finally {
      await browser.close();
    }
  });
});
