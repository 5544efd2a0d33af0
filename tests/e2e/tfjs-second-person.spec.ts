import { expect, test } from './support/app-test';
import { fakeCameraLaunchOptions, secondPersonArrivesY4m } from './support/fake-camera';
import { personPhoto } from './support/test-cameras';

/** One person, large and frontal (a real portrait, or the scanned head); the camera shows them alone, then a second copy steps in beside them. */
const PHOTO = personPhoto();
console.log(`tfjs-second-person.spec: the photo is ${PHOTO.label}`);

test.use({ launchOptions: fakeCameraLaunchOptions(secondPersonArrivesY4m(PHOTO.file)) });
test.use({ rememberedBackend: 'tfjs' });

test.describe('the TF.js backend notices a second person', () => {
  test.setTimeout(180_000);

  test('who steps in while the first is tracked: two faces, one when the camera loops, two again', async ({ page }) => {
    await page.goto('/#/camera');
    const view = page.locator('atlas-live-view');
    await expect.poll(() => view.getAttribute('data-status'), { timeout: 90_000 }).toBe('running');
    const read = async (name: string): Promise<number> => Number((await view.getAttribute(name)) ?? 'NaN');
    const several = (): Promise<number> => read('data-several-faces-frames');
    const oneFace = async (): Promise<number> => (await read('data-face-frames')) - (await several());
    // Two people at some point (perhaps both found at once, if the first analysed frame came late)…
    await expect.poll(several, { timeout: 60_000 }).toBeGreaterThan(5);
    // …then the loop's lone stretch: the left person alone, still tracked…
    const oneBefore = await oneFace();
    await expect.poll(oneFace, { timeout: 30_000 }).toBeGreaterThan(oneBefore + 5);
    // …then the second person steps in again. Only the detector's periodic look (every
    // DETECT_EVERY_FRAMES frames while a face is tracked) can find them now.
    const severalBefore = await several();
    await expect.poll(several, { timeout: 30_000 }).toBeGreaterThan(severalBefore + 5);
    console.log(`tfjs-second-person.spec: ${JSON.stringify({ frames: await read('data-frames'), oneFace: await oneFace(), several: await several() })}`);
    await expect(view).toHaveAttribute('data-backend', 'tfjs');
  });
});
