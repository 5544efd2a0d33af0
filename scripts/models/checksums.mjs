import { createHash } from 'node:crypto';

/** @param {Uint8Array} bytes */
export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export class ChecksumMismatchError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ChecksumMismatchError';
  }
}

/**
 * @param {string} label what the bytes are (shown in the error)
 * @param {Uint8Array} bytes
 * @param {{ sha256: string, bytes: number } | undefined} recorded
 * @returns {boolean} true when it matches, false when nothing is recorded yet
 * @throws {ChecksumMismatchError} when a recorded checksum differs
 */
export function checkRecorded(label, bytes, recorded) {
  if (!recorded) return false;
  const actual = sha256(bytes);
  if (actual !== recorded.sha256 || bytes.length !== recorded.bytes) {
    throw new ChecksumMismatchError(
      `${label}: expected sha256 ${recorded.sha256} (${recorded.bytes} bytes), got ${actual} (${bytes.length} bytes)`,
    );
  }
  return true;
}
