import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import type { ViteDevServer } from 'vite';
import { CLIPGEN_GLOBAL, type ClipgenApi, type ClipgenMeasurement, type ClipgenSetup, type FramePose, type ScanSetup } from '../clipgen-api';
import type { Position } from '../core/lying-rig';
import type { ScanCamera } from '../core/scan-rig';
import { CLIP_HEIGHT, CLIP_WIDTH, type ScanLighting } from '../core/trajectory';
import { SCAN_FILES } from '../scan-scene-files';
import { servePageInChromium } from '../../node/launch-chromium';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The public-domain official portrait among the shared test photos (read in place, never copied). */
export const DEFAULT_PHOTO = path.resolve(REPO_ROOT, '../shared/fixtures/images/face-landmarks-detection__portrait.jpg');
/**
 * "Infinite 3D Head Scan by Lee Perry-Smith / Infinite-Realities, CC BY 3.0, via three.js
 * examples": read in place (CLIPGEN_SCAN_DIR to change it), never copied into the repo.
 */
export const DEFAULT_SCAN_DIR = process.env.CLIPGEN_SCAN_DIR ?? path.resolve(REPO_ROOT, '../shared/assets/head-scan');

/** What the page renders: the photo-based head of a photo, or the scanned bust of a folder. */
export type SubjectSource = { readonly kind: 'photo'; readonly path: string } | { readonly kind: 'scan'; readonly dir: string };

/** The scan's files (mesh and textures) in a folder; a missing one is named. */
export function scanFilePaths(dir: string): string[] {
  return Object.values(SCAN_FILES).map((file) => path.join(dir, file));
}

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
const SCAN_ROUTE = '/__clipgen/scan/';
const IMAGE_ROUTE = '/__clipgen/image/';
const CONTENT_TYPES: Readonly<Record<string, string>> = { '.glb': 'model/gltf-binary', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };
const PAGE_READY_TIMEOUT_MS = 120_000;

/** clipgen.html in headless Chromium, served by a private Vite dev server; the photo or scan via a route. */
export class ClipBrowser {
  /** The photo head's setup; null for the scan. */
  readonly setup: ClipgenSetup | null;
  readonly scanSetup: ScanSetup | null;
  private readonly server: ViteDevServer;
  private readonly browser: Browser;
  private readonly page: Page;
  private readonly served: Map<string, { body: Buffer; contentType: string }>;

  private constructor(
    server: ViteDevServer,
    browser: Browser,
    page: Page,
    served: { origin: string; files: Map<string, { body: Buffer; contentType: string }> },
    setup: ClipgenSetup | null,
    scanSetup: ScanSetup | null,
  ) {
    this.served = served.files;
    this.server = server;
    this.browser = browser;
    this.page = page;
    this.setup = setup;
    this.scanSetup = scanSetup;
  }

  static start(photoPath: string = DEFAULT_PHOTO): Promise<ClipBrowser> {
    return ClipBrowser.startWith({ kind: 'photo', path: photoPath });
  }

  static startScan(dir: string = DEFAULT_SCAN_DIR): Promise<ClipBrowser> {
    return ClipBrowser.startWith({ kind: 'scan', dir });
  }

  static async startWith(subject: SubjectSource): Promise<ClipBrowser> {
    const needed = subject.kind === 'photo' ? [subject.path] : scanFilePaths(subject.dir);
    const missing = needed.find((file) => !existsSync(file));
    if (missing !== undefined) throw new Error(`not found: ${missing} (the shared fixtures/assets are needed)`);
    const served = new Map<string, { body: Buffer; contentType: string }>();
    if (subject.kind === 'photo') served.set(PHOTO_ROUTE, { body: readFileSync(subject.path), contentType: 'image/jpeg' });
    else {
      for (const file of needed) served.set(`${SCAN_ROUTE}${path.basename(file)}`, { body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    }
    const { server, browser, origin } = await servePageInChromium({
      name: 'clipgen',
      entry: 'clipgen.html',
      cacheDir: '.vite-clipgen',
      chromiumArgs: QUIET_CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => {
        const url = route.request().url();
        const file = url.startsWith(origin) ? served.get(url.slice(origin.length)) : undefined;
        if (file !== undefined) void route.fulfill({ body: file.body, contentType: file.contentType });
        else if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) void route.continue();
        else void route.abort();
      });
      page.on('pageerror', (error) => process.stderr.write(`clipgen page: ${error.message}\n`));
      await page.goto(`${origin}/clipgen.html`);
      await page.waitForFunction((name) => name in window, CLIPGEN_GLOBAL, { timeout: PAGE_READY_TIMEOUT_MS });
      if (subject.kind === 'photo') {
        const setup = await page.evaluate(
          ([name, url, w, h]) => (Reflect.get(window, name) as ClipgenApi).setup(url, w, h),
          [CLIPGEN_GLOBAL, PHOTO_ROUTE, CLIP_WIDTH, CLIP_HEIGHT] as const,
        );
        return new ClipBrowser(server, browser, page, { origin, files: served }, setup, null);
      }
      const scanSetup = await page.evaluate(
        ([name, url, w, h]) => (Reflect.get(window, name) as ClipgenApi).setupScan(url, w, h),
        [CLIPGEN_GLOBAL, SCAN_ROUTE, CLIP_WIDTH, CLIP_HEIGHT] as const,
      );
      return new ClipBrowser(server, browser, page, { origin, files: served }, null, scanSetup);
    } catch (error) {
      await browser.close();
      await server.close();
      throw error;
    }
  }

  /** Scan only: camera, lighting and the body's position of the frames that follow. */
  async setScanView(camera: ScanCamera, lighting: ScanLighting, position: Position = 'upright'): Promise<void> {
    await this.page.evaluate(([name, c, l, p]) => (Reflect.get(window, name) as ClipgenApi).setScanView(c, l, p), [CLIPGEN_GLOBAL, camera, lighting, position] as const);
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

  /** Reads a still image (a real photo, read in place) with fresh landmarkers, as measure() reads a render. */
  measureImage(file: string, options: { withPose?: boolean } = {}): Promise<ClipgenMeasurement> {
    const route = `${IMAGE_ROUTE}${this.served.size}/${path.basename(file)}`;
    this.served.set(route, { body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'image/jpeg' });
    return this.page.evaluate(([name, url, p]) => (Reflect.get(window, name) as ClipgenApi).measureImage(url, p), [CLIPGEN_GLOBAL, route, options.withPose ?? false] as const);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}

