import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Installed before the live page's scripts: bounded counters only (a 30-minute run must not grow them). */
export const SOAK_COLLECTOR_SCRIPT = `
(() => {
  const soak = { frames: 0, delivered: 0, analysed: 0, dropped: 0, lastLatencyMs: 0, errors: 0 };
  Object.defineProperty(window, '__atlasSoak', { value: soak });
  document.addEventListener('atlas-live-frame', (event) => {
    const s = event.detail.stats;
    soak.frames += 1; soak.delivered = s.deliveredFrames; soak.analysed = s.analysedFrames; soak.dropped = s.droppedFrames;
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
    const soak = Reflect.get(window, '__atlasSoak') as { analysed: number; delivered: number; errors: number };
    // The live view sits in the app's shadow root; its <video> in its own.
    const view = document.querySelector('atlas-app')?.shadowRoot?.querySelector('atlas-live-view') ?? document.querySelector('atlas-live-view');
    const video = view?.shadowRoot?.querySelector('video');
    const stream = video?.srcObject;
    const liveTracks = stream instanceof MediaStream ? stream.getTracks().filter((t) => t.readyState === 'live').length : 0;
    return { analysed: soak.analysed, delivered: soak.delivered, errors: soak.errors, liveTracks };
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
  };
}
