/**
 * Random access to a file's bytes without holding it whole: a Blob/File (the app: a recording the
 * user picked) or a URL read with HTTP range requests (the headless analyzer: the file stays on
 * disk, served by the local server).
 */
export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end) clipped to the size; fewer only at the end of the file. */
  read(start: number, end: number): Promise<ArrayBuffer>;
}

export function blobByteSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: (start, end) => blob.slice(start, end).arrayBuffer(),
  };
}

/** `Content-Range: bytes 0-0/12345` → 12345. */
export function totalFromContentRange(header: string | null): number | null {
  const match = /\/(\d+)\s*$/.exec(header ?? '');
  return match ? Number(match[1]) : null;
}

export class ByteSourceError extends Error {
  override readonly name = 'ByteSourceError';
}

/** A same-origin URL whose server honours `Range` (answers 206). */
export async function httpRangeByteSource(url: string, fetchImpl: typeof fetch = fetch): Promise<ByteSource> {
  const probe = await fetchImpl(url, { headers: { Range: 'bytes=0-0' } });
  await probe.arrayBuffer();
  if (probe.status === 200) {
    throw new ByteSourceError(`the server of ${url} ignores range requests`);
  }
  if (!probe.ok) {
    // 416: an empty file has no byte 0.
    if (probe.status === 416) return { size: 0, read: () => Promise.resolve(new ArrayBuffer(0)) };
    throw new ByteSourceError(`HTTP ${probe.status} for ${url}`);
  }
  const size = totalFromContentRange(probe.headers.get('Content-Range'));
  if (size === null) throw new ByteSourceError(`no Content-Range total from ${url}`);
  return {
    size,
    async read(start, end) {
      const last = Math.min(end, size) - 1;
      if (last < start) return new ArrayBuffer(0);
      const response = await fetchImpl(url, { headers: { Range: `bytes=${start}-${last}` } });
      if (response.status !== 206) throw new ByteSourceError(`HTTP ${response.status} reading ${url}`);
      return response.arrayBuffer();
    },
  };
}
