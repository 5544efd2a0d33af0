import { expect, test, type Locator } from './support/app-test';
import { fakeCameraLaunchOptions } from './support/fake-camera';
import { turningCamera } from './support/test-cameras';

/** A head turning (a real person shaking the head, or the scanned head), head and shoulders in view. */
const CAMERA = turningCamera();
console.log(`tfjs-live.spec: the camera plays ${CAMERA.label}`);

const FRAMES_TO_ANALYSE = 60;
/** BlazePose and BlazeFace+FaceMesh on a frontal webcam clip: a face and a body in nearly every frame. */
const MIN_FOUND_FRACTION = 0.9;
const LIVE_PAGE = '/#/camera';

test.use({ launchOptions: fakeCameraLaunchOptions(CAMERA.y4m) });
/** As if the first-run probe had picked TF.js on this browser. */
test.use({ rememberedBackend: 'tfjs' });

async function analyse(view: Locator, frames: number): Promise<{ analysed: number; faces: number; bodies: number; severalFaces: number }> {
  await expect.poll(() => view.getAttribute('data-status'), { timeout: 90_000 }).toMatch(/^(running|error)$/);
  if ((await view.getAttribute('data-status')) !== 'running') throw new Error(`did not start: ${(await view.locator('.problem').textContent()) ?? ''}`);
  await expect.poll(async () => Number((await view.getAttribute('data-frames')) ?? 0), { timeout: 120_000 }).toBeGreaterThanOrEqual(frames);
  const read = async (name: string): Promise<number> => Number((await view.getAttribute(name)) ?? 'NaN');
  return { analysed: await read('data-frames'), faces: await read('data-face-frames'), bodies: await read('data-pose-frames'), severalFaces: await read('data-several-faces-frames') };
}

test.describe('the live page on the TF.js backend', () => {
  test.setTimeout(240_000);

  test('runs BlazePose and FaceMesh in the workers on the camera, from this origin only, and again offline', async ({ page, context }) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    await page.goto(LIVE_PAGE);
    const view = page.locator('atlas-live-view');
    const online = await analyse(view, FRAMES_TO_ANALYSE);
    console.log(`tfjs-live.spec: online ${JSON.stringify(online)}`);
    // Every frame's tensors are disposed: the count alive in each worker stays where it was after the models loaded.
    const tensors = async (): Promise<[number, number]> => [Number(await view.getAttribute('data-pose-tensors')), Number(await view.getAttribute('data-face-tensors'))];
    const tensorsBefore = await tensors();
    await analyse(view, online.analysed + FRAMES_TO_ANALYSE);
    const tensorsAfter = await tensors();
    console.log(`tfjs-live.spec: live tensors (pose, face) ${tensorsBefore.join(', ')} → ${tensorsAfter.join(', ')} after ${FRAMES_TO_ANALYSE} more frames`);
    expect(tensorsBefore.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(tensorsAfter).toEqual(tensorsBefore);
    await expect(view).toHaveAttribute('data-backend', 'tfjs');
    expect(online.faces / online.analysed).toBeGreaterThanOrEqual(MIN_FOUND_FRACTION);
    expect(online.bodies / online.analysed).toBeGreaterThanOrEqual(MIN_FOUND_FRACTION);
    // One person in the clip: the detector's periodic look for a second face never doubles the one tracked.
    expect(online.severalFaces).toBe(0);
    expect(requests.some((url) => url.includes('/tfjs-models/'))).toBe(true);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);

    // From the next visit on (the page is then controlled by the service worker), what TF.js fetches is kept:
    // the same page then works without the network.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await analyse(view, FRAMES_TO_ANALYSE / 2);
    await expect.poll(() => page.evaluate(() => caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys()))).then((lists) => lists.flat().filter((r) => r.url.includes('/tfjs-models/')).length)))).toBeGreaterThan(0);
    await context.setOffline(true);
    await page.reload();
    const offline = await analyse(view, FRAMES_TO_ANALYSE / 2);
    console.log(`tfjs-live.spec: offline ${JSON.stringify(offline)}`);
    await expect(view).toHaveAttribute('data-backend', 'tfjs');
    expect(offline.faces / offline.analysed).toBeGreaterThanOrEqual(MIN_FOUND_FRACTION);
    expect(problems.filter((p) => !p.includes('ServiceWorker'))).toEqual([]);
  });
});
