import type { CameraSide } from '../../src/core/protocol/camera-side';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import {
  ANALYZER_GLOBAL,
  BACKEND_PARAM,
  POSE_MODEL_PARAM,
  type AnalyzerNextResult,
  type AnalyzerOpenResult,
  type AnalyzerSetup,
} from '../../tools/analyze/analyzer-protocol';
import { QUIET_CHROMIUM_ARGS } from '../../playwright.config';
import { servePageInChromium } from '../../tools/node/launch-chromium';
import type { AnalyzeBackend, AnalyzePoseModel } from './analyze-args';
import { servedFilesPlugin, servedFileUrl } from './served-files';

/** Which landmarkers the page runs. */
export interface AnalyzerModels {
  readonly backend: AnalyzeBackend;
  /** MediaPipe only. */
  readonly poseModel: AnalyzePoseModel;
}

/** Loading the wasm and two models on 2 shared cores can take a while. */
const PAGE_READY_TIMEOUT_MS = 120_000;

/** The analyze page in headless Chromium, served by Vite from the repository (own origin only). */
export class BrowserAnalyzer {
  readonly setup: AnalyzerSetup;
  /** Requests the page tried to send to another origin (must stay empty). */
  readonly foreignRequests: string[];
  private readonly server: ViteDevServer;
  private readonly browser: Browser;
  private readonly page: Page;

  private constructor(server: ViteDevServer, browser: Browser, page: Page, setup: AnalyzerSetup, foreign: string[]) {
    this.server = server;
    this.browser = browser;
    this.page = page;
    this.setup = setup;
    this.foreignRequests = foreign;
  }

  static async start(files: readonly string[], models: AnalyzerModels = { backend: 'mediapipe', poseModel: 'full' }): Promise<BrowserAnalyzer> {
    const { server, browser, origin } = await servePageInChromium({
      name: 'analysis',
      entry: 'analyze.html',
      // One dependency cache per backend: eval:clips runs both backends at once, and two dev
      // servers must not optimise into one cache from cold.
      cacheDir: `.vite-analyze-${models.backend}`,
      chromiumArgs: QUIET_CHROMIUM_ARGS,
      plugins: [servedFilesPlugin(files)],
    });
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
        if (process.env.ANALYZE_DEBUG) process.stderr.write(`analyze page: ${message.text()}\n`);
      });
      const foreign: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) {
          void route.continue();
        } else {
          foreign.push(url);
          void route.abort();
        }
      });
      await page.goto(`${origin}/analyze.html?${BACKEND_PARAM}=${models.backend}&${POSE_MODEL_PARAM}=${models.poseModel}`);
      let setup: AnalyzerSetup;
      try {
        await page.waitForFunction((name) => name in window, ANALYZER_GLOBAL, { timeout: PAGE_READY_TIMEOUT_MS });
        setup = await page.evaluate((name) => {
          const analyzer = (window as unknown as Record<string, { ready: Promise<AnalyzerSetup> }>)[name];
          if (!analyzer) throw new Error('analyzer missing');
          return analyzer.ready;
        }, ANALYZER_GLOBAL);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(pageErrors.length > 0 ? `${reason}; the page said: ${pageErrors.join(' | ')}` : reason);
      }
      return new BrowserAnalyzer(server, browser, page, setup, foreign);
    } catch (error) {
      await browser.close();
      await server.close();
      throw error;
    }
  }

  /** `headUp`: the frames turned head-up for a floor camera on that side (HeadUpSource), null as they are. */
  open(fileIndex: number, headUp: CameraSide | null = null): Promise<AnalyzerOpenResult> {
    return this.page.evaluate(
      ([name, url, side]) => {
        const analyzer = (window as unknown as Record<string, { open(u: string, s: CameraSide | null): Promise<AnalyzerOpenResult> }>)[name];
        if (!analyzer) throw new Error('analyzer missing');
        return analyzer.open(url, side);
      },
      [ANALYZER_GLOBAL, servedFileUrl(fileIndex), headUp] as const,
    );
  }

  next(): Promise<AnalyzerNextResult> {
    return this.page.evaluate((name) => {
      const analyzer = (window as unknown as Record<string, { next(): Promise<AnalyzerNextResult> }>)[name];
      if (!analyzer) throw new Error('analyzer missing');
      return analyzer.next();
    }, ANALYZER_GLOBAL);
  }

  async closeFile(): Promise<void> {
    await this.page.evaluate((name) => {
      (window as unknown as Record<string, { closeFile(): void }>)[name]?.closeFile();
    }, ANALYZER_GLOBAL);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.close().catch(() => undefined);
  }
}
