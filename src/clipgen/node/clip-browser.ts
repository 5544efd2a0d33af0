import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { CLIPGEN_GLOBAL, type ClipgenApi, type ClipgenMeasurement, type ClipgenSetup, type FramePose } from '../clipgen-api';
import { CLIP_HEIGHT, CLIP_WIDTH } from '../core/trajectory';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The public-domain official portrait among the shared test photos (read in place, never copied). */
export const DEFAULT_PHOTO = path.resolve(REPO_ROOT, '../shared/fixtures/images/face-landmarks-detection__portrait.jpg');

const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL in headless Chromium without a GPU: SwiftShader.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const PHOTO_ROUTE = '/__clipgen/photo';
const PAGE_READY_TIMEOUT_MS = 120_000;

function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** clipgen.html in headless Chromium, served by a private Vite dev server; the photo via a route. */
export class ClipBrowser {
  readonly setup: ClipgenSetup;
  private readonly server: ViteDevServer;
  private readonly browser: Browser;
  private readonly page: Page;

  private constructor(server: ViteDevServer, browser: Browser, page: Page, setup: ClipgenSetup) {
    this.server = server;
    this.browser = browser;
    this.page = page;
    this.setup = setup;
  }

  static async start(photoPath: string = DEFAULT_PHOTO): Promise<ClipBrowser> {
    if (!existsSync(photoPath)) throw new Error(`photo not found: ${photoPath} (the shared fixtures are needed)`);
    const photo = readFileSync(photoPath);
    const server = await createServer({
      root: REPO_ROOT,
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      cacheDir: path.join(REPO_ROOT, 'node_modules/.vite-clipgen'),
      logLevel: 'error',
      clearScreen: false,
      optimizeDeps: { entries: ['clipgen.html'] },
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    });
    let browser: Browser | null = null;
    try {
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('the clipgen server has no port');
      const origin = `http://127.0.0.1:${address.port}`;
      const executablePath = chromiumExecutable();
      browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: QUIET_CHROMIUM_ARGS, headless: true });
      const page = await browser.newPage();
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === `${origin}${PHOTO_ROUTE}`) void route.fulfill({ body: photo, contentType: 'image/jpeg' });
        else if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) void route.continue();
        else void route.abort();
      });
      page.on('pageerror', (error) => process.stderr.write(`clipgen page: ${error.message}\n`));
      await page.goto(`${origin}/clipgen.html`);
      await page.waitForFunction((name) => name in window, CLIPGEN_GLOBAL, { timeout: PAGE_READY_TIMEOUT_MS });
      const setup = await page.evaluate(
        ([name, url, w, h]) => (Reflect.get(window, name) as ClipgenApi).setup(url, w, h),
        [CLIPGEN_GLOBAL, PHOTO_ROUTE, CLIP_WIDTH, CLIP_HEIGHT] as const,
      );
      return new ClipBrowser(server, browser, page, setup);
    } catch (error) {
      await browser?.close();
      await server.close();
      throw error;
    }
  }

  /** I420 frames of the poses, one after the other (batches save round trips to the page). */
  async renderI420(poses: readonly FramePose[]): Promise<Uint8Array> {
    const b64 = await this.page.evaluate(([name, p]) => (Reflect.get(window, name) as ClipgenApi).renderI420(p), [CLIPGEN_GLOBAL, poses] as const);
    return new Uint8Array(Buffer.from(b64, 'base64'));
  }

  async renderPng(angles: FramePose): Promise<Buffer> {
    const url = await this.page.evaluate(([name, a]) => (Reflect.get(window, name) as ClipgenApi).renderPng(a), [CLIPGEN_GLOBAL, angles] as const);
    return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  }

  measure(angles: FramePose, options: { withPose?: boolean; frames?: number; fresh?: boolean } = {}): Promise<ClipgenMeasurement> {
    return this.page.evaluate(
      ([name, a, p, n, f]) => (Reflect.get(window, name) as ClipgenApi).measure(a, p, n, f),
      [CLIPGEN_GLOBAL, angles, options.withPose ?? false, options.frames ?? 1, options.fresh ?? false] as const,
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

