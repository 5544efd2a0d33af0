import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { framePage, pageFrame } from '../../../build/page-frame';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The app's and the tools' pages, each with its own policy; the e2e harness page has none. */
const PAGES_WITH_CSP = ['index.html', 'analyze.html', 'bench.html', 'clipgen.html'];
const PAGES = [...PAGES_WITH_CSP, 'tests/e2e/harness/models.html'];
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

async function framed(page: string): Promise<string> {
  return server.transformIndexHtml(`/${page}`, readFileSync(path.join(ROOT, page), 'utf8'));
}

it.each(PAGES_WITH_CSP)('%s keeps its own Content-Security-Policy, in its head', async (page) => {
  const ownCsp = CSP_META.exec(readFileSync(path.join(ROOT, page), 'utf8'))?.[0] ?? 'no CSP meta in the page';
  const html = await framed(page);
  expect(html.slice(html.indexOf('<head>'), html.indexOf('</head>'))).toContain(ownCsp);
});

it.each(PAGES)('%s becomes a whole document with the shared head, the charset first', async (page) => {
  const html = await framed(page);
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  expect(head.indexOf('<meta charset="utf-8"')).toBe(head.indexOf('<meta'));
  expect(head).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(head).toContain('<link rel="icon" href="data:,">');
});

it('refuses a page that writes its own doctype (it would be framed twice)', () => {
  expect(() => framePage('<!doctype html>\n<html lang="en"><head></head></html>', 'new.html')).toThrow(/page-frame/);
});
