import { describe, expect, it } from 'vitest';
import { PackedAssetError, extractPackedAsset, readPackedAssetIndex } from '../../../../scripts/models/packed-assets.mjs';

const FILES = [
  { filename: '/third_party/a/first.tflite', start: 0, end: 3 },
  { filename: '/third_party/b/second.binarypb', start: 3, end: 8 },
];
const LOADER = `var Module = {};\n(function() { function loadPackage(metadata) {} loadPackage(${JSON.stringify({ files: FILES, remote_package_size: 8 })}); })();`;
const DATA = Uint8Array.from([10, 11, 12, 20, 21, 22, 23, 24]);

describe('packed assets', () => {
  it('reads the file index from the Emscripten loader', () => {
    expect(readPackedAssetIndex(LOADER)).toEqual(FILES);
  });

  it('extracts a file by its base name and byte range', () => {
    const { range, bytes } = extractPackedAsset(FILES, DATA, 'second.binarypb');
    expect(range).toEqual({ start: FILES[1]!.start, end: FILES[1]!.end });
    expect(Array.from(bytes)).toEqual(Array.from(DATA.subarray(FILES[1]!.start, FILES[1]!.end)));
  });

  it('fails clearly on an unknown file, a short data file or a loader without an index', () => {
    expect(() => extractPackedAsset(FILES, DATA, 'missing.tflite')).toThrow(/not listed/);
    expect(() => extractPackedAsset(FILES, DATA.subarray(0, 5), 'second.binarypb')).toThrow(/ends at byte 8/);
    expect(() => readPackedAssetIndex('console.log(1)')).toThrow(PackedAssetError);
  });
});
