import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_GAP_MS } from '../../../src/core/frame-time';
import { NeutralCalibrator } from '../../../src/core/head-pose/neutral-calibrator';
import type { FrameObservation } from '../../../src/core/landmarks';
import { FrameProcessor } from '../../../src/core/pipeline/frame-to-sample';
import { INITIAL_QUALITY_STATE, updateQuality } from '../../../src/core/quality';
import type { ExerciseSample } from '../../../src/core/reps/exercise-sample';
import { createEngineForExercise, stepEngine } from '../../../src/core/reps/run-engine';
import { syntheticBody, syntheticFace, syntheticFrame } from '../core/head-pose/synthetic-subject';

const FRAME_MS = 1000 / 30;
const TURN_AMPLITUDE_DEG = 40;
/** One head turn to each side every 2 s: enough for the engine to count reps in a few seconds. */
const TURN_PERIOD_MS = 2000;
const RUNS = 40;

function personAt(tMs: number, yawDeg: number): FrameObservation {
  const pose = { head: { yawDeg, pitchDeg: 0, rollDeg: 0 } };
  return syntheticFrame(tMs, [syntheticFace(pose)], [syntheticBody(pose)]);
}

interface Case {
  readonly startMs: number;
  readonly frames: readonly FrameObservation[];
  /** Index of the frame whose time is replaced by garbage (never the first: it sets the timeline). */
  readonly badIndex: number;
  readonly badTMs: number;
}

/** Garbage for a frame after `lastGoodMs`: not finite, absurdly far ahead, or earlier. */
function garbageAfter(lastGoodMs: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, Number.MAX_VALUE, -1e300),
    fc.double({ min: lastGoodMs + MAX_FRAME_GAP_MS + 1, max: 1e300, noNaN: true }),
    fc.double({ min: -1e300, max: lastGoodMs, noNaN: true }),
  );
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({ startMs: fc.double({ min: 0, max: 1e9, noNaN: true }), count: fc.integer({ min: 90, max: 150 }), badFraction: fc.double({ min: 0, max: 0.9, noNaN: true }) })
  .chain(({ startMs, count, badFraction }) => {
    const frames = Array.from({ length: count }, (_, i) => {
      const tMs = startMs + i * FRAME_MS;
      return personAt(tMs, TURN_AMPLITUDE_DEG * Math.sin((2 * Math.PI * i * FRAME_MS) / TURN_PERIOD_MS));
    });
    const badIndex = 1 + Math.floor(badFraction * (count - 2));
    return garbageAfter(frames[badIndex - 1]!.tMs).map((badTMs) => ({ startMs, frames, badIndex, badTMs }));
  });

/** The frames with the garbage frame inserted before frame `badIndex` (an extra frame, not a replacement). */
function withGarbage(c: Case): FrameObservation[] {
  const bad = c.frames[c.badIndex]!;
  return [...c.frames.slice(0, c.badIndex), { ...bad, tMs: c.badTMs }, ...c.frames.slice(c.badIndex)];
}

function samplesOf(frames: readonly FrameObservation[]): ExerciseSample[] {
  const processor = new FrameProcessor({ neutral: null });
  return frames.map((frame) => processor.process(frame).sample);
}

/** The good frames' samples only (the garbage one, at index `badIndex`, removed). */
function withoutGarbageSample(samples: readonly ExerciseSample[], badIndex: number): ExerciseSample[] {
  return [...samples.slice(0, badIndex), ...samples.slice(badIndex + 1)];
}

describe('one garbage timestamp is as if it never happened: tracking resumes on the next good frames', () => {
  it('FrameProcessor', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const clean = samplesOf(c.frames);
        const dirty = samplesOf(withGarbage(c));
        expect(dirty[c.badIndex]!.present).toBe(false);
        expect(withoutGarbageSample(dirty, c.badIndex)).toEqual(clean);
        expect(dirty.at(-1)!.present).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('the exercise engine (head turns): same state and events, reps still counted', () => {
    const engine = createEngineForExercise('head-turns');
    const run = (samples: readonly ExerciseSample[]) => stepEngine(engine, samples);
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const samples = samplesOf(c.frames);
        const bad = { ...samples[c.badIndex]!, tMs: c.badTMs };
        const clean = run(samples);
        const dirty = run([...samples.slice(0, c.badIndex), bad, ...samples.slice(c.badIndex)]);
        expect(dirty.events).toEqual(clean.events);
        expect({ ...dirty.state, jumpMs: null }).toEqual({ ...clean.state, jumpMs: null });
        expect(dirty.state.lastMs).toBe(c.frames.at(-1)!.tMs);
        expect(clean.events.filter((event) => event.type === 'rep').length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('the tracking quality', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const run = (frames: readonly FrameObservation[]) => frames.reduce((state, frame) => updateQuality(state, frame).state, INITIAL_QUALITY_STATE);
        const dirty = run(withGarbage(c));
        expect(dirty).toEqual(run(c.frames));
        expect(dirty.lastTMs).toBe(c.frames.at(-1)!.tMs);
      }),
      { numRuns: RUNS },
    );
  });

  it('the neutral calibration still completes', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const calibrator = new NeutralCalibrator();
        const processor = new FrameProcessor({ neutral: null });
        // A still head: the calibration needs a hold, not turns.
        const still = withGarbage(c).map((frame) => personAt(frame.tMs, 0));
        const last = still.map((frame) => calibrator.add(processor.process(frame).estimate)).at(-1);
        expect(last?.neutral).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a true long pause is not taken for garbage', () => {
  it('after more than MAX_FRAME_GAP_MS without frames, tracking resumes from the second frame on', () => {
    const processor = new FrameProcessor({ neutral: null });
    const before = Array.from({ length: 30 }, (_, i) => personAt(i * FRAME_MS, 0));
    const resumeMs = 29 * FRAME_MS + 2 * MAX_FRAME_GAP_MS;
    const after = Array.from({ length: 30 }, (_, i) => personAt(resumeMs + i * FRAME_MS, 0));
    before.forEach((frame) => processor.process(frame));
    const samples = after.map((frame) => processor.process(frame).sample);
    expect(samples[0]!.present).toBe(false);
    expect(samples.at(-1)!.present).toBe(true);
  });
});
