// Only `bundles` is imported: Vite's JSON named exports leave the rest of the file out of the build.
import { bundles } from '../../models/checksums.json';

/** SHA-256 (lower-case hex) of each `.task` bundle, by file name, as recorded by `npm run models`. */
export const MODEL_SHA256: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(bundles).map(([fileName, entry]) => [fileName, entry.sha256]),
);

/** SHA-256 of `bytes` as lower-case hex. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The last path segment of a model URL (`…/models/face_landmarker.task?v=1` → `face_landmarker.task`). */
export function fileNameOfUrl(url: string): string {
  const path = new URL(url, 'http://origin.invalid/').pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
