import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framePage, pageFrame } from '../../../build/page-frame';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PAGES = ['index.html', 'analyze.html', 'bench.html', 'clipgen.html'];
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]+" \/>/;

/** Vite's own HTML pipeline (as in dev and build), with only this plugin. */
let server: ViteDevServer;
beforeAll(async () => {
  server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    plugins: [pageFrame()],
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, watch: null },
  });
});
afterAll(() => server.close());

describe.each(PAGES)('%s framed', (page) => {
  const source = readFileSync(path.join(ROOT, page), 'utf8');
  const ownCsp = CSP_META.exec(source)?.[0];

  it('keeps its own Content-Security-Policy', () => {
    expect(ownCsp).toBeDefined();
  });

  it('becomes a whole document with the shared head, the charset first', async () => {
    const html = await server.transformIndexHtml(`/${page}`, source);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    expect(head.indexOf('<meta charset="utf-8"')).toBe(head.indexOf('<meta'));
    expect(head.indexOf('<meta charset="utf-8"')).toBeLessThan(head.indexOf(ownCsp ?? '?'));
    expect(head).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(head).toContain('<link rel="icon" href="data:,">');
  });
});

it('refuses a page that writes its own doctype (it would be framed twice)', () => {
  expect(() => framePage('<!doctype html>\n<html lang="en"><head></head></html>', 'new.html')).toThrow(/page-frame/);
});
