import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/**
 * The JavaScript a first visit of `html` must load before anything is lazy: its module scripts and
 * modulepreloads (workers, wasm, models and dynamic imports are not counted). gzip level 9.
 */
export function initialJs(distDir: string, html = 'index.html'): InitialJs {
  const page = readFileSync(path.join(distDir, html), 'utf8');
  const refs = new Set<string>();
  for (const match of page.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) refs.add(match[1] as string);
  for (const match of page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(match[1] as string);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const ref of refs) {
    const bytes = readFileSync(path.join(distDir, ref.replace(/^\//, '')));
    rawBytes += bytes.byteLength;
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { files: [...refs], rawBytes, gzipBytes };
}
