import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILE_KINDS, SNIFF_BYTES, sniffFileKind } from '../../../../src/vision/recorded/file-kind';

function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') out.push(...Array.from(part, (c) => c.charCodeAt(0)));
    else out.push(...part);
  }
  return new Uint8Array(out);
}

describe('sniffFileKind', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR')],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['AVIF (an ISO-BMFF still image)', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0])],
  ])('recognises %s as an image', (_name, head) => {
    expect(sniffFileKind(head)).toBe(FILE_KINDS.image);
  });

  it.each([
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
    ['QuickTime', bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0])],
    ['mp4 with the movie header first', bytes([0, 0, 0x10, 0], 'moov', [0, 0, 0, 0x6c], 'mvhd')],
  ])('recognises %s as a video container', (_name, head) => {
    expect(sniffFileKind(head)).toBe(FILE_KINDS.mp4);
  });

  it('judges by content: text with an image name is unknown', () => {
    expect(sniffFileKind(bytes('hello, not an image\n'))).toBe(FILE_KINDS.unknown);
  });

  it('an empty or too short head is unknown', () => {
    expect(sniffFileKind(new Uint8Array())).toBe(FILE_KINDS.unknown);
    expect(sniffFileKind(bytes([0xff, 0xd8]))).toBe(FILE_KINDS.unknown);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: SNIFF_BYTES }), (head) => {
        expect(Object.values(FILE_KINDS)).toContain(sniffFileKind(head));
      }),
    );
  });
});
