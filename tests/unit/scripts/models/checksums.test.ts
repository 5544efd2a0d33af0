import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChecksumMismatchError, checkRecorded, sha256 } from '../../../../scripts/models/checksums.mjs';

describe('checkRecorded', () => {
  const bytes = new TextEncoder().encode('pose_detector.tflite bytes');
  const recorded = { sha256: sha256(bytes), bytes: bytes.length };

  it('accepts the recorded bytes', () => {
    expect(checkRecorded('x', bytes, recorded)).toBe(true);
  });

  it('reports "nothing recorded" instead of passing silently', () => {
    expect(checkRecorded('x', bytes, undefined)).toBe(false);
  });

  it('rejects any single changed byte, naming the file and both checksums', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (data, at, delta) => {
        const record = { sha256: sha256(data), bytes: data.length };
        const changed = data.slice();
        const i = at % changed.length;
        changed[i] = (changed[i]! + delta) % 256;
        expect(() => checkRecorded('models/a.task', changed, record)).toThrow(ChecksumMismatchError);
        expect(() => checkRecorded('models/a.task', changed, record)).toThrow(new RegExp(`models/a\\.task: expected sha256 ${record.sha256}`));
      }),
    );
  });

  it('rejects truncated bytes', () => {
    expect(() => checkRecorded('models/a.task', bytes.subarray(0, bytes.length - 1), recorded)).toThrow(/got [0-9a-f]{64} \(\d+ bytes\)/);
  });
});
