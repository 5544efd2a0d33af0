import { createReadStream, statSync } from 'node:fs';
import type { Plugin } from 'vite';

/** URL prefix under which the analyzer's input files are served to its page (same origin). */
export const SERVED_FILES_PREFIX = '/__analyze/file/';

export function servedFileUrl(index: number): string {
  return `${SERVED_FILES_PREFIX}${index}`;
}

/**
 * Serves the command line's files, by index only (no path ever comes from the page), streamed so
 * a large video is never read whole into Node's memory.
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
        res.setHeader('Content-Length', String(size));
        res.setHeader('Cache-Control', 'no-store');
        createReadStream(file)
          .on('error', () => res.destroy())
          .pipe(res);
      });
    },
  };
}
