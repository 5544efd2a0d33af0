import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blobByteSource, httpRangeByteSource, totalFromContentRange } from '../../../../src/vision/recorded/byte-source';
import { parseByteRange } from '../../../../scripts/analyze/served-files';

/** A server like the analyzer's: answers ranges with 206 from `bytes`, or ignores them. */
function fakeFetch(bytes: Uint8Array, honoursRanges = true): typeof fetch {
  return (_input, init) => {
    const header = new Headers(init?.headers).get('Range') ?? undefined;
    const range = honoursRanges ? parseByteRange(header, bytes.length) : null;
    if (range === 'unsatisfiable') return Promise.resolve(new Response(null, { status: 416 }));
    if (range === null) return Promise.resolve(new Response(bytes.slice(), { status: 200 }));
    return Promise.resolve(
      new Response(bytes.slice(range.start, range.end + 1), {
        status: 206,
        headers: { 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}` },
      }),
    );
  };
}

describe('totalFromContentRange', () => {
  it('takes the total after the slash', () => {
    expect(totalFromContentRange('bytes 0-0/12345')).toBe(12345);
    expect(totalFromContentRange('bytes */0')).toBe(0);
    expect(totalFromContentRange(null)).toBeNull();
    expect(totalFromContentRange('bytes 0-0/*')).toBeNull();
  });
});

describe('httpRangeByteSource', () => {
  it('reads any slice exactly as the blob gives it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(400), fc.nat(400), async (bytes, a, b) => {
        const http = await httpRangeByteSource('/f', fakeFetch(bytes));
        const blob = blobByteSource(new Blob([bytes]));
        expect(http.size).toBe(bytes.length);
        const [start, end] = [Math.min(a, b), Math.max(a, b)];
        expect(new Uint8Array(await http.read(start, end))).toEqual(new Uint8Array(await blob.read(start, end)));
      }),
    );
  });

  it('an empty file has size 0', async () => {
    expect((await httpRangeByteSource('/f', fakeFetch(new Uint8Array()))).size).toBe(0);
  });

  it('refuses a server that ignores ranges (it would send the whole file each time)', async () => {
    await expect(httpRangeByteSource('/f', fakeFetch(new Uint8Array(10), false))).rejects.toThrow(/ignores range requests/);
  });
});
