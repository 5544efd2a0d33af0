import { VisionError, errorMessage } from './vision-error';

/** getUserMedia's DOMException names → our error codes, with a message a user can act on. */
export function cameraError(error: unknown): VisionError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = errorMessage(error);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new VisionError({ code: 'camera-denied', message: `Camera access was refused (${detail}). Allow the camera for this page in the browser's site settings, then try again.` }, { cause: error });
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new VisionError({ code: 'camera-not-found', message: `No suitable camera was found (${detail}). Connect a camera or choose another one.` }, { cause: error });
    case 'NotReadableError':
    case 'AbortError':
      return new VisionError({ code: 'camera-in-use', message: `The camera could not be started (${detail}). Another application may be using it: close it and try again.` }, { cause: error });
    default:
      return new VisionError({ code: 'camera-in-use', message: `The camera could not be started: ${detail}` }, { cause: error });
  }
}

export function cameraUnsupportedError(): VisionError {
  return new VisionError({ code: 'camera-unsupported', message: 'This browser cannot use a camera here (it needs a secure https:// or localhost page and a recent browser).' });
}

export function cameraEndedError(): VisionError {
  return new VisionError({ code: 'camera-ended', message: 'The camera stopped (unplugged, or access was revoked). Reconnect it and start again.' });
}
