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

function declaredLength(response: Response): number | null {
  // A compressed transfer announces the compressed size: only trust the length of identity bodies.
  if (response.headers.get('Content-Encoding')) return null;
  const header = response.headers.get('Content-Length');
  if (header === null) return null;
  const length = Number(header);
  return Number.isInteger(length) && length >= 0 ? length : null;
}

/** Fetches a model bundle from the app's own origin and checks it before MediaPipe sees it. */
export async function fetchModelBytes(url: string, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
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
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new VisionError({ code: 'model-fetch', url, status: response.status, message: `The model ${url} stopped downloading: ${errorMessage(error)}` }, { cause: error });
  }
  const problem = modelBytesProblem(bytes, declaredLength(response));
  if (problem !== null) throw new VisionError({ code: 'model-invalid', url, message: `The model ${url} is unusable: ${problem}` });
  return bytes;
}
