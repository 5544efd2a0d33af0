import { expect, test, type Page, type Worker } from './support/app-test';
import { fakeCameraLaunchOptions } from './support/fake-camera';
import { turningCamera } from './support/test-cameras';

/** Any head will do as the webcam (a real clip, or the scanned head): the point is that the whole pipeline runs. */
const CAMERA = turningCamera();

const LIVE_PAGE = '/#/camera';
/** How long the live page runs while every request is recorded. */
const OBSERVE_MS = 10_000;
/** Same host, other port: a different origin that answers, so only the CSP can stop the request. */
const OTHER_ORIGIN_URL = 'http://127.0.0.1:9/atlas-privacy-probe';

test.use({ launchOptions: fakeCameraLaunchOptions(CAMERA.y4m) });

function isLocal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}

async function startLive(page: Page): Promise<void> {
  await page.goto(LIVE_PAGE);
  const view = page.locator('atlas-live-view');
  await expect.poll(() => view.getAttribute('data-status')).toMatch(/^(running|error)$/);
  if ((await view.getAttribute('data-status')) !== 'running') {
    throw new Error(`the live view did not start: ${(await view.locator('.problem').textContent()) ?? 'no message'}`);
  }
  await expect.poll(async () => Number((await view.getAttribute('data-frames')) ?? '0')).toBeGreaterThan(0);
}

interface FetchOutcome {
  readonly blocked: boolean;
  readonly directive: string | null;
}

/** Runs in the page or a worker: a cross-origin fetch, and whether a CSP violation stopped it. */
async function probeCrossOriginFetch(url: string): Promise<FetchOutcome> {
  let directive: string | null = null;
  const onViolation = (event: SecurityPolicyViolationEvent): void => {
    directive = event.effectiveDirective;
  };
  self.addEventListener('securitypolicyviolation', onViolation);
  try {
    await fetch(url, { mode: 'no-cors' });
    return { blocked: false, directive };
  } catch {
    // The violation event is queued as a task: give it a turn to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { blocked: directive !== null, directive };
  } finally {
    self.removeEventListener('securitypolicyviolation', onViolation);
  }
}

function crossOriginFetchOutcome(target: Page | Worker): Promise<FetchOutcome> {
  return 'mainFrame' in target ? target.evaluate(probeCrossOriginFetch, OTHER_ORIGIN_URL) : target.evaluate(probeCrossOriginFetch, OTHER_ORIGIN_URL);
}

test.describe('privacy: nothing leaves the origin', () => {
  test('the live page requests nothing from another origin and breaks none of its own policy while it runs', async ({ page, context, baseURL }) => {
    const origin = new URL(baseURL ?? 'http://localhost:4173').origin;
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    page.on('websocket', (socket) => requests.push(socket.url()));
    // The policy must not be broken by the page itself (a refused style or script means a broken feature).
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });

    await startLive(page);
    await page.waitForTimeout(OBSERVE_MS);

    const foreign = requests.filter((url) => !isLocal(url, origin));
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    // The recording does see the workers' requests: the models and the wasm are fetched there.
    expect(requests.some((url) => url.includes('/models/face_landmarker.task'))).toBe(true);
    expect(requests.some((url) => url.includes('/models/pose_landmarker_'))).toBe(true);
    expect(requests.some((url) => url.includes('/wasm/vision_wasm_internal.wasm'))).toBe(true);
  });

  test('the page declares a Content-Security-Policy that blocks a cross-origin fetch', async ({ page }) => {
    await page.goto(LIVE_PAGE);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(await crossOriginFetchOutcome(page)).toEqual({ blocked: true, directive: 'connect-src' });
  });

  test('the landmarker workers cannot fetch from another origin either', async ({ page }) => {
    await startLive(page);
    const workers = page.workers();
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const worker of workers) expect(await crossOriginFetchOutcome(worker)).toEqual({ blocked: true, directive: 'connect-src' });
  });
});
