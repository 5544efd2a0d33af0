import { createReadStream, statSync } from 'node:fs';
import type { Plugin } from 'vite';

/** URL prefix under which the analyzer's input files are served to its page (same origin). */
export const SERVED_FILES_PREFIX = '/__analyze/file/';

export function servedFileUrl(index: number): string {
  return `${SERVED_FILES_PREFIX}${index}`;
}

/** Inclusive byte range of a single-range `Range: bytes=…` header; 'unsatisfiable' → 416. */
export type ByteRange = { readonly start: number; readonly end: number };

export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null; // multiple or odd ranges: answer with the whole file
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last); // the last N bytes
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Serves the command line's files, by index only (no path ever comes from the page), with range
 * requests so that the page reads a large video slice by slice straight from disk. `files` is
 * read at each request: the CLI may point an index at a re-encoded copy.
 */
export function servedFilesPlugin(files: readonly string[]): Plugin {
  return {
    name: 'atlas-analyze-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith(SERVED_FILES_PREFIX)) {
          next();
          return;
        }
        const file = files[Number(url.slice(SERVED_FILES_PREFIX.length))];
        let size: number;
        try {
          if (file === undefined) throw new Error('no such file');
          size = statSync(file).size;
        } catch {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Accept-Ranges', 'bytes');
        const range = parseByteRange(req.headers.range, size);
        if (range === 'unsatisfiable') {
          res.statusCode = 416;
          res.setHeader('Content-Range', `bytes */${size}`);
          res.end();
          return;
        }
        if (range) {
          res.statusCode = 206;
          res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
          res.setHeader('Content-Length', String(range.end - range.start + 1));
        } else {
          res.setHeader('Content-Length', String(size));
        }
        createReadStream(file, range ? { start: range.start, end: range.end } : {})
          .on('error', () => res.destroy())
          .pipe(res);
      });
    },
  };
}
