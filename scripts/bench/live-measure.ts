import type { Page } from '@playwright/test';

/** Installed before the live page's own scripts: collects its frame events and long tasks. */
export const LIVE_COLLECTOR_SCRIPT = `
(() => {
  const perf = { longTasks: [], frames: [], errors: 0 };
  Object.defineProperty(window, '__atlasPerf', { value: perf });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('atlas-live-frame', (event) => {
    const d = event.detail;
    perf.frames.push({ at: performance.now(), latencyMs: d.latencyMs, delivered: d.stats.deliveredFrames, analysed: d.stats.analysedFrames,
      faces: d.observation.faces.length, poses: d.observation.poses.length });
  });
  window.addEventListener('error', () => { perf.errors += 1; });
})();
`;

interface FrameEvent {
  readonly at: number;
  readonly latencyMs: number;
  readonly delivered: number;
  readonly analysed: number;
  readonly faces: number;
  readonly poses: number;
}

interface Collected {
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
  readonly frames: readonly FrameEvent[];
  readonly errors: number;
}

export interface LiveMeasurement {
  readonly windowMs: number;
  readonly deliveredFps: number;
  readonly analysedFps: number;
  /** Frames analysed / frames the camera delivered, over the window. */
  readonly ratio: number;
  readonly deliveredFrames: number;
  readonly analysedFrames: number;
  readonly p50LatencyMs: number;
  readonly p95LatencyMs: number;
  /** Long tasks (> 50 ms, the longtask API's threshold) on the main thread during the window. */
  readonly longTasksOver50ms: number;
  readonly longestTaskMs: number;
  /** Long tasks from navigation to the end (model loading included), for information. */
  readonly longTasksSinceLoad: number;
  /** Navigation → first analysed frame, ms. */
  readonly firstResultMs: number;
  readonly faceFraction: number;
  readonly poseFraction: number;
  readonly pageErrors: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

async function collected(page: Page): Promise<Collected> {
  return page.evaluate(() => {
    const perf = Reflect.get(window, '__atlasPerf') as Collected;
    return { longTasks: [...perf.longTasks], frames: [...perf.frames], errors: perf.errors };
  });
}

/**
 * Opens the live page (its camera is Chromium's fake one), waits for results and `warmUpMs`, then
 * measures over `windowMs`: delivered vs analysed frames (the pipeline's own counters),
 * capture → result latency, long tasks.
 */
export async function measureLivePage(page: Page, url: string, warmUpMs: number, windowMs: number): Promise<LiveMeasurement> {
  return measureAfter(page, () => page.goto(url), warmUpMs, windowMs);
}

/**
 * As measureLivePage, for a page that `reach` brings into a running camera (e.g. the clicks from
 * the start screen into a guided session's exercise screen): the collector is installed first.
 */
export async function measureAfter(page: Page, reach: () => Promise<unknown>, warmUpMs: number, windowMs: number): Promise<LiveMeasurement> {
  let pageErrors = 0;
  page.on('pageerror', () => (pageErrors += 1));
  await page.addInitScript(LIVE_COLLECTOR_SCRIPT);
  await reach();
  await page.waitForFunction(() => ((Reflect.get(window, '__atlasPerf') as Collected | undefined)?.frames.length ?? 0) > 0, undefined, { timeout: 120_000 });
  const firstResultMs = (await collected(page)).frames[0]?.at ?? Number.NaN;
  await page.waitForTimeout(warmUpMs);
  const startAt = await page.evaluate(() => performance.now());
  await page.waitForTimeout(windowMs);
  const endAt = await page.evaluate(() => performance.now());
  const data = await collected(page);
  const inWindow = data.frames.filter((f) => f.at >= startAt && f.at <= endAt);
  const first = inWindow[0];
  const last = inWindow[inWindow.length - 1];
  if (!first || !last || first === last) throw new Error(`the live page gave ${inWindow.length} results in ${windowMs} ms`);
  const spanS = (last.at - first.at) / 1000;
  const delivered = last.delivered - first.delivered;
  const analysed = last.analysed - first.analysed;
  const tasks = data.longTasks.filter((t) => t.start >= startAt && t.start <= endAt);
  return {
    windowMs: last.at - first.at,
    deliveredFps: delivered / spanS,
    analysedFps: analysed / spanS,
    ratio: delivered > 0 ? analysed / delivered : 0,
    deliveredFrames: delivered,
    analysedFrames: analysed,
    p50LatencyMs: quantile(inWindow.map((f) => f.latencyMs), 0.5),
    p95LatencyMs: quantile(inWindow.map((f) => f.latencyMs), 0.95),
    longTasksOver50ms: tasks.filter((t) => t.duration > 50).length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasksSinceLoad: data.longTasks.filter((t) => t.duration > 50).length,
    firstResultMs,
    faceFraction: inWindow.filter((f) => f.faces > 0).length / inWindow.length,
    poseFraction: inWindow.filter((f) => f.poses > 0).length / inWindow.length,
    pageErrors: pageErrors + data.errors,
  };
}
