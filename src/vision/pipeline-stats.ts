/** Throughput and latency of the live pipeline, from event times given by the caller (ms). */
export interface PipelineStatsSnapshot {
  /** Frames the source delivered per second over the recent window. */
  readonly deliveredFps: number;
  /** Frames analysed (both landmarkers done) per second over the recent window. */
  readonly analysedFps: number;
  readonly deliveredFrames: number;
  readonly analysedFrames: number;
  /** Frames dropped because a landmarker was still busy (not queued: the camera moves on). */
  readonly droppedFrames: number;
  /** Capture → result of the latest analysed frame, ms (null before the first one). */
  readonly lastLatencyMs: number | null;
  /** 95th percentile of capture → result over the recent results, ms (null before the first one). */
  readonly p95LatencyMs: number | null;
}

/** Rates are counted over this trailing window. */
export const STATS_WINDOW_MS = 2000;
/** Latency percentiles use this many recent results. */
export const LATENCY_SAMPLES = 120;

export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/** Events per second in the trailing window ending at nowMs (needs two events to measure a rate). */
function rate(times: readonly number[], nowMs: number): number {
  const recent = times.filter((t) => t > nowMs - STATS_WINDOW_MS && t <= nowMs);
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (recent.length < 2 || first === undefined || last === undefined || last <= first) return 0;
  return ((recent.length - 1) * 1000) / (last - first);
}

export class PipelineStats {
  private readonly deliveredAt: number[] = [];
  private readonly analysedAt: number[] = [];
  private readonly latencies: number[] = [];
  private delivered = 0;
  private analysed = 0;
  private dropped = 0;
  private lastLatency: number | null = null;

  frameDelivered(nowMs: number): void {
    this.delivered += 1;
    pushWindowed(this.deliveredAt, nowMs);
  }

  frameDropped(): void {
    this.dropped += 1;
  }

  frameAnalysed(nowMs: number, latencyMs: number): void {
    this.analysed += 1;
    pushWindowed(this.analysedAt, nowMs);
    this.lastLatency = latencyMs;
    this.latencies.push(latencyMs);
    if (this.latencies.length > LATENCY_SAMPLES) this.latencies.shift();
  }

  snapshot(nowMs: number): PipelineStatsSnapshot {
    return {
      deliveredFps: rate(this.deliveredAt, nowMs),
      analysedFps: rate(this.analysedAt, nowMs),
      deliveredFrames: this.delivered,
      analysedFrames: this.analysed,
      droppedFrames: this.dropped,
      lastLatencyMs: this.lastLatency,
      p95LatencyMs: percentile(this.latencies, 0.95),
    };
  }
}

function pushWindowed(times: number[], nowMs: number): void {
  times.push(nowMs);
  while (times.length > 0 && (times[0] ?? nowMs) <= nowMs - STATS_WINDOW_MS) times.shift();
}
