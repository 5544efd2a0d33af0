import {
  BACKEND_CHOICE_STORAGE_KEY,
  DEFAULT_BACKEND_POLICY,
  chooseBackend,
  parseStoredChoice,
  serializeChoice,
  type BackendChoice,
  type BackendId,
  type BackendPolicy,
  type BackendTrial,
  type StoredBackendChoice,
} from './backend-choice';
import { createLandmarker, type LandmarkerImage, type VideoLandmarker } from './landmarkers';
import { errorMessage } from './vision-error';

/** Frames timed per landmarker after one untimed warm-up frame: enough for a median, ~1 s per candidate. */
export const PROBE_FRAMES = 5;

export interface ProbeOptions {
  /** A real frame (e.g. the camera's first): timings depend little on content, but a face and a body keep every stage busy. */
  readonly image: LandmarkerImage;
  readonly candidates?: readonly BackendId[];
  readonly policy?: BackendPolicy;
  readonly frames?: number;
}

export interface ProbeReport {
  readonly choice: BackendChoice;
  readonly trials: readonly BackendTrial[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function createFor(id: BackendId, kind: 'pose' | 'face'): Promise<VideoLandmarker> {
  if (id === 'tfjs') {
    // Lazy: TF.js (~400 KB gzip) is only downloaded when it is probed or chosen.
    const { createTfjsLandmarker } = await import('./tfjs/tfjs-landmarker');
    return createTfjsLandmarker({ kind });
  }
  return createLandmarker({ kind, poseModel: id === 'mediapipe-full' ? 'full' : 'lite', maxPeople: 1 });
}

function timeLandmarker(landmarker: VideoLandmarker, image: LandmarkerImage, frames: number): number {
  landmarker.detect(image, 0);
  const times: number[] = [];
  for (let i = 1; i <= frames; i++) {
    const started = performance.now();
    // 33 ms apart, as a 30 fps camera's frames would be (VIDEO mode needs increasing times).
    landmarker.detect(image, i * 33);
    times.push(performance.now() - started);
  }
  return median(times);
}

async function trial(id: BackendId, image: LandmarkerImage, frames: number, faceMsOf: Map<string, number>): Promise<BackendTrial> {
  const faceFamily = id === 'tfjs' ? 'tfjs' : 'mediapipe';
  const opened: VideoLandmarker[] = [];
  try {
    const pose = await createFor(id, 'pose');
    opened.push(pose);
    const poseMs = timeLandmarker(pose, image, frames);
    let faceMs = faceMsOf.get(faceFamily);
    if (faceMs === undefined) {
      const face = await createFor(id, 'face');
      opened.push(face);
      faceMs = timeLandmarker(face, image, frames);
      faceMsOf.set(faceFamily, faceMs);
    }
    return { id, started: true, poseMs, faceMs };
  } catch (error) {
    return { id, started: false, error: errorMessage(error), poseMs: null, faceMs: null };
  } finally {
    for (const landmarker of opened) landmarker.close();
  }
}

/**
 * Times each candidate backend on a few frames (on this thread, one after the other, a few seconds
 * in all: run it before exercising, e.g. during the camera check) and chooses one.
 */
export async function probeBackends(options: ProbeOptions): Promise<ProbeReport> {
  const frames = options.frames ?? PROBE_FRAMES;
  const faceMsOf = new Map<string, number>();
  const trials: BackendTrial[] = [];
  for (const id of options.candidates ?? (['mediapipe-lite', 'mediapipe-full', 'tfjs'] as const)) {
    trials.push(await trial(id, options.image, frames, faceMsOf));
  }
  return { choice: chooseBackend(trials, options.policy ?? DEFAULT_BACKEND_POLICY), trials };
}

/** What `localStorage` offers that this needs (injectable in tests). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The remembered backend, or a new probe whose choice is remembered (under
 * BACKEND_CHOICE_STORAGE_KEY). Null when no backend starts: the app shows the VisionError then.
 */
export async function rememberedBackend(
  probeImage: () => Promise<LandmarkerImage>,
  storage: ChoiceStorage | null = typeof localStorage === 'undefined' ? null : localStorage,
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): Promise<StoredBackendChoice | null> {
  const stored = parseStoredChoice(storage?.getItem(BACKEND_CHOICE_STORAGE_KEY) ?? null, userAgent);
  if (stored) return stored;
  const parallel = (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2;
  const { choice } = await probeBackends({ image: await probeImage(), policy: { ...DEFAULT_BACKEND_POLICY, parallel } });
  if (choice.id === null) return null;
  const remembered: StoredBackendChoice = { id: choice.id, userAgent, frameCostMs: choice.frameCostMs };
  storage?.setItem(BACKEND_CHOICE_STORAGE_KEY, serializeChoice(remembered));
  return remembered;
}
