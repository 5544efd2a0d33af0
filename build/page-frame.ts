import type { HtmlTagDescriptor, IndexHtmlTransformResult, Plugin } from 'vite';

/**
 * What every page (index.html and the tool pages) shares, written once: the document around the
 * page file (doctype, <html lang>) and the head tags that do not depend on the page. A page file
 * holds only its own <head> and <body>; its Content-Security-Policy stays there, in plain sight,
 * because what each page may load differs.
 */
export const SHARED_HEAD_TAGS: readonly HtmlTagDescriptor[] = [
  { tag: 'meta', attrs: { charset: 'utf-8' }, injectTo: 'head-prepend' },
  { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' }, injectTo: 'head' },
  // No favicon request (nothing to fetch, no CSP report for it).
  { tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head' },
];

export function framePage(page: string, file: string): IndexHtmlTransformResult {
  if (/<!doctype|<html[\s>]/i.test(page)) {
    throw new Error(`${file}: a page holds only its <head> and <body>; the doctype and <html> come from build/page-frame.ts`);
  }
  return { html: `<!doctype html>\n<html lang="en">\n${page.trim()}\n</html>\n`, tags: [...SHARED_HEAD_TAGS] };
}

export function pageFrame(): Plugin {
  return {
    name: 'atlas-page-frame',
    // 'pre': the page is a whole document before Vite and the PWA plugin read it.
    transformIndexHtml: { order: 'pre', handler: (html, context) => framePage(html, context.filename) },
  };
}
