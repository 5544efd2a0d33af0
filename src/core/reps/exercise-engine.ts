import { admitFrameTime } from '../frame-time';
import type { HeadAngles } from '../head-pose/head-angles';
import { headStepDeg, headStepsMeaningful } from '../head-pose/head-step';
import type { ExerciseDefinition } from '../protocol/exercise-definition';
import { createCounterDriver, type AbortReason, type CounterDriver, type CounterInput, type CounterState } from './counter-driver';
import { resolveEngineOptions, type EngineOptions, type ResolvedEngineOptions } from './engine-options';
import type { ExerciseEvent } from './exercise-events';
import type { ExerciseSample } from './exercise-sample';
import { postureCheck, readsBodyBaseline, signalReader, signalSteps, type SignalReader } from './exercise-signals';
import type { PathPoint } from './loop-counter';
import type { CounterStep } from './raw-rep';
import { SpectrumWorkspace } from './fft';
import { EMPTY_REP_STATS, repFeedback, toRepEvent, updateStats, type RepStats } from './rep-feedback';
import { hypot2 } from '../geometry/hypot';
import { stringEnum, type EnumValue } from '../string-enum';

export const ENGINE_PHASES = stringEnum(
  'absent', // No person (or no usable signal for too long): nothing counts.
  'settling', // Just (re)appeared: getting into position; the baseline of body signals is learned.
  'active',
);
export type EnginePhase = EnumValue<typeof ENGINE_PHASES>;

export interface EngineState {
  readonly phase: EnginePhase;
  readonly phaseSinceMs: number | null;
  /** Last accepted timestamp: samples at or before it are ignored. */
  readonly lastMs: number | null;
  /** A refused forward jump in time, kept to see whether the next sample confirms it (admitFrameTime). */
  readonly jumpMs: number | null;
  readonly lastSignalMs: number | null;
  readonly lastPoint: PathPoint | null;
  /** Last finite head angles and their time, to catch jumps of the whole head (video cuts). */
  readonly lastHead: HeadAngles | null;
  readonly lastHeadMs: number | null;
  /** Settled rest position of body signals (x only for scalars). */
  readonly baseline: PathPoint | null;
  /** The baseline is settled and kept across a short absence (the rest position has not changed). */
  readonly baselineLocked: boolean;
  readonly counter: CounterState;
  readonly stats: RepStats;
  readonly postureBadSinceMs: number | null;
  readonly postureWarned: boolean;
}

export interface EngineStep {
  readonly state: EngineState;
  readonly events: readonly ExerciseEvent[];
}

export interface ExerciseEngine {
  readonly exercise: ExerciseDefinition;
  readonly options: ResolvedEngineOptions;
  readonly initial: EngineState;
  /** Pure: the same state and sample always give the same result; the input state is not changed. */
  step(state: EngineState, sample: ExerciseSample): EngineStep;
  /** End of the exercise or recording: a rep in progress is reported as incomplete. */
  finish(state: EngineState, tMs: number): EngineStep;
}

/** Time constant of the settle baseline: about the last third of a second before counting starts. */
const BASELINE_TAU_MS = 300;
/** An absence shorter than this keeps the settled rest position of body signals. */
const BASELINE_KEEP_MS = 10_000;
/**
 * While counting, the person missing for less than this is a landmarker missing them in a frame or
 * two (a fast head extension lost the face for one frame of the rendered head-back clip), not the
 * person leaving: the frames are skipped like unusable ones and the rep in progress goes on.
 */
const LEFT_FRAME_GRACE_MS = 200;
/** A posture problem must last this long before it is said (once, until it is fixed). */
const POSTURE_WARN_MS = 1000;

/** A head cannot turn this fast in a gentle exercise; a cut between two video shots easily does. */
const JUMP_HEAD_DEG_S = 600;

type EngineDraft = { -readonly [K in keyof EngineState]: EngineState[K] };

/**
 * A fresh copy of `state` for step() to fill in before returning it (the input is never
 * changed). Field by field on purpose: V8 copies an object spread (`{ ...state, lastMs }`) on a
 * slow generic path, ≈ 1 µs for this state, and every frame needs one or two copies.
 */
function copyState(state: EngineState): EngineDraft {
  return {
    phase: state.phase,
    phaseSinceMs: state.phaseSinceMs,
    lastMs: state.lastMs,
    jumpMs: state.jumpMs,
    lastSignalMs: state.lastSignalMs,
    lastPoint: state.lastPoint,
    lastHead: state.lastHead,
    lastHeadMs: state.lastHeadMs,
    baseline: state.baseline,
    baselineLocked: state.baselineLocked,
    counter: state.counter,
    stats: state.stats,
    postureBadSinceMs: state.postureBadSinceMs,
    postureWarned: state.postureWarned,
  };
}

/**
 * hypot2(dx, dy), exactly, but without calling it for a scalar signal (dy = 0, every frame):
 * V8's Math.hypot costs ~25 ns and allocates its result; hypot(dx, 0) is |dx|.
 */
function distance(dx: number, dy: number): number {
  return dy === 0 ? Math.abs(dx) : hypot2(dx, dy);
}

function finiteHead(sample: ExerciseSample): HeadAngles | null {
  const a = sample.angles;
  return a !== null && Number.isFinite(a.yawDeg) && Number.isFinite(a.pitchDeg) && Number.isFinite(a.rollDeg) ? a : null;
}

function read(reader: SignalReader, sample: ExerciseSample): PathPoint | null {
  if (reader.shape === 'scalar') {
    const raw = reader.raw(sample);
    return raw === null ? null : { x: raw, y: 0 };
  }
  if (reader.shape === 'path') return reader.raw(sample);
  return null;
}

function toInput(reader: SignalReader, sample: ExerciseSample, head: HeadAngles | null, point: PathPoint | null, baseline: PathPoint | null): CounterInput | null {
  if (reader.shape === 'placement') return { shape: 'placement', placement: reader.placement(sample), head };
  if (point === null) return null;
  if (reader.shape === 'scalar') {
    const value = reader.usesBaseline ? reader.relative(point.x, baseline?.x ?? point.x) : point.x;
    if (!Number.isFinite(value)) return null;
    // Only head angles have a reading before smoothing, and they need no baseline.
    const unsmoothed = reader.usesBaseline ? null : (reader.unsmoothed?.(sample) ?? null);
    return { shape: 'scalar', value, unsmoothed: unsmoothed ?? value, head };
  }
  const b = baseline ?? point;
  const before = reader.unsmoothed?.(sample) ?? null;
  return { shape: 'path', point: { x: point.x - b.x, y: point.y - b.y }, unsmoothed: before === null ? null : { x: before.x - b.x, y: before.y - b.y } };
}

export function createExerciseEngine(exercise: ExerciseDefinition, engineOptions: EngineOptions = {}): ExerciseEngine {
  const reader = signalReader(exercise.signal);
  const options = resolveEngineOptions(engineOptions, exercise.unit, readsBodyBaseline(reader));
  const driver: CounterDriver = createCounterDriver(exercise, options);
  const posture = postureCheck(exercise);
  // The rep metrics' DFT scratch and tables: this engine's own (not part of its state: results do not depend on it).
  const spectrum = new SpectrumWorkspace();
  const stepsByNature = signalSteps(exercise.signal);
  const headJumpsChecked = headStepsMeaningful(exercise.view) && !stepsByNature;
  const initial: EngineState = {
    phase: ENGINE_PHASES.absent,
    phaseSinceMs: null,
    lastMs: null,
    jumpMs: null,
    lastSignalMs: null,
    lastPoint: null,
    lastHead: null,
    lastHeadMs: null,
    baseline: null,
    baselineLocked: false,
    counter: driver.initial,
    stats: EMPTY_REP_STATS,
    postureBadSinceMs: null,
    postureWarned: false,
  };

  /** Turns a counter step into engine events: reps get metrics, bests and feedback. */
  function absorb(state: EngineState, step: CounterStep<CounterState>, events: ExerciseEvent[]): EngineState {
    let stats = state.stats;
    events.push(...step.events);
    for (const raw of step.reps) {
      const rep = toRepEvent(raw, stats, spectrum);
      events.push(rep, ...repFeedback(exercise, rep, stats, options.personalRange));
      stats = updateStats(stats, rep);
    }
    const next = copyState(state);
    next.counter = step.state;
    next.stats = stats;
    return next;
  }

  function abort(state: EngineState, tMs: number, reason: AbortReason, events: ExerciseEvent[]): EngineState {
    const aborted = absorb(state, driver.abort(state.counter, tMs, reason), events);
    const next = copyState(aborted);
    next.counter = driver.initial;
    next.lastPoint = null;
    return next;
  }

  /** Fastest axis of the head between two samples, deg/s (0 when unknown). */
  function headSpeed(state: EngineState, head: HeadAngles | null, tMs: number): number {
    if (!headJumpsChecked || head === null || state.lastHead === null || state.lastHeadMs === null) return 0;
    const dt = Math.max(1, tMs - state.lastHeadMs);
    return (headStepDeg(state.lastHead, head) * 1000) / dt;
  }

  function leave(state: EngineState, tMs: number, reason: 'left-frame' | 'lost-signal', events: ExerciseEvent[]): EngineState {
    const left = state.phase === ENGINE_PHASES.active ? abort(state, tMs, reason, events) : state;
    if (state.phase !== ENGINE_PHASES.absent) events.push({ type: 'paused', tMs, reason });
    return {
      ...left,
      phase: ENGINE_PHASES.absent,
      phaseSinceMs: tMs,
      lastSignalMs: null,
      lastPoint: null,
      lastHead: null,
      lastHeadMs: null,
      counter: driver.initial,
    };
  }

  function checkPosture(state: EngineState, sample: ExerciseSample, events: ExerciseEvent[]): EngineState {
    if (posture === null) return state;
    if (posture.ok(sample)) return state.postureBadSinceMs === null && !state.postureWarned ? state : { ...state, postureBadSinceMs: null, postureWarned: false };
    const since = state.postureBadSinceMs ?? sample.tMs;
    if (!state.postureWarned && sample.tMs - since >= POSTURE_WARN_MS) {
      events.push({ type: 'feedback', tMs: sample.tMs, kind: posture.kind, side: 'none' });
      return { ...state, postureBadSinceMs: since, postureWarned: true };
    }
    // Every frame while the posture is off: a copy, not a spread.
    const next = copyState(state);
    next.postureBadSinceMs = since;
    return next;
  }

  function step(previous: EngineState, sample: ExerciseSample): EngineStep {
    const tMs = sample.tMs;
    const time = admitFrameTime(previous.lastMs, previous.jumpMs, tMs);
    if (!time.accepted) return { state: time.jumpTMs === previous.jumpMs ? previous : { ...previous, jumpMs: time.jumpTMs }, events: [] };
    const events: ExerciseEvent[] = [];
    const accepted = copyState(previous);
    accepted.lastMs = tMs;
    accepted.jumpMs = null;
    let state: EngineState = accepted;
    if (sample.present !== true) {
      const since = state.lastSignalMs ?? state.phaseSinceMs ?? tMs;
      if (state.phase === ENGINE_PHASES.active && tMs - since < LEFT_FRAME_GRACE_MS) return { state, events };
      return { state: leave(state, tMs, 'left-frame', events), events };
    }
    if (state.phase === ENGINE_PHASES.absent) {
      // Back after a short absence: the rest position is kept (re-learning it now would take the
      // position the person came back in, maybe mid-rep). After a long one it is learned again.
      const keep = state.baselineLocked && state.phaseSinceMs !== null && tMs - state.phaseSinceMs <= BASELINE_KEEP_MS;
      state = {
        ...state,
        phase: ENGINE_PHASES.settling,
        phaseSinceMs: tMs,
        baseline: keep ? state.baseline : null,
        baselineLocked: keep,
        lastSignalMs: null,
      };
    }
    const confident = Number.isFinite(sample.confidence) && sample.confidence >= options.minConfidence;
    const point = confident ? read(reader, sample) : null;
    const usable = confident && (reader.shape === 'placement' || point !== null);
    if (!usable) {
      const since = state.lastSignalMs ?? state.phaseSinceMs ?? tMs;
      if (state.phase === ENGINE_PHASES.active && tMs - since > options.maxGapMs) return { state: leave(state, tMs, 'lost-signal', events), events };
      return { state, events };
    }
    if (state.phase === ENGINE_PHASES.settling) {
      const b = state.baseline;
      const dt = state.lastSignalMs === null ? 0 : tMs - state.lastSignalMs;
      const alpha = b === null ? 1 : 1 - Math.exp(-dt / BASELINE_TAU_MS);
      const learned = point === null ? null : b === null ? point : { x: b.x + alpha * (point.x - b.x), y: b.y + alpha * (point.y - b.y) };
      const baseline = state.baselineLocked ? b : learned;
      state = { ...state, baseline, lastSignalMs: tMs, lastPoint: point };
      if (tMs - (state.phaseSinceMs ?? tMs) < options.settleMs) return { state, events };
      state = { ...state, phase: ENGINE_PHASES.active, phaseSinceMs: tMs, counter: driver.initial, baselineLocked: true };
      events.push({ type: 'ready', tMs });
    }
    const head = finiteHead(sample);
    if (state.lastSignalMs !== null && tMs - state.lastSignalMs > options.maxGapMs) {
      state = abort(state, tMs, 'lost-signal', events);
    } else {
      const signalSpeed =
        point !== null && state.lastPoint !== null && state.lastSignalMs !== null
          ? (distance(point.x - state.lastPoint.x, point.y - state.lastPoint.y) * 1000) / Math.max(1, tMs - state.lastSignalMs)
          : 0;
      // A cut or a tracking swap moves the whole head at once: check every axis, not only the counted
      // one (pitch and roll only while facing the camera: head-step.ts).
      if ((!stepsByNature && signalSpeed > options.jumpSpeedPerS) || headSpeed(state, head, tMs) > JUMP_HEAD_DEG_S) state = abort(state, tMs, 'jump', events);
    }
    const input = toInput(reader, sample, head, point, state.baseline);
    const counted = input === null ? null : driver.step(state.counter, tMs, input);
    // Still the draft made on acceptance (the usual case): it is ours to fill in, no second copy.
    const next = state === accepted ? accepted : copyState(state);
    next.lastSignalMs = tMs;
    next.lastPoint = point;
    next.lastHead = head ?? state.lastHead;
    next.lastHeadMs = head === null ? state.lastHeadMs : tMs;
    next.counter = counted === null ? state.counter : counted.state;
    state = next;
    if (counted !== null && (counted.events.length > 0 || counted.reps.length > 0)) state = absorb(state, counted, events);
    state = checkPosture(state, sample, events);
    return { state, events };
  }

  function finish(state: EngineState, tMs: number): EngineStep {
    if (state.phase !== ENGINE_PHASES.active) return { state, events: [] };
    const events: ExerciseEvent[] = [];
    const at = Number.isFinite(tMs) ? Math.max(tMs, state.lastMs ?? tMs) : (state.lastMs ?? 0);
    return { state: abort(state, at, 'ended', events), events };
  }

  return { exercise, options, initial, step, finish };
}
