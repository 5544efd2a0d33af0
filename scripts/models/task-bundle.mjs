import { unzipSync, zipSync } from 'fflate';

/**
 * A MediaPipe `.task` is a zip of STORED entries (tasks-vision rejects deflated ones).
 * Every entry gets the same fixed modification time so identical inputs give identical bytes.
 * fflate encodes DOS times from local-time fields, so the date is built from local fields too.
 */
const FIXED_MTIME = new Date(2023, 0, 1, 0, 0, 0);
const ZIP_STORED = 0;

export class TaskBundleError extends Error {
  constructor(message) {
    super(message);
    this.name = 'TaskBundleError';
  }
}

/** @param {ReadonlyArray<readonly [string, Uint8Array]>} entries in bundle order */
export function zipTaskBundle(entries) {
  /** @type {Record<string, [Uint8Array, { level: 0, mtime: Date }]>} */
  const files = {};
  for (const [name, bytes] of entries) files[name] = [bytes, { level: ZIP_STORED, mtime: FIXED_MTIME }];
  return zipSync(files, { level: ZIP_STORED, mtime: FIXED_MTIME });
}

/** Reads the local headers to check every entry is stored uncompressed. */
function assertStored(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  while (pos + 30 <= bytes.length && view.getUint32(pos, true) === 0x04034b50) {
    const method = view.getUint16(pos + 8, true);
    const size = view.getUint32(pos + 18, true);
    const nameLength = view.getUint16(pos + 26, true);
    const extraLength = view.getUint16(pos + 28, true);
    if (method !== ZIP_STORED) throw new TaskBundleError(`entry at byte ${pos} is compressed (method ${method}); tasks-vision needs stored entries`);
    pos += 30 + nameLength + extraLength + size;
  }
}

/**
 * Opens a bundle and checks it has exactly the expected entries, each a plausible file.
 * @param {Uint8Array} bytes
 * @param {readonly string[]} expectedEntries
 * @returns {Record<string, Uint8Array>}
 */
export function readTaskBundle(bytes, expectedEntries) {
  /** @type {Record<string, Uint8Array>} */
  let files;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new TaskBundleError(`not a readable zip (${bytes.length} bytes; truncated or corrupt?): ${error instanceof Error ? error.message : String(error)}`);
  }
  assertStored(bytes);
  const names = Object.keys(files).sort();
  const expected = [...expectedEntries].sort();
  if (names.join('\n') !== expected.join('\n')) {
    throw new TaskBundleError(`entries are [${names.join(', ')}], expected [${expected.join(', ')}]`);
  }
  for (const [name, content] of Object.entries(files)) {
    if (name.endsWith('.tflite') && String.fromCharCode(...content.subarray(4, 8)) !== 'TFL3') {
      throw new TaskBundleError(`${name} is not a TFLite model (no "TFL3" identifier)`);
    }
  }
  return files;
}
