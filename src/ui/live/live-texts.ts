import type { HeadAngles } from '../../core/head-pose/head-angles';
import type { LoadProgress } from '../../vision/load-progress';
import type { VisionErrorCode } from '../../vision/vision-error';

/** Headline for each problem; the error's own message says what to do. */
export const ERROR_TITLES: Readonly<Record<VisionErrorCode, string>> = {
  'camera-denied': 'Camera access is blocked',
  'camera-not-found': 'No camera found',
  'camera-in-use': 'The camera is busy or unavailable',
  'camera-ended': 'The camera stopped',
  'camera-unsupported': 'This browser cannot use the camera here',
  'model-fetch': 'A landmark model could not be loaded',
  'model-invalid': 'A landmark model is damaged',
  wasm: 'The analysis engine could not start',
  inference: 'The analysis failed',
  worker: 'The analysis engine stopped',
};

export interface AngleLine {
  readonly label: string;
  readonly value: string;
  readonly direction: string;
}

function signed(deg: number): string {
  return `${deg >= 0 ? '+' : '−'}${Math.abs(deg).toFixed(1)}°`;
}

/** Below this the direction word is left out (the sign of a near-zero angle is noise). */
const NEUTRAL_BAND_DEG = 2;

function direction(deg: number, positive: string, negative: string): string {
  if (Math.abs(deg) < NEUTRAL_BAND_DEG) return '';
  return deg > 0 ? positive : negative;
}

/** The raw angles in the project's convention, worded from the user's own point of view. */
export function angleLines(angles: HeadAngles): readonly AngleLine[] {
  return [
    { label: 'Yaw (turn)', value: signed(angles.yawDeg), direction: direction(angles.yawDeg, 'to your left', 'to your right') },
    { label: 'Pitch (nod)', value: signed(angles.pitchDeg), direction: direction(angles.pitchDeg, 'chin up', 'chin down') },
    { label: 'Roll (tilt)', value: signed(angles.rollDeg), direction: direction(angles.rollDeg, 'toward your left shoulder', 'toward your right shoulder') },
  ];
}

const MB = 1024 * 1024;

/** While starting: what is loading, with the download's progress once any has been reported. */
export function startingText(progress: LoadProgress | null): string {
  if (progress === null || progress.loadedBytes === 0) return 'Starting the camera and loading the models…';
  const loaded = (progress.loadedBytes / MB).toFixed(1);
  if (progress.fraction === null || progress.totalBytes === null) return `Loading the models… ${loaded} MB`;
  if (progress.fraction >= 1) return 'Preparing the analysis…';
  return `Loading the models… ${Math.floor(progress.fraction * 100)} % (${loaded} of ${(progress.totalBytes / MB).toFixed(1)} MB)`;
}
