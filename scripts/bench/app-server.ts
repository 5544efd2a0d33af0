import path from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the app (all pages) with the repo's vite.config.ts into `outDir` (a private folder, so that
 * a build running elsewhere in the tree cannot swap files under the benchmark).
 */
export async function buildApp(root: string, outDir: string): Promise<void> {
  await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Serves `outDir` like `vite preview` (same origin for /models/, /wasm/, /tfjs-*). */
export async function serveBuiltApp(root: string, outDir: string, port: number): Promise<AppServer> {
  const server: PreviewServer = await preview({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { port, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview gave no local URL');
  return {
    url: url.endsWith('/') ? url : `${url}/`,
    close: () => server.close(),
  };
}
