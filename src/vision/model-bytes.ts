import { MODEL_SHA256, fileNameOfUrl, sha256Hex } from './model-checksums';
import { announcedLength, readBodyWithProgress, type OnFileProgress } from './load-progress';
import { VisionError, errorMessage } from './vision-error';

/** A `.task` bundle is a zip: it starts with a local file header. */
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;

/** Smaller than any landmarker bundle (the smallest, face, is ~1.5 MB): an HTML error page, a stub. */
export const MIN_MODEL_BYTES = 100_000;

/**
 * Why `bytes` cannot be a model bundle, or null when it looks like one. `declaredLength` is the
 * response's Content-Length when known (a shorter body means a truncated download).
 */
export function modelBytesProblem(bytes: Uint8Array, declaredLength: number | null): string | null {
  if (declaredLength !== null && bytes.byteLength !== declaredLength) {
    return `received ${bytes.byteLength} bytes but the server announced ${declaredLength} (truncated download?)`;
  }
  if (bytes.byteLength < MIN_MODEL_BYTES) {
    return `only ${bytes.byteLength} bytes: too small for a landmarker bundle (run \`npm run models\`)`;
  }
  if (!ZIP_LOCAL_HEADER.every((byte, i) => bytes[i] === byte)) {
    return 'not a .task bundle (a .task is a zip archive; this file does not start like one)';
  }
  return null;
}

/**
 * Why `bytes` are not the recorded bundle `fileName`, or null when their SHA-256 matches. A file
 * with no recorded checksum, or a context without `crypto.subtle` (plain http on another host: no
 * camera there either), is not checked.
 */
export async function modelChecksumProblem(
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  expectedSha256: Readonly<Record<string, string>> = MODEL_SHA256,
): Promise<string | null> {
  const expected = Object.hasOwn(expectedSha256, fileName) ? expectedSha256[fileName] : undefined;
  if (expected === undefined || globalThis.crypto?.subtle === undefined) return null;
  const actual = await sha256Hex(bytes);
  if (actual === expected.toLowerCase()) return null;
  return `${fileName} does not match its recorded checksum (SHA-256 ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…; run \`npm run models\`)`;
}

/**
 * Fetches a model bundle from the app's own origin and checks it (size, zip header, SHA-256 against
 * `models/checksums.json`) before MediaPipe sees it.
 */
export async function fetchModelBytes(
  url: string,
  fetchImpl: typeof fetch = fetch,
  expectedSha256: Readonly<Record<string, string>> = MODEL_SHA256,
  onProgress: OnFileProgress = () => undefined,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new VisionError({ code: 'model-fetch', url, status: 0, message: `Could not load the model ${url}: ${errorMessage(error)}` }, { cause: error });
  }
  if (!response.ok) {
    throw new VisionError({
      code: 'model-fetch',
      url,
      status: response.status,
      message: `Could not load the model ${url}: HTTP ${response.status}${response.status === 404 ? ' (run `npm run models`)' : ''}`,
    });
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readBodyWithProgress(response, url, onProgress);
  } catch (error) {
    throw new VisionError({ code: 'model-fetch', url, status: response.status, message: `The model ${url} stopped downloading: ${errorMessage(error)}` }, { cause: error });
  }
  const problem = modelBytesProblem(bytes, announcedLength(response)) ?? (await modelChecksumProblem(bytes, fileNameOfUrl(url), expectedSha256));
  if (problem !== null) throw new VisionError({ code: 'model-invalid', url, message: `The model ${url} is unusable: ${problem}` });
  return bytes;
}
