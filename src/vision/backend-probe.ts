import {
  BACKEND_CHOICE_STORAGE_KEY,
  DEFAULT_BACKEND_POLICY,
  chooseBackend,
  nextProbeCandidate,
  serializeChoice,
  type BackendChoice,
  type BackendId,
  type BackendPolicy,
  type BackendTrial,
  type StoredBackendChoice,
} from './backend-choice';
import type { LandmarkerKind } from './landmarkers';
import { errorMessage } from './vision-error';

/** Frames timed per landmarker, after the warm-up: enough for a median. */
export const PROBE_FRAMES = 5;

/**
 * Untimed frames before those. A new landmarker is slow for its first frames (the first builds
 * the graph; then, most likely, V8 optimising the hot wasm functions in the background competes
 * with the inference on two cores), MediaPipe's face for about ten. On a first visit here,
 * MediaPipe's face measured 71–88 ms a frame after one warm-up frame and 20–38 ms after ten, so
 * the probe was choosing on how fast each backend warms up (docs/performance.md, 2026-12-02).
 */
export const PROBE_WARM_UP_FRAMES = 10;

/**
 * Median ms per frame of one backend's landmarker of one kind on a real frame; rejects when it
 * does not start. In the app it runs in a worker (worker-probe-timer.ts), as the live pipeline
 * would; the bench page times on its own thread (main-thread-probe-timer.ts).
 */
export type LandmarkerTimer = (id: BackendId, kind: LandmarkerKind) => Promise<number>;

export interface ProbeOptions {
  readonly time: LandmarkerTimer;
  /** Time exactly these (the bench). Default: staged by nextProbeCandidate (a first visit times as few as it can). */
  readonly candidates?: readonly BackendId[];
  readonly policy?: BackendPolicy;
}

export interface ProbeReport {
  readonly choice: BackendChoice;
  readonly trials: readonly BackendTrial[];
}

/** The face model is the same for MediaPipe lite and full: timed once per family. */
function faceFamily(id: BackendId): 'tfjs' | 'mediapipe' {
  return id === 'tfjs' ? 'tfjs' : 'mediapipe';
}

async function trial(id: BackendId, time: LandmarkerTimer, faceMsOf: Map<string, number>): Promise<BackendTrial> {
  try {
    const poseMs = await time(id, 'pose');
    let faceMs = faceMsOf.get(faceFamily(id));
    if (faceMs === undefined) {
      faceMs = await time(id, 'face');
      faceMsOf.set(faceFamily(id), faceMs);
    }
    return { id, started: true, poseMs, faceMs };
  } catch (error) {
    return { id, started: false, error: errorMessage(error), poseMs: null, faceMs: null };
  }
}

/** Times candidate backends one after the other (a few seconds: run it before exercising) and chooses one. */
export async function probeBackends(options: ProbeOptions): Promise<ProbeReport> {
  const policy = options.policy ?? DEFAULT_BACKEND_POLICY;
  const faceMsOf = new Map<string, number>();
  const trials: BackendTrial[] = [];
  if (options.candidates) {
    for (const id of options.candidates) trials.push(await trial(id, options.time, faceMsOf));
  } else {
    for (let id = nextProbeCandidate(trials, policy); id !== null; id = nextProbeCandidate(trials, policy)) {
      trials.push(await trial(id, options.time, faceMsOf));
    }
  }
  const balanced = await retimedInReverse(trials, options.time);
  return { choice: chooseBackend(balanced, policy), trials: balanced };
}

/**
 * The machine's load drifts while candidates are timed one after the other (a browser tab, a
 * backup): a candidate timed during a busy second would lose unfairly. Timing the bodies again in
 * reverse order (A B … B A) and keeping each candidate's faster run cancels a steady drift.
 */
async function retimedInReverse(trials: readonly BackendTrial[], time: LandmarkerTimer): Promise<BackendTrial[]> {
  const started = trials.filter((t) => t.started && t.poseMs !== null);
  if (started.length < 2) return [...trials];
  const again = new Map<BackendId, number>();
  for (const t of [...started].reverse()) {
    try {
      again.set(t.id, await time(t.id, 'pose'));
    } catch {
      // It started once: the first timing stands.
    }
  }
  return trials.map((t) => {
    const second = again.get(t.id);
    return second === undefined || t.poseMs === null ? t : { ...t, poseMs: Math.min(t.poseMs, second) };
  });
}

/** What `localStorage` offers that this needs (injectable in tests). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Probes and remembers the choice (under BACKEND_CHOICE_STORAGE_KEY) for this browser. Null when no
 * backend starts: the pipeline then starts its default and reports the real VisionError. Storage
 * that refuses to write (private modes, quota) only means the next visit probes again.
 */
export async function probeAndRemember(
  time: LandmarkerTimer,
  storage: ChoiceStorage | null,
  userAgent: string,
  policy: BackendPolicy = DEFAULT_BACKEND_POLICY,
): Promise<StoredBackendChoice | null> {
  const { choice, trials } = await probeBackends({ time, policy });
  // For a developer's console (and a bug report): what each candidate measured on this device.
  console.info(`Atlas backend probe: ${JSON.stringify({ choice, trials })}`);
  if (choice.id === null) return null;
  const remembered: StoredBackendChoice = { id: choice.id, userAgent, frameCostMs: choice.frameCostMs };
  try {
    storage?.setItem(BACKEND_CHOICE_STORAGE_KEY, serializeChoice(remembered));
  } catch {
    // Not remembered: probed again next time.
  }
  return remembered;
}
