import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { towardCameraSample } from '../../../../src/core/pipeline/toward-camera';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';

/** prone-ear-to-floor reads the face's turn toward a floor camera (pipeline/toward-camera.ts). */
const FRAME_MS = 1000 / 15;

/** Samples at 15 fps: 0 (no face) for `restFrames`, then `values`, then 0 again. */
function samples(values: readonly number[], restFrames = 15): ExerciseSample[] {
  const all = [...Array<number>(restFrames).fill(0), ...values, ...Array<number>(restFrames).fill(0)];
  return all.map((value, i) => towardCameraSample({ tMs: i * FRAME_MS, imageAspect: 0.75 }, value));
}

/** A turn toward the camera at the left: the face found at `peak` for `frames` frames. */
const turn = (peak: number, frames: number): number[] => Array<number>(frames).fill(peak);

function count(values: readonly number[]): ReturnType<typeof summarizeEvents> & { events: ReturnType<typeof runEngine>['events'] } {
  const { events } = runEngine(createEngineForExercise('prone-ear-to-floor'), samples(values));
  return { ...summarizeEvents(events), events };
}

describe('prone-ear-to-floor: turns toward the floor camera', () => {
  it('counts a turn where the face comes within 35° of facing the camera for 4 frames, on the camera’s side', () => {
    // 80° turns read 64–65 at 1 m (docs/clipgen.md, face down); the face appears at once.
    expect(count([...turn(64, 6), ...Array<number>(8).fill(0), ...turn(66, 6)])).toMatchObject({ reps: 2, bySide: { left: 2 } });
    expect(count(turn(-65, 6))).toMatchObject({ reps: 1, bySide: { right: 1 } });
  });

  it('does not count a turn stopped short (a 40° turn reads 37–40, or no face)', () => {
    const summary = count(turn(40, 12));
    expect(summary.reps).toBe(0);
    expect(summary.incomplete).toBe(1);
  });

  it('does not count a face seen for fewer than 4 frames', () => {
    expect(count(turn(65, 3)).reps).toBe(0);
  });

  it('neither pauses nor warns while no face is found (face down is the start)', () => {
    const { events, reps } = count([]);
    expect(reps).toBe(0);
    expect(events.filter((e) => e.type === 'paused')).toEqual([]);
    expect(events.filter((e) => e.type === 'feedback')).toEqual([]);
  });

  it('is not told "too fast" or "jerky" for the face appearing at once', () => {
    const { events, reps } = count(turn(65, 8));
    expect(reps).toBe(1);
    const kinds = events.flatMap((e) => (e.type === 'feedback' ? [e.kind] : []));
    expect(kinds).not.toContain('too-fast');
    expect(kinds).not.toContain('jerky');
  });

  it('never counts readings that stay below the threshold, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -54.9, max: 54.9, noNaN: true }), { maxLength: 90 }), (values) => {
        expect(count(values).reps).toBe(0);
      }),
      { numRuns: 80 },
    );
  });

  it('counts every separated turn that holds past the threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 56, max: 89, noNaN: true }), fc.integer({ min: 4, max: 20 })), { minLength: 1, maxLength: 5 }), (turns) => {
        const values = turns.flatMap(([peak, frames]) => [...turn(peak, frames), ...Array<number>(6).fill(0)]);
        expect(count(values)).toMatchObject({ reps: turns.length, bySide: { left: turns.length } });
      }),
      { numRuns: 60 },
    );
  });
});
