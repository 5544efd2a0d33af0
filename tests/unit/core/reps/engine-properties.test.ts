import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Landmark } from '../../../../src/core/landmarks';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import { excursionConfig } from '../../../../src/core/reps/counter-config';
import { resolveEngineOptions } from '../../../../src/core/reps/engine-options';
import { ENGINE_PHASES, type EngineState } from '../../../../src/core/reps/exercise-engine';
import type { ExerciseEvent } from '../../../../src/core/reps/exercise-events';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { frontPose } from '../../../support/traces/synthetic-person';
import { excursion, ramp, render, still, toSample, type Segment } from '../../../support/traces/synthetic-traces';

const AXIS = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;

const anyExerciseId = fc.constantFrom(...PROTOCOL.exercises.map((e) => e.id));
const headExerciseId = fc.constantFrom(...PROTOCOL.exercises.filter((e) => ['yaw', 'pitch', 'roll', 'head-path'].includes(e.signal)).map((e) => e.id));
const excursionHeadExercise = fc.constantFrom(...PROTOCOL.exercises.filter((e) => e.counting === 'excursion' && ['yaw', 'pitch', 'roll'].includes(e.signal)));
const headAxis = fc.constantFrom(...Object.values(AXIS));
/** The exercises counted on one head angle (turns, nods, tilts, shakes). */
const angleExercise = fc.constantFrom(...PROTOCOL.exercises.filter((e) => e.signal in AXIS));

const wild = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 0, -0),
  fc.double({ min: -200, max: 200, noNaN: true }),
);
const wildAngles = fc.option(fc.record({ yawDeg: wild, pitchDeg: wild, rollDeg: wild }), { nil: null });
const wildLandmark: fc.Arbitrary<Landmark> = fc.record({ x: wild, y: wild, z: wild, visibility: wild });
const wildPose = fc.oneof(
  fc.constant(null),
  fc.constant(frontPose()),
  fc.array(wildLandmark, { minLength: 0, maxLength: 40 }),
  fc.array(fc.double({ min: -0.01, max: 0.01, noNaN: true }), { minLength: 33, maxLength: 33 }).map((d) => frontPose().map((l, i) => ({ ...l, x: l.x + (d[i] ?? 0) }))),
);
const wildSample: fc.Arbitrary<ExerciseSample> = fc.record({
  tMs: fc.oneof(fc.integer({ min: -1000, max: 100_000 }), wild),
  present: fc.boolean(),
  angles: wildAngles,
  velocity: wildAngles,
  confidence: wild,
  pose: wildPose,
  face: fc.constant(null),
  imageAspect: fc.option(wild, { nil: undefined }),
});

function stateIsValid(state: EngineState, kind: string): boolean {
  const finiteOrNull = (v: number | null): boolean => v === null || Number.isFinite(v);
  return (
    Object.values(ENGINE_PHASES).includes(state.phase) &&
    state.counter.kind === kind &&
    finiteOrNull(state.lastMs) &&
    finiteOrNull(state.lastSignalMs) &&
    Object.values(state.stats.best).every((v) => Number.isFinite(v))
  );
}

function eventsAreValid(events: readonly ExerciseEvent[]): boolean {
  return events.every((e) => Number.isFinite(e.tMs) && (e.type !== 'rep' || (Number.isFinite(e.peakDeg) && Number.isFinite(e.durationMs) && e.durationMs >= 0)));
}

describe('engine properties (fast-check)', () => {
  it('never throws and never yields an invalid state on garbage (NaN, Infinity, huge values, bad times)', () => {
    fc.assert(
      fc.property(anyExerciseId, fc.array(wildSample, { maxLength: 120 }), (id, samples) => {
        const engine = createEngineForExercise(id);
        let state = engine.initial;
        for (const sample of samples) {
          const out = engine.step(state, sample);
          expect(stateIsValid(out.state, engine.exercise.counting)).toBe(true);
          expect(eventsAreValid(out.events)).toBe(true);
          state = out.state;
        }
        expect(eventsAreValid(engine.finish(state, Number.NaN).events)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is pure: the same samples always give the same events, and the input state is never changed', () => {
    fc.assert(
      fc.property(anyExerciseId, fc.array(wildSample, { maxLength: 60 }), (id, samples) => {
        const engine = createEngineForExercise(id);
        const first = runEngine(engine, samples);
        const frozen = JSON.stringify(engine.initial);
        const second = runEngine(engine, samples);
        expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
        expect(JSON.stringify(engine.initial)).toBe(frozen);
      }),
      { numRuns: 100 },
    );
  });

  it('counts never decrease, per side, as samples arrive', () => {
    const movement = fc.array(fc.record({ peak: fc.integer({ min: -80, max: 80 }), ms: fc.integer({ min: 200, max: 1500 }), hold: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(headExerciseId, headAxis, movement, (id, axis, moves) => {
        const samples = render([still(800), ...moves.flatMap((m) => [excursion(axis, m.peak, m.ms, m.hold), still(300)])]);
        const engine = createEngineForExercise(id);
        let state = engine.initial;
        const events: ExerciseEvent[] = [];
        let previous = summarizeEvents([]);
        for (const sample of samples) {
          const out = engine.step(state, sample);
          state = out.state;
          events.push(...out.events);
          const now = summarizeEvents(events);
          expect(now.reps).toBeGreaterThanOrEqual(previous.reps);
          for (const [side, n] of Object.entries(previous.bySide)) expect(now.bySide[side] ?? 0).toBeGreaterThanOrEqual(n);
          previous = now;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('jitter around a threshold never counts twice', () => {
    fc.assert(
      fc.property(
        excursionHeadExercise,
        fc.constantFrom<'start' | 'rest' | 'count'>('start', 'rest', 'count'),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.integer({ min: 1000, max: 8000 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (exercise, which, jitterFraction, hoverMs, seed) => {
          const config = excursionConfig(exercise, resolveEngineOptions({}, exercise.unit));
          const direction = config.directions[0];
          if (direction === undefined) return;
          const level = which === 'start' ? config.startAt : which === 'rest' ? config.restAt : direction.countAt;
          // Jitter smaller than half the hysteresis band cannot cross both of its edges.
          const jitter = (jitterFraction * (config.startAt - config.restAt)) / 2;
          let s = seed;
          const noise = (): number => {
            s = (s * 16807) % 2147483647;
            return (s / 2147483647) * 2 - 1;
          };
          const axis = AXIS[exercise.signal as keyof typeof AXIS];
          const signed = direction.sign * level;
          const hover: Segment = { durationMs: hoverMs, frame: () => ({ angles: { [axis]: signed + direction.sign * jitter * noise() } }) };
          const samples = render([still(1000), ramp(axis, 0, signed, 600), hover, ramp(axis, signed, 0, 600), still(1000)]);
          const summary = summarizeEvents(runEngine(createEngineForExercise(exercise.id), samples).events);
          expect(summary.reps + summary.incomplete).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a monotone sweep counts at most one rep', () => {
    fc.assert(
      fc.property(
        headExerciseId,
        headAxis,
        fc.array(fc.double({ min: -120, max: 120, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.boolean(),
        (id, axis, values, ascending) => {
          const sorted = [...values].sort((a, b) => (ascending ? a - b : b - a));
          // Fill in at most 5° per frame so the sweep is a movement, not a jump.
          const path: number[] = [];
          sorted.forEach((v, i) => {
            const from = i === 0 ? v : (sorted[i - 1] ?? v);
            const steps = Math.max(1, Math.ceil(Math.abs(v - from) / 5));
            for (let k = 1; k <= steps; k++) path.push(from + ((v - from) * k) / steps);
          });
          const samples = path.map((v, i) => toSample(i * 33, { angles: { [axis]: v } }));
          expect(summarizeEvents(runEngine(createEngineForExercise(id), samples).events).reps).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('the unsmoothed angles change no count, side, peak or incompleteness: only a rep\'s speed and smoothness', () => {
    fc.assert(
      fc.property(
        angleExercise,
        fc.array(fc.tuple(fc.constantFrom(-1, 1), fc.double({ min: 15, max: 80, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (exercise, reps, offsets) => {
          const axis = AXIS[exercise.signal as keyof typeof AXIS];
          const segments: Segment[] = [still(1200)];
          // One turn each way first, so that every exercise (some count one direction) sees a rep.
          for (const [sign, peak] of [[1, 50], [-1, 50], ...reps] as const) segments.push(excursion(axis, sign * peak, 700), still(500));
          const samples = render(segments);
          // The reading before smoothing: the smoothed angles moved by a few degrees, as a lagging filter leaves them.
          const withReading = samples.map((sample, k) => ({
            ...sample,
            unsmoothedAngles: sample.angles === null ? null : { ...sample.angles, [axis]: sample.angles[axis] + (offsets[k % offsets.length] ?? 0) },
          }));
          const plain = runEngine(createEngineForExercise(exercise.id), samples).events;
          const read = runEngine(createEngineForExercise(exercise.id), withReading).events;
          expect(plain.some((e) => e.type === 'rep')).toBe(true);
          // Feedback is what a rep's speed and smoothness say: it may change, the counting may not.
          const counted = (events: readonly ExerciseEvent[]) =>
            events.filter((e) => e.type !== 'feedback').map((e) => (e.type === 'rep' ? { type: e.type, tMs: e.tMs, side: e.side, complete: e.complete, peakDeg: e.peakDeg } : e));
          expect(counted(read)).toEqual(counted(plain));
        },
      ),
      { numRuns: 100 },
    );
  });
});
