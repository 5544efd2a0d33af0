import type { FrameObservation } from '../core/landmarks';
import { faceSeedFrom, type FaceSeed } from './face-seed';
import { copyFrameImage, type CopyImage } from './frame-copy';
import type { FrameImage, FrameSource, SourceFrame } from './frame-source';
import { BACKEND_CHOICE_STORAGE_KEY, DEFAULT_BACKEND_POLICY, backendModels, parseStoredChoice, type StoredBackendChoice } from './backend-choice';
import { probeAndRemember, type ChoiceStorage } from './backend-probe';
import { AdaptiveBodyEveryK, DEFAULT_MAX_BODY_AGE_MS, LandmarkerCadence } from './landmarker-cadence';
import type { LandmarkerBackend, LandmarkerConfig, LandmarkerDelegate, LandmarkerKind, PoseModel } from './landmarkers';
import { LoadProgressTally, type LoadProgress, type OnFileProgress } from './load-progress';
import { PipelineStats, type PipelineStatsSnapshot } from './pipeline-stats';
import { combineDetections, type LandmarkerDetection } from './to-observation';
import { VisionError, errorMessage } from './vision-error';
import { WorkerLandmarker, type WorkerDetectOutcome } from './worker/worker-landmarker';
import { workerProbeTimer } from './worker/worker-probe-timer';

/** What the pipeline needs of a landmarker running elsewhere (WorkerLandmarker; fakes in tests). */
export interface RemoteLandmarker {
  readonly kind: LandmarkerKind;
  readonly delegate: LandmarkerDelegate;
  readonly fallbackReason: string | null;
  /** A frame is in flight: the pipeline drops frames rather than queue them. */
  readonly busy: boolean;
  /** Takes ownership of `image` (transfers or closes it). `seed`: see VideoLandmarker.detect (face only). */
  detect(image: FrameImage, tMs: number, seed?: FaceSeed | null): Promise<WorkerDetectOutcome>;
  beginStream(): void;
  terminate(): void;
  /** TF.js tensors alive in the worker after its latest frame (null or absent for MediaPipe). */
  readonly liveTensors?: number | null;
}


export interface PipelineSchedule {
  /**
   * With both landmarkers: run the body on every k-th analysed frame, the face on every frame, and
   * lend the last body to the frames in between. 'adaptive' (default): k from the measured body
   * time and frame interval (bodyEveryKFor). 1: every frame waits for both landmarkers (each
   * result has its own body; throughput bounded by the slower one).
   */
  readonly bodyEveryK?: number | 'adaptive';
  /** A held body older than this is not lent to a frame, ms. Default DEFAULT_MAX_BODY_AGE_MS. */
  readonly maxBodyAgeMs?: number;
}

export interface LandmarkPipelineOptions extends Omit<LandmarkerConfig, 'kind'>, PipelineSchedule {
  /** Which landmarkers run, each in its own worker. Default both. */
  readonly landmarkers?: readonly LandmarkerKind[];
  /** Download progress of the wasm and the models, all workers together (a first visit: ~20 MB). */
  readonly onProgress?: (progress: LoadProgress) => void;
  /**
   * A real frame (the camera's first) for the first-run probe: when this browser has no remembered
   * backend choice and the options name neither a backend nor a pose model, the candidates are
   * timed in workers on it (a few seconds, once) and the choice is remembered. The pipeline closes it.
   * Without it the pipeline never probes (it starts MediaPipe lite).
   */
  readonly probeImage?: () => Promise<FrameImage>;
  /** Called when the first-run probe starts and ends (the UI says what the wait is for). */
  readonly onProbe?: (probing: boolean) => void;
}

export interface PipelineResult {
  readonly observation: FrameObservation;
  /** Capture → result for a camera; receipt → result for recorded sources. ms. */
  readonly latencyMs: number;
  /** Time each landmarker spent on this frame inside its worker, ms (no `pose` when the body was held). */
  readonly inferenceMs: Readonly<Partial<Record<LandmarkerKind, number>>>;
  /** `observation.poses` were found in an earlier frame (the body landmarker skipped this one). */
  readonly bodyHeld: boolean;
  /** This frame's time minus that of the frame the body was found in, ms: 0 for its own body, null when no body result goes with it. */
  readonly bodyAgeMs: number | null;
  readonly stats: PipelineStatsSnapshot;
}

export interface PipelineCallbacks {
  readonly onResult: (result: PipelineResult) => void;
  /** The run stopped on an error (the source is left open: its owner closes it). */
  readonly onError?: (error: VisionError) => void;
}

/** Why `run` returned. */
export type PipelineEnd = 'source-ended' | 'stopped' | 'error';

const ALL_LANDMARKERS: readonly LandmarkerKind[] = ['pose', 'face'];

type Fail = (error: unknown) => void;

/** Work in flight for one worker: cleared when its frame is done. */
interface Lane {
  current: Promise<void> | null;
}

/**
 * source → landmarker workers (in parallel) → FrameObservation. With the face and the body: each
 * frame goes to the face worker when it is free, to the body worker every k-th frame when it is
 * free, and is reported when its face is done, with the latest body (LandmarkerCadence); only when
 * no body recent enough is held does it wait for the body in flight. With one
 * landmarker, or `bodyEveryK: 1`: a frame is analysed only when every worker is free. Frames
 * arriving meanwhile are closed and counted as dropped, so latency stays bounded instead of
 * growing a queue. Not for recorded files that need every frame (the analyze command drives the
 * landmarkers itself).
 */
export class LandmarkPipeline {
  private readonly workers: readonly RemoteLandmarker[];
  private readonly copyImage: CopyImage;
  private readonly schedule: PipelineSchedule;
  private readonly stats = new PipelineStats();
  private running = false;
  private disposed = false;
  /** Where the last body found the face, for the next frame's face when both run on every frame (analyseTogether). */
  private lastFaceSeed: FaceSeed | null = null;
  /** Which models run in the workers. */
  readonly backend: LandmarkerBackend;
  /** MediaPipe's pose model (null on TF.js, whose body model is BlazePose lite). */
  readonly poseModel: PoseModel | null;

  /** Over landmarkers already started (`start()` makes worker ones). The pipeline terminates them on dispose. */
  constructor(
    workers: readonly RemoteLandmarker[],
    copyImage: CopyImage = copyFrameImage,
    schedule: PipelineSchedule & { readonly backend?: LandmarkerBackend; readonly poseModel?: PoseModel } = {},
  ) {
    this.workers = workers;
    this.copyImage = copyImage;
    this.schedule = schedule;
    this.backend = schedule.backend ?? 'mediapipe';
    this.poseModel = this.backend === 'tfjs' ? null : (schedule.poseModel ?? 'lite');
  }

  /**
   * Starts the workers and loads the models (a second or two). Without `backend`, uses the choice
   * remembered by the backend probe (never probes itself); falls back to TF.js when MediaPipe's
   * wasm does not start. Throws VisionError.
   */
  static async start(options: LandmarkPipelineOptions = {}): Promise<LandmarkPipeline> {
    const { landmarkers = ALL_LANDMARKERS, bodyEveryK, maxBodyAgeMs, onProgress, probeImage, onProbe, ...requested } = options;
    const schedule = { bodyEveryK, maxBodyAgeMs };
    const tally = new LoadProgressTally();
    const onFile: OnFileProgress = (file) => onProgress?.(tally.add(file));
    let choice = requested.backend === undefined ? readRememberedChoice() : null;
    if (choice === null && probeImage !== undefined && requested.backend === undefined && requested.poseModel === undefined) {
      onProbe?.(true);
      try {
        choice = await probeOnFirstRun(probeImage, onFile);
      } finally {
        onProbe?.(false);
      }
    }
    const config = requested.backend === undefined ? withRememberedChoice(requested, choice) : requested;
    try {
      const workers = await startWorkers(landmarkers, config, onFile);
      return new LandmarkPipeline(workers, undefined, { ...schedule, backend: config.backend ?? 'mediapipe', poseModel: config.poseModel ?? 'lite' });
    } catch (error) {
      if (!(error instanceof VisionError) || error.code !== 'wasm' || config.backend === 'tfjs') throw error;
      // Some browsers cannot start tasks-vision's wasm: TF.js runs on its own wasm backend.
      const workers = await startWorkers(landmarkers, { ...config, backend: 'tfjs' }).catch(() => Promise.reject(error));
      return new LandmarkPipeline(workers, undefined, { ...schedule, backend: 'tfjs' });
    }
  }

  get kinds(): readonly LandmarkerKind[] {
    return this.workers.map((w) => w.kind);
  }

  /** Per landmarker: the delegate that runs, and why the GPU was not used when asked for. */
  get delegates(): readonly { readonly kind: LandmarkerKind; readonly delegate: LandmarkerDelegate; readonly fallbackReason: string | null }[] {
    return this.workers.map((w) => ({ kind: w.kind, delegate: w.delegate, fallbackReason: w.fallbackReason }));
  }

  /** TF.js tensors alive per worker after its latest frame (empty on MediaPipe): steady while running, or they leak. */
  liveTensors(): Partial<Record<LandmarkerKind, number>> {
    const counts: Partial<Record<LandmarkerKind, number>> = {};
    for (const worker of this.workers) if (typeof worker.liveTensors === 'number') counts[worker.kind] = worker.liveTensors;
    return counts;
  }

  statsSnapshot(): PipelineStatsSnapshot {
    return this.stats.snapshot(performance.now());
  }

  /**
   * Pulls frames from `source` until it ends, `stop()` is called or a landmarker fails. Frames are
   * closed here (or by the workers). The source is not closed.
   */
  async run(source: FrameSource, callbacks: PipelineCallbacks): Promise<PipelineEnd> {
    if (this.running) throw new Error('LandmarkPipeline.run is already running');
    if (this.disposed) throw new Error('LandmarkPipeline was disposed');
    this.running = true;
    this.lastFaceSeed = null;
    for (const worker of this.workers) worker.beginStream();
    let failed = null as VisionError | null;
    const fail: Fail = (error) => {
      // After stop()/dispose() the workers are gone on purpose: their rejections are not failures.
      if (failed || !this.running) return;
      failed = error instanceof VisionError ? error : new VisionError({ code: 'worker', message: errorMessage(error) }, { cause: error });
      this.running = false;
      callbacks.onError?.(failed);
    };
    const face = this.workers.find((w) => w.kind === 'face');
    const pose = this.workers.find((w) => w.kind === 'pose');
    const staggered = face !== undefined && pose !== undefined && this.workers.length === 2 && this.schedule.bodyEveryK !== 1;
    const step = staggered ? this.cadenceStep(face, pose, callbacks, fail) : this.togetherStep(callbacks, fail);
    let end: PipelineEnd = 'stopped';
    try {
      while (this.running) {
        const frame = await source.nextFrame();
        if (frame === null) {
          if (this.running) end = 'source-ended';
          break;
        }
        const receivedAt = performance.now();
        this.stats.frameDelivered(receivedAt);
        const taken = this.running && step.take(frame, source.kind === 'camera' ? frame.tMs : receivedAt);
        if (!taken) {
          frame.image.close();
          if (this.running) this.stats.frameDropped();
        }
      }
      // The last frame's result still arrives (unless stopped) before run() returns.
      await step.settled();
    } finally {
      this.running = false;
    }
    return failed ? 'error' : end;
  }

  /** Ends the current run after the frame being awaited (results in flight are not reported). */
  stop(): void {
    this.running = false;
  }

  /** Stops and terminates the workers. Idempotent. */
  dispose(): void {
    this.stop();
    this.disposed = true;
    for (const worker of this.workers) worker.terminate();
  }

  /** Every worker gets every analysed frame; a frame is taken only when all are free. */
  private togetherStep(callbacks: PipelineCallbacks, fail: Fail): FrameStep {
    const lane: Lane = { current: null };
    return {
      take: (frame, startMs) => {
        if (lane.current !== null || this.workers.some((w) => w.busy)) return false;
        occupy(lane, this.analyseTogether(frame, startMs, callbacks).catch(fail));
        return true;
      },
      settled: () => settle([lane]),
    };
  }

  private async analyseTogether(frame: SourceFrame, startMs: number, callbacks: PipelineCallbacks): Promise<void> {
    const images = await imagesFor(frame.image, this.workers.length, this.copyImage);
    // The body of this frame is found in parallel: the face is seeded by the last frame's.
    const seed = this.lastFaceSeed;
    const outcomes = await Promise.all(this.workers.map((worker, i) => worker.detect(images[i] ?? frame.image, frame.tMs, worker.kind === 'face' ? seed : null)));
    if (!this.running) return;
    const detections: LandmarkerDetection[] = [];
    const inferenceMs: Partial<Record<LandmarkerKind, number>> = {};
    for (const outcome of outcomes) {
      if (outcome.status === 'skipped') return;
      detections.push(outcome.detection);
      inferenceMs[outcome.detection.kind] = outcome.inferenceMs;
      if (outcome.detection.kind === 'pose') this.lastFaceSeed = faceSeedFrom(outcome.detection.poses);
    }
    const hasBody = detections.some((d) => d.kind === 'pose');
    this.report(frame, startMs, detections, inferenceMs, { bodyHeld: false, bodyAgeMs: hasBody ? 0 : null }, callbacks);
  }

  /** The face on every frame it is free for, the body on every k-th (or the next frame it is free), its last result lent in between. */
  private cadenceStep(face: RemoteLandmarker, pose: RemoteLandmarker, callbacks: PipelineCallbacks, fail: Fail): FrameStep {
    const fixedK = typeof this.schedule.bodyEveryK === 'number' ? this.schedule.bodyEveryK : null;
    const adaptive = new AdaptiveBodyEveryK();
    const policy = (k: number) => ({ bodyEveryK: k, bodyNeeded: true, maxBodyAgeMs: this.schedule.maxBodyAgeMs ?? DEFAULT_MAX_BODY_AGE_MS });
    let k = fixedK ?? adaptive.k;
    const cadence = new LandmarkerCadence(policy(k));
    const faceLane: Lane = { current: null };
    const poseLane: Lane = { current: null };
    /** The cadence asked for the body and the body worker was busy: it runs on the next frame it is free for. */
    let bodyDue = false;
    let lastBody: { readonly tMs: number; readonly inferenceMs: number } | null = null;
    const bodyTimed = (tMs: number, inferenceMs: number): void => {
      lastBody = { tMs, inferenceMs };
      if (fixedK !== null) return;
      adaptive.bodyTimed(inferenceMs);
      if (adaptive.k !== k) {
        k = adaptive.k;
        cadence.setPolicy(policy(k));
      }
    };
    /** The newest frame that arrived while the face was busy: it goes next (one slot, the older one is dropped). */
    let waiting: { readonly frame: SourceFrame; readonly startMs: number } | null = null;
    const faceFree = (): boolean => faceLane.current === null && !face.busy;
    const startWaiting = (): void => {
      const next = waiting;
      if (next === null || !faceFree()) return;
      waiting = null;
      if (this.running) start(next.frame, next.startMs);
      else next.frame.image.close();
    };
    const start = (frame: SourceFrame, startMs: number): void => {
        // Also due when the held body would be too old by the time a new one could arrive (a large k on a slow frame rate).
        const maxAgeMs = this.schedule.maxBodyAgeMs ?? DEFAULT_MAX_BODY_AGE_MS;
        bodyDue = cadence.next().pose || cadence.heldBodyFor(frame.tMs + maxAgeMs / 2) === null || bodyDue;
        const runBody = bodyDue && poseLane.current === null && !pose.busy;
        if (runBody) bodyDue = false;
        const images = imagesFor(frame.image, runBody ? 2 : 1, this.copyImage);
        // Both lanes share the copy: when it fails, imagesFor has closed every bitmap and both report the one error.
        if (runBody) {
          const bodyDone = images.then((both) => pose.detect(both[1] ?? frame.image, frame.tMs));
          occupy(
            poseLane,
            bodyDone.then((outcome) => {
              if (outcome.status !== 'done' || outcome.detection.kind !== 'pose') return;
              cadence.bodySeen(outcome.detection.poses, frame.tMs);
              bodyTimed(frame.tMs, outcome.inferenceMs);
            }).catch(fail),
          );
        }
        occupy(
          faceLane,
          images
            .then((both) => face.detect(both[0] ?? frame.image, frame.tMs, faceSeedFrom(cadence.heldBodyFor(frame.tMs)?.poses ?? [])))
            .then(async (outcome) => {
              if (!this.running || outcome.status === 'skipped') return;
              let held = cadence.heldBodyFor(frame.tMs);
              // No recent body (the body model's slow first frame, a stall): wait for the one in flight rather than report none.
              if (held === null && poseLane.current !== null) {
                await poseLane.current;
                held = cadence.heldBodyFor(frame.tMs);
              }
              const detections: LandmarkerDetection[] = [outcome.detection, { kind: 'pose', poses: held?.poses ?? [] }];
              const inferenceMs: Partial<Record<LandmarkerKind, number>> = { [outcome.detection.kind]: outcome.inferenceMs };
              const own = held !== null && held.tMs === frame.tMs;
              if (own && lastBody?.tMs === frame.tMs) inferenceMs.pose = lastBody.inferenceMs;
              this.report(frame, startMs, detections, inferenceMs, { bodyHeld: held !== null && !own, bodyAgeMs: held === null ? null : frame.tMs - held.tMs }, callbacks);
            })
            .catch(fail),
        );
        void faceLane.current?.then(startWaiting);
    };
    return {
      take: (frame, startMs) => {
        adaptive.frameDelivered(frame.tMs);
        if (faceFree()) {
          start(frame, startMs);
          return true;
        }
        if (waiting !== null) {
          waiting.frame.image.close();
          this.stats.frameDropped();
        }
        waiting = { frame, startMs };
        return true;
      },
      settled: async () => {
        await settle([faceLane, poseLane]);
        // Stopped or failed with a frame still waiting: nobody will analyse it.
        waiting?.frame.image.close();
        waiting = null;
      },
    };
  }

  private report(
    frame: SourceFrame,
    startMs: number,
    detections: readonly LandmarkerDetection[],
    inferenceMs: Partial<Record<LandmarkerKind, number>>,
    body: Pick<PipelineResult, 'bodyHeld' | 'bodyAgeMs'>,
    callbacks: PipelineCallbacks,
  ): void {
    if (!this.running) return;
    const now = performance.now();
    const latencyMs = now - startMs;
    this.stats.frameAnalysed(now, latencyMs);
    callbacks.onResult({ observation: combineDetections(frame, detections), latencyMs, inferenceMs, ...body, stats: this.stats.snapshot(now) });
  }
}

/** How a run hands frames to the workers. */
interface FrameStep {
  /** True when the frame was taken (its bitmap now belongs to the workers); false: the caller drops it. */
  take(frame: SourceFrame, startMs: number): boolean;
  /** Resolves when the work in flight is done. */
  settled(): Promise<void>;
}

function occupy(lane: Lane, work: Promise<void>): void {
  const current = work.then(() => {
    if (lane.current === current) lane.current = null;
  });
  lane.current = current;
}

async function settle(lanes: readonly Lane[]): Promise<void> {
  for (;;) {
    const pending = lanes.flatMap((lane) => (lane.current ? [lane.current] : []));
    if (pending.length === 0) return;
    await Promise.all(pending);
  }
}

async function startWorkers(kinds: readonly LandmarkerKind[], config: Omit<LandmarkerConfig, 'kind'>, onProgress?: OnFileProgress): Promise<RemoteLandmarker[]> {
  const started = await Promise.allSettled(kinds.map((kind) => WorkerLandmarker.start({ ...config, kind }, onProgress)));
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    for (const worker of workers) worker.terminate();
    throw failure.reason instanceof VisionError ? failure.reason : new VisionError({ code: 'worker', message: errorMessage(failure.reason) });
  }
  return workers;
}

/** Times the backends in workers on one real frame and remembers the choice (null: none started). */
async function probeOnFirstRun(probeImage: () => Promise<FrameImage>, onProgress: OnFileProgress): Promise<StoredBackendChoice | null> {
  const image = await probeImage();
  try {
    const parallel = (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2;
    return await probeAndRemember(workerProbeTimer(image, { onProgress }), choiceStorage(), globalThis.navigator?.userAgent ?? '', { ...DEFAULT_BACKEND_POLICY, parallel });
  } finally {
    image.close();
  }
}

function choiceStorage(): ChoiceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The backend probe's remembered choice for this browser (null: none, or storage unavailable). */
function readRememberedChoice(): StoredBackendChoice | null {
  try {
    return parseStoredChoice(choiceStorage()?.getItem(BACKEND_CHOICE_STORAGE_KEY) ?? null, globalThis.navigator?.userAgent ?? '');
  } catch {
    return null;
  }
}

/** Applies a remembered probe choice to a config that did not name a backend (an explicit pose model wins). */
export function withRememberedChoice<T extends Omit<LandmarkerConfig, 'kind'>>(config: T, choice: StoredBackendChoice | null): T {
  if (choice === null || config.backend !== undefined) return config;
  const models = backendModels(choice.id);
  if (models.backend === 'tfjs') return { ...config, backend: 'tfjs' };
  return { ...config, backend: 'mediapipe', poseModel: config.poseModel ?? models.poseModel };
}

/** One bitmap per worker (a transferred bitmap can go to one worker only): the original plus copies. */
async function imagesFor(image: FrameImage, count: number, copyImage: CopyImage): Promise<FrameImage[]> {
  const copies = await Promise.allSettled(Array.from({ length: Math.max(0, count - 1) }, () => copyImage(image)));
  const made = copies.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
  const failure = copies.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failure) {
    for (const bitmap of [image, ...made]) bitmap.close();
    throw new VisionError({ code: 'worker', message: `Could not copy the frame: ${errorMessage(failure.reason)}` });
  }
  return [image, ...made];
}
