/**
 * Download progress of the landmarkers' files (tasks-vision's wasm, the model bundles), so that a
 * first visit — about 20 MB over the user's connection — shows how far it has got. Later visits
 * read the same files from the cache in a blink.
 */

/** One file's progress: bytes so far, and the whole size when the server announced it. */
export interface FileProgress {
  /** The file's URL (a key: the same file reported twice is one file). */
  readonly url: string;
  readonly loadedBytes: number;
  readonly totalBytes: number | null;
}

export type OnFileProgress = (progress: FileProgress) => void;

/** All files together. `fraction` is null while any file's size is unknown. */
export interface LoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number | null;
  readonly fraction: number | null;
  readonly files: number;
}

/** Sums the latest report of each file; never goes backwards for a file. */
export class LoadProgressTally {
  private readonly byUrl = new Map<string, FileProgress>();

  /** Records a report and returns the total. */
  add(progress: FileProgress): LoadProgress {
    const before = this.byUrl.get(progress.url);
    const loadedBytes = Math.max(before?.loadedBytes ?? 0, finiteOrZero(progress.loadedBytes));
    const totalBytes = progress.totalBytes !== null && Number.isFinite(progress.totalBytes) && progress.totalBytes > 0 ? progress.totalBytes : (before?.totalBytes ?? null);
    this.byUrl.set(progress.url, { url: progress.url, loadedBytes, totalBytes });
    return this.total();
  }

  total(): LoadProgress {
    let loaded = 0;
    let total: number | null = 0;
    for (const file of this.byUrl.values()) {
      loaded += file.loadedBytes;
      total = total === null || file.totalBytes === null ? null : total + Math.max(file.totalBytes, file.loadedBytes);
    }
    const fraction = total === null || total === 0 ? null : Math.min(1, loaded / total);
    return { loadedBytes: loaded, totalBytes: total, fraction, files: this.byUrl.size };
  }
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The response's announced size, when it is the size of the body we will read (identity encoding). */
export function announcedLength(response: Response): number | null {
  // A compressed transfer announces the compressed size: only trust the length of identity bodies.
  if (response.headers.get('Content-Encoding')) return null;
  const header = response.headers.get('Content-Length');
  if (header === null) return null;
  const length = Number(header);
  return Number.isInteger(length) && length >= 0 ? length : null;
}

/** At most one report per this many bytes (plus the last one): postMessage per chunk would be wasteful. */
const REPORT_EVERY_BYTES = 256 * 1024;

/** Reads the whole body, reporting progress as it arrives. */
export async function readBodyWithProgress(response: Response, url: string, onProgress: OnFileProgress): Promise<Uint8Array<ArrayBuffer>> {
  const totalBytes = announcedLength(response);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  let reportedAt = 0;
  onProgress({ url, loadedBytes, totalBytes });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.byteLength;
    if (loadedBytes - reportedAt >= REPORT_EVERY_BYTES) {
      reportedAt = loadedBytes;
      onProgress({ url, loadedBytes, totalBytes });
    }
  }
  onProgress({ url, loadedBytes, totalBytes: totalBytes ?? loadedBytes });
  const bytes = new Uint8Array(loadedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
