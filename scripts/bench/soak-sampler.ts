import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Installed before the live page's scripts: bounded counters only (a 30-minute run must not grow them). */
export const SOAK_COLLECTOR_SCRIPT = `
(() => {
  // Totals over every pipeline of the run (a new session starts a new pipeline whose counts start at 0).
  const soak = { frames: 0, delivered: 0, analysed: 0, dropped: 0, lastLatencyMs: 0, errors: 0, pipelines: 0 };
  const done = { delivered: 0, analysed: 0, dropped: 0 };
  let current = { delivered: 0, analysed: 0, dropped: 0 };
  Object.defineProperty(window, '__atlasSoak', { value: soak });
  document.addEventListener('atlas-live-frame', (event) => {
    const s = event.detail.stats;
    if (soak.frames === 0 || s.deliveredFrames < current.delivered) {
      done.delivered += current.delivered; done.analysed += current.analysed; done.dropped += current.dropped;
      soak.pipelines += 1;
    }
    current = { delivered: s.deliveredFrames, analysed: s.analysedFrames, dropped: s.droppedFrames };
    soak.frames += 1;
    soak.delivered = done.delivered + current.delivered; soak.analysed = done.analysed + current.analysed; soak.dropped = done.dropped + current.dropped;
    soak.lastLatencyMs = event.detail.latencyMs;
  });
  window.addEventListener('error', () => { soak.errors += 1; });
  window.addEventListener('unhandledrejection', () => { soak.errors += 1; });
})();
`;

export interface SoakSample {
  readonly elapsedS: number;
  /** Page's JS heap after a forced GC (CDP Runtime.getHeapUsage), MB. */
  readonly heapUsedMB: number;
  /** Sum of the renderer processes' resident memory (workers and their wasm included), MB; null if not readable. */
  readonly rendererRssMB: number | null;
  readonly analysedFrames: number;
  readonly deliveredFrames: number;
  readonly errors: number;
  /** Live camera tracks held by the page (1 while running; more would be a leak). */
  readonly liveTracks: number;
  readonly workers: number;
  /** Pipelines started so far (each session start is one). */
  readonly pipelines: number;
}

const MB = 1024 * 1024;

/** Renderer process ids, from the browser's own CDP (SystemInfo.getProcessInfo). */
async function rendererPids(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach();
  }
}

function rssMB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function sample(browser: Browser, page: Page, cdp: CDPSession, startedAt: number, pageErrors: number): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = await page.evaluate(() => {
    const soak = Reflect.get(window, '__atlasSoak') as { analysed: number; delivered: number; errors: number; pipelines: number };
    // Live views sit in shadow roots (the app's, the session view's); each <video> in its own.
    // A loop, not a named helper: tsx would wrap a helper in __name(), which the page lacks.
    const views: Element[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root !== undefined; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.localName === 'atlas-live-view') views.push(element);
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    const liveTracks = views
      .map((view) => view.shadowRoot?.querySelector('video')?.srcObject)
      .reduce((sum, stream) => sum + (stream instanceof MediaStream ? stream.getTracks().filter((t) => t.readyState === 'live').length : 0), 0);
    return { analysed: soak.analysed, delivered: soak.delivered, errors: soak.errors, pipelines: soak.pipelines, liveTracks };
  });
  const rss = (await rendererPids(browser)).map(rssMB);
  return {
    elapsedS: (Date.now() - startedAt) / 1000,
    heapUsedMB: heap.usedSize / MB,
    rendererRssMB: rss.every((r) => r !== null) && rss.length > 0 ? rss.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
    analysedFrames: counters.analysed,
    deliveredFrames: counters.delivered,
    errors: counters.errors + pageErrors,
    liveTracks: counters.liveTracks,
    workers: page.workers().length,
    pipelines: counters.pipelines,
  };
}
