import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TaskBundleError, readTaskBundle, zipTaskBundle } from '../../../../scripts/models/task-bundle.mjs';

/** A stand-in .tflite: only the file identifier at bytes 4..8 matters to readTaskBundle. */
function fakeModel(fill: number): Uint8Array {
  const bytes = new Uint8Array(64).fill(fill);
  bytes.set(new TextEncoder().encode('TFL3'), 4);
  return bytes;
}

const ENTRIES = [
  ['pose_detector.tflite', fakeModel(1)],
  ['pose_landmarks_detector.tflite', fakeModel(2)],
] as const;
const NAMES = ENTRIES.map(([name]) => name);
const ZIP_LOCAL_HEADER = 0x04034b50;

describe('zipTaskBundle', () => {
  it('round-trips the entries unchanged', () => {
    const files = readTaskBundle(zipTaskBundle(ENTRIES), NAMES);
    for (const [name, bytes] of ENTRIES) expect(files[name]).toEqual(bytes);
  });

  it('is deterministic: same entries, same bytes', () => {
    expect(zipTaskBundle(ENTRIES)).toEqual(zipTaskBundle(ENTRIES));
  });

  it('stores every entry uncompressed (method 0), as tasks-vision requires', () => {
    const zip = zipTaskBundle(ENTRIES);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let pos = 0;
    let count = 0;
    while (view.getUint32(pos, true) === ZIP_LOCAL_HEADER) {
      expect(view.getUint16(pos + 8, true)).toBe(0);
      pos += 30 + view.getUint16(pos + 26, true) + view.getUint16(pos + 28, true) + view.getUint32(pos + 18, true);
      count++;
    }
    expect(count).toBe(ENTRIES.length);
  });
});

describe('readTaskBundle', () => {
  it('rejects truncated bytes with a clear message', () => {
    const zip = zipTaskBundle(ENTRIES);
    expect(() => readTaskBundle(zip.subarray(0, zip.length - 10), NAMES)).toThrow(TaskBundleError);
    expect(() => readTaskBundle(zip.subarray(0, zip.length - 10), NAMES)).toThrow(/truncated or corrupt/);
  });

  it('rejects compressed entries', () => {
    const deflated = zipSync({ 'pose_detector.tflite': fakeModel(0), 'pose_landmarks_detector.tflite': fakeModel(0) }, { level: 6 });
    expect(() => readTaskBundle(deflated, NAMES)).toThrow(/compressed/);
  });

  it('rejects missing or extra entries', () => {
    expect(() => readTaskBundle(zipTaskBundle(ENTRIES.slice(0, 1)), NAMES)).toThrow(/expected \[/);
  });

  it('rejects a .tflite entry that is not a TFLite model', () => {
    const bad = zipTaskBundle([ENTRIES[0], ['pose_landmarks_detector.tflite', new Uint8Array(64)]]);
    expect(() => readTaskBundle(bad, NAMES)).toThrow(/not a TFLite model/);
  });
});
