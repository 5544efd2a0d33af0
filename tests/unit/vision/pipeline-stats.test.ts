import { describe, expect, it } from 'vitest';
import { LATENCY_SAMPLES, PipelineStats, STATS_WINDOW_MS, percentile } from '../../../src/vision/pipeline-stats';

/** Rates are compared to this many decimals (fps). */
const FPS_DIGITS = 1;

describe('percentile', () => {
  it('is null for no values and picks the nearest rank otherwise', () => {
    expect(percentile([], 0.95)).toBeNull();
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile([7], 0.95)).toBe(7);
  });
});

describe('PipelineStats', () => {
  it('measures the delivered and analysed rates over the recent window', () => {
    const stats = new PipelineStats();
    const framePeriodMs = 1000 / 30;
    let now = 0;
    for (let i = 0; i < 90; i += 1) {
      now = i * framePeriodMs;
      stats.frameDelivered(now);
      if (i % 3 === 0) stats.frameAnalysed(now, 40);
      else stats.frameDropped();
    }
    const snapshot = stats.snapshot(now);
    expect(snapshot.deliveredFps).toBeCloseTo(30, FPS_DIGITS);
    expect(snapshot.analysedFps).toBeCloseTo(10, FPS_DIGITS);
    expect(snapshot.deliveredFrames).toBe(90);
    expect(snapshot.analysedFrames).toBe(30);
    expect(snapshot.droppedFrames).toBe(60);
    expect(snapshot.lastLatencyMs).toBe(40);
  });

  it('reports 0 fps once nothing arrived within the window', () => {
    const stats = new PipelineStats();
    stats.frameDelivered(0);
    stats.frameDelivered(33);
    expect(stats.snapshot(33).deliveredFps).toBeGreaterThan(0);
    expect(stats.snapshot(33 + STATS_WINDOW_MS + 1).deliveredFps).toBe(0);
  });

  it('takes the 95th percentile latency over the most recent results only', () => {
    const stats = new PipelineStats();
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) stats.frameAnalysed(i, 1000);
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) stats.frameAnalysed(LATENCY_SAMPLES + i, 50);
    expect(stats.snapshot(2 * LATENCY_SAMPLES).p95LatencyMs).toBe(50);
  });

  it('has no latency before the first result', () => {
    const snapshot = new PipelineStats().snapshot(0);
    expect(snapshot.lastLatencyMs).toBeNull();
    expect(snapshot.p95LatencyMs).toBeNull();
    expect(snapshot.analysedFps).toBe(0);
  });
});
