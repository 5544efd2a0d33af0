import { describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../../src/core/landmarks';
import { FrameProcessor } from '../../../src/core/pipeline/frame-to-sample';
import { findExercise } from '../../../src/core/protocol/protocol';
import { createExerciseEngine } from '../../../src/core/reps/exercise-engine';
import { syntheticBody, syntheticFace, syntheticFrame } from '../core/head-pose/synthetic-subject';

const FRAME_MS = 1000 / 30;

function personAt(tMs: number, yawDeg = 0): FrameObservation {
  const pose = { head: { yawDeg, pitchDeg: 0, rollDeg: 0 } };
  return syntheticFrame(tMs, [syntheticFace(pose)], [syntheticBody(pose)]);
}

function frames(fromMs: number, count: number): FrameObservation[] {
  return Array.from({ length: count }, (_, i) => personAt(fromMs + i * FRAME_MS));
}

describe('one broken timestamp does not stop the pipeline', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('FrameProcessor goes on after a frame at %s ms', (badMs) => {
    const processor = new FrameProcessor({ neutral: null });
    frames(0, 30).forEach((f) => processor.process(f));
    const bad = processor.process(personAt(badMs));
    expect(bad.sample.present).toBe(false);
    const after = frames(1000, 30).map((f) => processor.process(f).sample);
    expect(after.at(-1)?.present).toBe(true);
  });

  it('the exercise engine ignores a sample at a non-finite time and counts on', () => {
    const exercise = findExercise('head-turns');
    if (exercise === undefined) throw new Error('head-turns is not in the protocol');
    const engine = createExerciseEngine(exercise);
    const processor = new FrameProcessor({ neutral: null });
    let state = engine.initial;
    const samples = frames(0, 60).map((f) => processor.process(f).sample);
    for (const sample of samples) state = engine.step(state, sample).state;
    const before = state;
    for (const tMs of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(engine.step(state, { ...samples[0]!, tMs }).state).toBe(before);
    }
  });
});
