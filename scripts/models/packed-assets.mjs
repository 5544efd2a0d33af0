/**
 * The legacy @mediapipe solution packages ship their models inside one `*_packed_assets.data`
 * blob; the matching `*_loader.js` (Emscripten file packager output) lists each file's byte range.
 */
export class PackedAssetError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PackedAssetError';
  }
}

/**
 * @param {string} loaderSource text of a `*_packed_assets_loader.js`
 * @returns {{ filename: string, start: number, end: number }[]}
 */
export function readPackedAssetIndex(loaderSource) {
  const match = /loadPackage\((\{"files":.*?\})\);/s.exec(loaderSource);
  if (!match?.[1]) throw new PackedAssetError('no loadPackage({"files": …}) call found in the loader script');
  /** @type {{ files?: unknown }} */
  const parsed = JSON.parse(match[1]);
  if (!Array.isArray(parsed.files)) throw new PackedAssetError('loader metadata has no "files" list');
  return parsed.files.map((f) => {
    const { filename, start, end } = f;
    if (typeof filename !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new PackedAssetError(`malformed packed-asset entry ${JSON.stringify(f)}`);
    }
    return { filename, start, end };
  });
}

/**
 * @param {{ filename: string, start: number, end: number }[]} index
 * @param {Uint8Array} data the `*_packed_assets.data` bytes
 * @param {string} basename e.g. "face_landmark.tflite" (matched against the path's last segment)
 */
export function extractPackedAsset(index, data, basename) {
  const entry = index.find((f) => f.filename.split('/').pop() === basename);
  if (!entry) throw new PackedAssetError(`"${basename}" is not listed in the packed assets (${index.map((f) => f.filename).join(', ')})`);
  if (entry.end > data.length) {
    throw new PackedAssetError(`"${basename}" ends at byte ${entry.end} but the data file has ${data.length} bytes`);
  }
  return { range: { start: entry.start, end: entry.end }, bytes: data.subarray(entry.start, entry.end) };
}
