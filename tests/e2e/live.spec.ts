import { BACKEND_CHOICE_STORAGE_KEY, BACKEND_IDS } from '../../src/vision/backend-choice';
import { expect, test, type Locator, type Page } from './support/app-test';
import { fakeCameraLaunchOptions } from './support/fake-camera';
import { turningCamera } from './support/test-cameras';

/** A head turning (a real person ~20–30° each side, or the scanned head ±45°), head and shoulders in view. */
const CAMERA = turningCamera();
console.log(`live.spec: the camera plays ${CAMERA.label}`);

/** Analysed frames to collect: several head shakes, whatever the machine's speed. */
const FRAMES_TO_ANALYSE = 150;
const MIN_FACE_FRACTION = 0.95;
const MIN_BODY_FRACTION = 0.95;
/** Both clips turn at least 20° each side: the raw yaw must span more than this. */
const MIN_YAW_RANGE_DEG = 15;
const SAMPLE_INTERVAL_MS = 50;
/** The app's camera check: an <atlas-live-view autostart> alone on the page. */
const LIVE_PAGE = '/#/camera';

// Per-file launch options: this file's browser gets the clip as its webcam.
test.use({ launchOptions: fakeCameraLaunchOptions(CAMERA.y4m) });

test.describe('live page with a fake camera', () => {

  async function numberAttribute(view: Locator, name: string): Promise<number> {
    return Number((await view.getAttribute(name)) ?? 'NaN');
  }

  /** Waits until the view has settled (running or failed) and fails with its own message if it failed. */
  async function expectRunning(view: Locator): Promise<void> {
    await expect.poll(() => view.getAttribute('data-status')).toMatch(/^(running|error|stopped)$/);
    if ((await view.getAttribute('data-status')) !== 'running') {
      const problem = await view.locator('.problem').textContent();
      throw new Error(`the live view did not start: ${problem ?? 'no message'}`);
    }
  }

  test('finds a face and a body in almost every analysed frame and shows moving angles', async ({ page }) => {
    const pageErrors: string[] = [];
    // The offline service worker is another feature (and fails to register while dist/ is being rebuilt).
    page.on('pageerror', (error) => {
      if (!error.message.includes('ServiceWorker')) pageErrors.push(error.message);
    });
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expectRunning(view);

    const yaws: number[] = [];
    let frames = 0;
    while (frames < FRAMES_TO_ANALYSE) {
      await page.waitForTimeout(SAMPLE_INTERVAL_MS);
      expect(await view.getAttribute('data-status')).toBe('running');
      frames = (await numberAttribute(view, 'data-frames')) || 0;
      const yaw = await view.getAttribute('data-yaw-deg');
      if (yaw !== null) yaws.push(Number(yaw));
    }

    const faceFrames = await numberAttribute(view, 'data-face-frames');
    const poseFrames = await numberAttribute(view, 'data-pose-frames');
    const analysed = await numberAttribute(view, 'data-frames');
    const figures = await view.evaluate((element) => JSON.stringify(element.dataset));
    console.log(`live.spec: ${analysed} frames analysed, face in ${faceFrames}, body in ${poseFrames}; yaw ${Math.min(...yaws).toFixed(1)}…${Math.max(...yaws).toFixed(1)}° over ${yaws.length} samples; ${figures}`);
    expect(faceFrames / analysed).toBeGreaterThanOrEqual(MIN_FACE_FRACTION);
    expect(poseFrames / analysed).toBeGreaterThanOrEqual(MIN_BODY_FRACTION);
    expect(Math.max(...yaws) - Math.min(...yaws)).toBeGreaterThan(MIN_YAW_RANGE_DEG);

    // The readout a person sees shows the same numbers (three angles and the frame rate).
    await expect(view.locator('dd.angle')).toHaveCount(3);
    await expect(view.locator('dd.fps')).toContainText('fps');
    expect(pageErrors).toEqual([]);
  });

  test('a first visit over a slow connection shows the download progress, then runs', async ({ page }) => {
    // ~20 MB of wasm and models at 8 MB/s: a few seconds of visible progress. The workers' requests are throttled too.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 8 * 1024 * 1024, uploadThroughput: 1024 * 1024 });
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    const bar = view.locator('.starting progress');
    await expect(bar).toBeVisible({ timeout: 30_000 });
    const seen: number[] = [];
    const texts = new Set<string>();
    while ((await view.getAttribute('data-status')) === 'starting' && seen.length < 200) {
      const value = await bar.evaluate((element) => (element as HTMLProgressElement).value, undefined, { timeout: 500 }).catch(() => null);
      if (value !== null) seen.push(value);
      const text = await view.locator('.starting p').textContent({ timeout: 500 }).catch(() => null);
      if (text !== null) texts.add(text);
      await page.waitForTimeout(100);
    }
    console.log(`live.spec: progress values seen ${seen.map((v) => v.toFixed(2)).join(' ')}; texts ${[...texts].slice(0, 3).join(' | ')}`);
    expect([...texts].some((text) => /^Loading the models… \d+ % \(\d+\.\d of \d+\.\d MB\)$/.test(text))).toBe(true);
    expect(seen.some((v) => v > 0 && v < 1)).toBe(true);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
    await expectRunning(view);
  });

  test('stopping ends the camera tracks and terminates the landmarker workers', async ({ page }) => {
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expectRunning(view);
    expect(page.workers().length).toBeGreaterThanOrEqual(2);
    const stream = await view.evaluateHandle((element) => {
      const source = element.shadowRoot?.querySelector('video')?.srcObject;
      if (!(source instanceof MediaStream)) throw new Error('no camera stream on the video element');
      return source;
    });
    expect(await stream.evaluate((s) => s.getVideoTracks().filter((t) => t.readyState === 'live').length)).toBe(1);

    await view.getByRole('button', { name: 'Stop camera' }).click();
    await expect(view).toHaveAttribute('data-status', 'stopped');
    expect(await stream.evaluate((s) => s.getTracks().map((t) => t.readyState))).toEqual(['ended']);
    await expect.poll(() => page.workers().length).toBe(0);
  });
});

test.describe('the first visit probes the landmark backends and remembers the choice', () => {
  test.use({ rememberedBackend: null });
  test.setTimeout(240_000);

  async function rememberedChoice(page: Page): Promise<{ id: string; userAgent: string } | null> {
    const text = await page.evaluate((key) => localStorage.getItem(key), BACKEND_CHOICE_STORAGE_KEY);
    return text === null ? null : (JSON.parse(text) as { id: string; userAgent: string });
  }

  test('says it is measuring, runs the chosen backend, and does not probe again on the next visit', async ({ page }) => {
    const requests: string[] = [];
    page.context().on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.text().startsWith('Atlas backend probe')) console.log(`live.spec: ${message.text()}`);
    });
    let workersOnFirstVisit = 0;
    page.on('worker', () => (workersOnFirstVisit += 1));
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expect(view.locator('.starting[data-probing="true"]')).toContainText('measuring how fast this computer runs the models', { timeout: 30_000 });
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 180_000 }).toBe('running');
    const choice = await rememberedChoice(page);
    console.log(`live.spec: the probe chose ${JSON.stringify(choice)}`);
    expect(BACKEND_IDS as readonly string[]).toContain(choice?.id);
    // lite's pose and face, then full's or TF.js's pose (and TF.js's face), then the two that run.
    expect(workersOnFirstVisit).toBeGreaterThanOrEqual(5);
    expect(choice?.userAgent).toBe(await page.evaluate(() => navigator.userAgent));
    await expect(view).toHaveAttribute('data-backend', choice?.id === 'tfjs' ? 'tfjs' : 'mediapipe');
    await expect.poll(async () => Number((await view.getAttribute('data-face-frames')) ?? 0)).toBeGreaterThan(10);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);

    // The probe times each candidate in a worker of its own; a start without a probe opens just the pose and face workers.
    let workersOnReload = 0;
    page.on('worker', () => (workersOnReload += 1));
    await page.reload();
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toBe('running');
    expect(await rememberedChoice(page)).toEqual(choice);
    expect(workersOnReload).toBe(2);
    await expect(view).toHaveAttribute('data-pose-model', choice?.id === 'tfjs' ? '' : choice?.id === 'mediapipe-full' ? 'full' : 'lite');

    // The user can have it measured again (after a busy first visit, say).
    await view.getByTestId('measure-again').click();
    await expect(view.locator('.starting[data-probing="true"]')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 180_000 }).toBe('running');
    expect(BACKEND_IDS as readonly string[]).toContain((await rememberedChoice(page))?.id);
  });

  test("picks TF.js when MediaPipe's wasm cannot start", async ({ page }) => {
    await page.context().route('**/wasm/*.wasm', (route) => route.fulfill({ status: 404, body: 'no wasm here' }));
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 180_000 }).toBe('running');
    expect((await rememberedChoice(page))?.id).toBe('tfjs');
    await expect(view).toHaveAttribute('data-backend', 'tfjs');
  });
});

test.describe('the live page in Russian', () => {

  test('words the controls and the angles in the chosen language', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('atlas.language', 'ru'));
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 120_000 }).toBe('running');
    await expect(view.getByRole('button', { name: 'Выключить камеру' })).toBeVisible();
    await expect(view.locator('.readout')).toContainText('Анализ', { timeout: 30_000 });
    await expect(view.locator('.readout')).toContainText('Поворот');
    await view.getByRole('button', { name: 'Выключить камеру' }).click();
    await expect(view.locator('.placeholder')).toHaveText('Камера выключена');
  });
});

test.describe('live page problems are explained', () => {

  for (const [name, code, title] of [
    ['NotAllowedError', 'camera-denied', 'Camera access is blocked'],
    ['NotFoundError', 'camera-not-found', 'No camera found'],
    ['NotReadableError', 'camera-in-use', 'The camera is busy or unavailable'],
  ] as const) {
    test(`getUserMedia ${name} shows "${title}"`, async ({ page }) => {
      await page.addInitScript((errorName) => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused by the test', errorName));
      }, name);
      await page.goto(LIVE_PAGE);
      const view = page.locator('atlas-live-view');
      await expect(view).toHaveAttribute('data-status', 'error');
      await expect(view).toHaveAttribute('data-error-code', code);
      await expect(view.getByRole('alert')).toContainText(title);
      await expect(view.getByRole('button', { name: 'Try again' })).toBeVisible();
    });
  }

  test('a missing model is named, with its HTTP status', async ({ page }) => {
    await page.context().route('**/models/face_landmarker.task', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expect(view).toHaveAttribute('data-status', 'error');
    await expect(view).toHaveAttribute('data-error-code', 'model-fetch');
    await expect(view.getByRole('alert')).toContainText('face_landmarker.task: HTTP 404');
  });

  test('a corrupt model is reported as damaged', async ({ page }) => {
    await page.context().route('**/models/face_landmarker.task', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.alloc(200_000, 7) }));
    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    await expect(view).toHaveAttribute('data-status', 'error');
    await expect(view).toHaveAttribute('data-error-code', 'model-invalid');
    await expect(view.getByRole('alert')).toContainText('A landmark model is damaged');
  });
});
