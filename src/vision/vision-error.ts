/**
 * What can go wrong while setting up or running the landmarkers or the camera, as plain data so it
 * can cross a worker boundary (`postMessage` loses an Error's class) and be shown to the user.
 */
export type VisionErrorInfo =
  /** The model file could not be fetched (HTTP status, or 0 when the network request itself failed). */
  | { readonly code: 'model-fetch'; readonly url: string; readonly status: number; readonly message: string }
  /** The model file arrived but is not a usable bundle (truncated, not a zip, rejected by MediaPipe). */
  | { readonly code: 'model-invalid'; readonly url: string; readonly message: string }
  /** tasks-vision's WebAssembly could not be fetched, compiled or started. */
  | { readonly code: 'wasm'; readonly url: string; readonly message: string }
  /** The landmarker failed on a frame. */
  | { readonly code: 'inference'; readonly message: string }
  /** No camera permission (NotAllowedError / SecurityError). */
  | { readonly code: 'camera-denied'; readonly message: string }
  /** No camera, or not the one asked for (NotFoundError / OverconstrainedError). */
  | { readonly code: 'camera-not-found'; readonly message: string }
  /** The camera exists but another program holds it, or the OS refused (NotReadableError / AbortError). */
  | { readonly code: 'camera-in-use'; readonly message: string }
  /** The camera track ended while running (unplugged, revoked). */
  | { readonly code: 'camera-ended'; readonly message: string }
  /** getUserMedia is missing (insecure context, old browser). */
  | { readonly code: 'camera-unsupported'; readonly message: string }
  /** A worker could not start or crashed. */
  | { readonly code: 'worker'; readonly message: string };

export type VisionErrorCode = VisionErrorInfo['code'];

export class VisionError extends Error {
  readonly info: VisionErrorInfo;

  constructor(info: VisionErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'VisionError';
    this.info = info;
  }

  get code(): VisionErrorCode {
    return this.info.code;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}
