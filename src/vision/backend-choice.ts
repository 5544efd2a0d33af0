/**
 * Which landmark backend a device uses: decided once by a quick probe (backend-probe.ts) and
 * remembered. Pure decision logic (no DOM, no clock), unit-tested.
 */
export const BACKEND_IDS = ['mediapipe-full', 'mediapipe-lite', 'tfjs'] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

/** One candidate's probe: did it start, and median ms per frame of its pose and face landmarkers. */
export interface BackendTrial {
  readonly id: BackendId;
  readonly started: boolean;
  /** Why it did not start (VisionError message), for the log. */
  readonly error?: string;
  readonly poseMs: number | null;
  readonly faceMs: number | null;
}

export interface BackendPolicy {
  /** Camera frame rate to keep up with. */
  readonly targetFps: number;
  /** Share of the frame interval the landmarkers may use (the rest: copying frames, messages, UI). */
  readonly budgetShare: number;
  /** Pose and face run in parallel workers (≥ 2 cores): a frame costs the slower one, else their sum. */
  readonly parallel: boolean;
  /** TF.js must be this much faster than MediaPipe lite to be chosen (MediaPipe gives the face matrix). */
  readonly tfjsMinSpeedup: number;
}

/**
 * tfjsMinSpeedup 1.3: TF.js costs accuracy (no face matrix; its BlazePose lite on TF.js's resampled
 * crops strays further from MediaPipe's than MediaPipe's lite does from full: bench:body) and the probe's few frames are noisy on a busy machine (a 15 % margin let it
 * pick TF.js at load 5–8 where the interleaved bench measured it only 9 % faster).
 */
export const DEFAULT_BACKEND_POLICY: BackendPolicy = { targetFps: 30, budgetShare: 0.8, parallel: true, tfjsMinSpeedup: 1.3 };

export type ChoiceReason =
  /** pose full fits the frame budget: the more accurate model. */
  | 'full-fits-budget'
  | 'fastest'
  /** MediaPipe did not start (its wasm fails in some browsers): TF.js is the fallback. */
  | 'mediapipe-failed'
  | 'none-started';

export interface BackendChoice {
  readonly id: BackendId | null;
  readonly reason: ChoiceReason;
  /** ms per frame of the chosen backend under the policy (null when none started). */
  readonly frameCostMs: number | null;
}

/** ms one frame costs with this backend (null when it did not start or gave no timing). */
export function frameCostMs(trial: BackendTrial, policy: BackendPolicy): number | null {
  if (!trial.started || trial.poseMs === null || trial.faceMs === null) return null;
  if (!Number.isFinite(trial.poseMs) || !Number.isFinite(trial.faceMs) || trial.poseMs < 0 || trial.faceMs < 0) return null;
  return policy.parallel ? Math.max(trial.poseMs, trial.faceMs) : trial.poseMs + trial.faceMs;
}

export function frameBudgetMs(policy: BackendPolicy): number {
  return (1000 / policy.targetFps) * policy.budgetShare;
}

/**
 * The backend to use: MediaPipe pose full when it fits the frame budget; otherwise the faster of
 * MediaPipe lite and TF.js, MediaPipe unless TF.js is clearly faster; TF.js when MediaPipe does
 * not start at all; null when nothing started.
 */
export function chooseBackend(trials: readonly BackendTrial[], policy: BackendPolicy = DEFAULT_BACKEND_POLICY): BackendChoice {
  const cost = new Map<BackendId, number>();
  for (const trial of trials) {
    const c = frameCostMs(trial, policy);
    if (c !== null) cost.set(trial.id, Math.min(c, cost.get(trial.id) ?? Infinity));
  }
  const full = cost.get('mediapipe-full');
  const lite = cost.get('mediapipe-lite');
  const tfjs = cost.get('tfjs');
  if (full !== undefined && full <= frameBudgetMs(policy)) return { id: 'mediapipe-full', reason: 'full-fits-budget', frameCostMs: full };
  const mediapipe = lite !== undefined && (full === undefined || lite <= full) ? { id: 'mediapipe-lite' as const, ms: lite } : full !== undefined ? { id: 'mediapipe-full' as const, ms: full } : null;
  if (mediapipe === null) {
    return tfjs !== undefined ? { id: 'tfjs', reason: 'mediapipe-failed', frameCostMs: tfjs } : { id: null, reason: 'none-started', frameCostMs: null };
  }
  if (tfjs !== undefined && tfjs * policy.tfjsMinSpeedup < mediapipe.ms) return { id: 'tfjs', reason: 'fastest', frameCostMs: tfjs };
  return { id: mediapipe.id, reason: 'fastest', frameCostMs: mediapipe.ms };
}

/**
 * Which backend a first-run probe should time next, given the trials so far (null: enough to
 * choose). Staged so that a first visit downloads and times as little as possible: MediaPipe lite
 * first; when it keeps up with the camera, pose full (the more accurate model) to see whether it
 * does too; when lite does not keep up or does not start, TF.js. A backend is never tried twice.
 */
export function nextProbeCandidate(trials: readonly BackendTrial[], policy: BackendPolicy = DEFAULT_BACKEND_POLICY): BackendId | null {
  const tried = new Set(trials.map((t) => t.id));
  if (!tried.has('mediapipe-lite')) return 'mediapipe-lite';
  const lite = trials.find((t) => t.id === 'mediapipe-lite');
  const liteCost = lite === undefined ? null : frameCostMs(lite, policy);
  const liteKeepsUp = liteCost !== null && liteCost <= frameBudgetMs(policy);
  if (liteKeepsUp) return tried.has('mediapipe-full') ? null : 'mediapipe-full';
  return tried.has('tfjs') ? null : 'tfjs';
}

/** What runs for a backend id: the landmarker family and, for MediaPipe, the pose model. */
export function backendModels(id: BackendId): { readonly backend: 'mediapipe'; readonly poseModel: 'lite' | 'full' } | { readonly backend: 'tfjs' } {
  if (id === 'tfjs') return { backend: 'tfjs' };
  return { backend: 'mediapipe', poseModel: id === 'mediapipe-full' ? 'full' : 'lite' };
}

/** localStorage key of the remembered choice. */
export const BACKEND_CHOICE_STORAGE_KEY = 'atlas.landmarkBackend.v1';

export interface StoredBackendChoice {
  readonly id: BackendId;
  /** The browser it was measured in: a browser update or another browser probes again. */
  readonly userAgent: string;
  readonly frameCostMs: number | null;
}

export function serializeChoice(choice: StoredBackendChoice): string {
  return JSON.stringify(choice);
}

/** The remembered choice if it is valid and was made in this browser; null means: probe again. */
export function parseStoredChoice(text: string | null, userAgent: string): StoredBackendChoice | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (!(BACKEND_IDS as readonly unknown[]).includes(record.id)) return null;
  if (record.userAgent !== userAgent) return null;
  const cost = record.frameCostMs;
  if (cost !== null && (typeof cost !== 'number' || !Number.isFinite(cost))) return null;
  return { id: record.id as BackendId, userAgent, frameCostMs: cost };
}

/** Forgets this browser's choice (the next start probes again). Storage that refuses is no error. */
export function forgetBackendChoice(storage: Pick<Storage, 'removeItem'> | null = typeof localStorage === 'undefined' ? null : localStorage): void {
  try {
    storage?.removeItem(BACKEND_CHOICE_STORAGE_KEY);
  } catch {
    // Nothing remembered that could be removed.
  }
}
