import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type PluginOption, type ViteDevServer } from 'vite';
import { chromiumExecutable } from '../../playwright.config';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServedPageOptions {
  /** Names the server in errors ("the analysis server has no port"). */
  readonly name: string;
  /** The page Vite pre-bundles dependencies for, e.g. `analyze.html`. */
  readonly entry: string;
  /** Own dependency cache under node_modules: other dev servers on this tree must not invalidate it mid-run. */
  readonly cacheDir: string;
  readonly chromiumArgs: readonly string[];
  readonly plugins?: PluginOption[];
}

export interface ServedPage {
  readonly server: ViteDevServer;
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>` of the server. */
  readonly origin: string;
}

/**
 * A private Vite dev server for a page of the repository on a free local port, and a headless
 * Chromium to open it. No file watching, no HMR: edits elsewhere in the tree must never reload the
 * page mid-run. On failure both are closed again.
 */
export async function servePageInChromium(options: ServedPageOptions): Promise<ServedPage> {
  const server = await createServer({
    root: REPO_ROOT,
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    cacheDir: path.join(REPO_ROOT, 'node_modules', options.cacheDir),
    logLevel: 'error',
    clearScreen: false,
    plugins: options.plugins ?? [],
    optimizeDeps: { entries: [options.entry] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error(`the ${options.name} server has no port`);
    const executablePath = chromiumExecutable();
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...options.chromiumArgs], headless: true });
    return { server, browser, origin: `http://127.0.0.1:${address.port}` };
  } catch (error) {
    await server.close();
    throw error;
  }
}
