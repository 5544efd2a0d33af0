import type { HeadAngles } from '../../core/head-pose/head-angles';
import type { TranslateOptions } from '../../i18n/localizer';
import type { LandmarkerBackend, PoseModel } from '../../vision/landmarkers';
import type { LoadProgress } from '../../vision/load-progress';
import type { VisionErrorCode, VisionErrorInfo } from '../../vision/vision-error';
import { cameraProblem } from './camera-problem';

/** A localizer's `t` (keys of the translations' `live` and `setup.errors` sections). */
export type Translate = (key: string, options?: TranslateOptions) => string;

/** Key under `live.errorTitles` of each problem's headline. */
const ERROR_TITLE_KEYS: Readonly<Record<VisionErrorCode, string>> = {
  'camera-denied': 'cameraDenied',
  'camera-not-found': 'cameraNotFound',
  'camera-in-use': 'cameraInUse',
  'camera-ended': 'cameraEnded',
  'camera-unsupported': 'cameraUnsupported',
  'model-fetch': 'modelFetch',
  'model-invalid': 'modelInvalid',
  wasm: 'wasm',
  inference: 'inference',
  worker: 'worker',
};

export interface ProblemText {
  readonly title: string;
  /** What to do, in the user's language. */
  readonly help: string;
  /** The error's own (English, technical) message, for a bug report; null where the help says it all. */
  readonly detail: string | null;
}

/** Headline, what to do, and the technical detail of a camera or analysis problem. */
export function problemText(error: VisionErrorInfo, t: Translate): ProblemText {
  const title = t(`live.errorTitles.${ERROR_TITLE_KEYS[error.code]}`);
  const camera = cameraProblem(error);
  if (camera !== 'unknown') return { title, help: t(`setup.errors.${camera}`), detail: null };
  const helpKey = error.code === 'model-fetch' ? 'modelFetch' : error.code === 'model-invalid' ? 'modelInvalid' : error.code === 'wasm' ? 'wasm' : 'other';
  return { title, help: t(`live.errorHelp.${helpKey}`), detail: error.message };
}

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
export function angleLines(angles: HeadAngles, t: Translate): readonly AngleLine[] {
  return [
    { label: t('live.yaw'), value: signed(angles.yawDeg), direction: direction(angles.yawDeg, t('live.toYourLeft'), t('live.toYourRight')) },
    { label: t('live.pitch'), value: signed(angles.pitchDeg), direction: direction(angles.pitchDeg, t('live.chinUp'), t('live.chinDown')) },
    { label: t('live.roll'), value: signed(angles.rollDeg), direction: direction(angles.rollDeg, t('live.towardLeftShoulder'), t('live.towardRightShoulder')) },
  ];
}

const MB = 1024 * 1024;

/** While starting: what the wait is for (the first-run probe, the download's progress once reported). */
export function startingText(progress: LoadProgress | null, probing: boolean, t: Translate): string {
  if (probing) return t('live.probing');
  if (progress === null || progress.loadedBytes === 0) return t('live.starting');
  const loaded = (progress.loadedBytes / MB).toFixed(1);
  if (progress.fraction === null || progress.totalBytes === null) return t('live.loadingMb', { loaded });
  if (progress.fraction >= 1) return t('live.preparing');
  return t('live.loadingPercent', { percent: Math.floor(progress.fraction * 100), loaded, total: (progress.totalBytes / MB).toFixed(1) });
}

/** Which models run, e.g. "MediaPipe (body: lite)" or "TF.js (BlazePose, FaceMesh)". */
export function modelsText(backend: LandmarkerBackend | null, poseModel: PoseModel | null, t: Translate): string {
  if (backend === 'tfjs') return t('live.modelsTfjs');
  return t('live.modelsMediapipe', { pose: t(poseModel === 'full' ? 'live.poseFull' : 'live.poseLite') });
}
