import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadProgressTally, readBodyWithProgress, type FileProgress } from '../../../src/vision/load-progress';

function streamed(chunks: readonly Uint8Array[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers });
}

describe('readBodyWithProgress', () => {
  it('returns every byte in order and reports rising progress ending at the whole size', async () => {
    const chunks = Array.from({ length: 12 }, (_, i) => new Uint8Array(100_000).fill(i));
    const reports: FileProgress[] = [];
    const bytes = await readBodyWithProgress(streamed(chunks, { 'content-length': '1200000' }), '/models/x.task', (p) => reports.push(p));
    expect(bytes.byteLength).toBe(1_200_000);
    expect([bytes[0], bytes[100_000], bytes[1_199_999]]).toEqual([0, 1, 11]);
    expect(reports[0]).toEqual({ url: '/models/x.task', loadedBytes: 0, totalBytes: 1_200_000 });
    expect(reports[reports.length - 1]).toEqual({ url: '/models/x.task', loadedBytes: 1_200_000, totalBytes: 1_200_000 });
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.length).toBeLessThan(chunks.length + 2);
    for (let i = 1; i < reports.length; i += 1) expect(reports[i]!.loadedBytes).toBeGreaterThanOrEqual(reports[i - 1]!.loadedBytes);
  });

  it('without a usable Content-Length (compressed transfer), the size is known only at the end', async () => {
    const reports: FileProgress[] = [];
    await readBodyWithProgress(streamed([new Uint8Array(10)], { 'content-length': '4', 'content-encoding': 'gzip' }), 'u', (p) => reports.push(p));
    expect(reports[0]?.totalBytes).toBeNull();
    expect(reports[reports.length - 1]).toEqual({ url: 'u', loadedBytes: 10, totalBytes: 10 });
  });
});

describe('LoadProgressTally', () => {
  it('sums files, counts a file reported twice (two workers, one wasm) once, and is indeterminate while a size is unknown', () => {
    const tally = new LoadProgressTally();
    tally.add({ url: 'wasm', loadedBytes: 0, totalBytes: 1000 });
    tally.add({ url: 'face', loadedBytes: 200, totalBytes: 400 });
    expect(tally.add({ url: 'wasm', loadedBytes: 500, totalBytes: 1000 })).toEqual({ loadedBytes: 700, totalBytes: 1400, fraction: 0.5, files: 2 });
    expect(tally.add({ url: 'pose', loadedBytes: 10, totalBytes: null }).fraction).toBeNull();
  });

  it('never goes backwards and stays within 0…1 whatever the reports (property)', () => {
    const report = fc.record({
      url: fc.constantFrom('a', 'b', 'c'),
      loadedBytes: fc.oneof(fc.nat(10_000), fc.constantFrom(Number.NaN, -5, Number.POSITIVE_INFINITY)),
      totalBytes: fc.option(fc.oneof(fc.nat(10_000), fc.constantFrom(Number.NaN, 0, -1)), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (reports) => {
        const tally = new LoadProgressTally();
        let previous = 0;
        for (const r of reports) {
          const total = tally.add(r);
          expect(total.loadedBytes).toBeGreaterThanOrEqual(previous);
          previous = total.loadedBytes;
          if (total.fraction !== null) expect(total.fraction >= 0 && total.fraction <= 1).toBe(true);
        }
      }),
    );
  });
});
