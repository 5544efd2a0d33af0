import { describe, expect, it } from 'vitest';
import { stepExcursion, type ExcursionConfig, type ExcursionState, EXCURSION_INITIAL } from '../../../../src/core/reps/excursion-counter';
import { movementMetrics } from '../../../../src/core/reps/rep-metrics';
import type { RawRep } from '../../../../src/core/reps/raw-rep';
import { appendPoint, trajectoryToArrays, type TrajectoryNode } from '../../../../src/core/reps/trajectory';
import { minimumJerk } from '../../../support/traces/synthetic-traces';

const FRAME_MS = 1000 / 30;
const AMPLITUDE = 90;
const STROKE_MS = 1500;
/** A minimum-jerk stroke of AMPLITUDE in STROKE_MS peaks at 1.875 · A / T. */
const TRUE_PEAK = (1.875 * AMPLITUDE) / (STROKE_MS / 1000);

/** 0 → 90° → 0 in two minimum-jerk strokes, with 0.3 s of rest before, between and after. */
function outAndBack(): { tMs: number[]; values: number[] } {
  const tMs: number[] = [], values: number[] = [];
  for (let k = 0; k * FRAME_MS <= 300 + 2 * STROKE_MS + 600; k += 1) {
    const t = k * FRAME_MS;
    const out = minimumJerk((t - 300) / STROKE_MS);
    const back = minimumJerk((t - 600 - STROKE_MS) / STROKE_MS);
    tMs.push(t);
    values.push(AMPLITUDE * (out - back));
  }
  return { tMs, values };
}

/** Frames by which the smoothed reading trails the movement where the body carries it. */
const BODY_LAG_FRAMES = 4;

/**
 * The values as a causal chain that lags past the face's range and not within it gives them (the
 * head tracker smooths a reading from the body more than one from the face, and BlazePose's own
 * reading trails the head): BODY_LAG_FRAMES late past 45°, on time below 30°, in between in
 * proportion. It delays the return stroke's start and not its end, so the smoothed return is
 * shorter, hence faster, than the movement.
 */
function laggingPastFaceRange(values: readonly number[]): number[] {
  return values.map((x, k) => {
    const share = Math.min(1, Math.max(0, (Math.abs(x) - 30) / 15));
    const at = Math.max(0, k - share * BODY_LAG_FRAMES);
    const i = Math.floor(at);
    const a = values[i] ?? 0, b = values[Math.min(values.length - 1, i + 1)] ?? a;
    return a + (b - a) * (at - i);
  });
}

describe('a rep’s peak speed and smoothness are measured before causal smoothing', () => {
  const { tMs, values: truth } = outAndBack();
  const smoothed = laggingPastFaceRange(truth);

  it('the smoothed values alone read the return stroke too fast (the fault this guards against)', () => {
    expect(movementMetrics({ tMs, values: smoothed }).peakVelDegS).toBeGreaterThan(1.15 * TRUE_PEAK);
  });

  it('with the unsmoothed values the peak speed and the smoothness are the movement’s, whatever the smoothed values', () => {
    const both = movementMetrics({ tMs, values: smoothed, unsmoothed: truth });
    expect(Math.abs(both.peakVelDegS - TRUE_PEAK) / TRUE_PEAK).toBeLessThan(0.05);
    // One minimum-jerk stroke scores −1.40 (rep-feedback.ts: "jerky" below −2.35).
    expect(both.sparc).toBeGreaterThan(-1.6);
    const flat = truth.map(() => 0);
    expect(movementMetrics({ tMs, values: flat, unsmoothed: truth })).toEqual(both);
  });
});

describe('trajectoryToArrays: the unsmoothed values', () => {
  function list(points: readonly (readonly [number, number, number])[]): TrajectoryNode | null {
    return points.reduce<TrajectoryNode | null>((path, [t, v, u]) => appendPoint(path, t, v, u), null);
  }

  it('come out beside the values when any differs from its value, oldest first', () => {
    expect(trajectoryToArrays(list([[0, 1, 1], [10, 2, 2.5], [20, 3, 3]]))).toEqual({ tMs: [0, 10, 20], values: [1, 2, 3], unsmoothed: [1, 2.5, 3] });
  });

  it('are left out when they are the values (a signal without smoothing)', () => {
    expect(trajectoryToArrays(list([[0, 1, 1], [10, 2, 2]]))).toEqual({ tMs: [0, 10], values: [1, 2] });
  });
});

describe('stepExcursion: the rep’s path', () => {
  const config: ExcursionConfig = {
    directions: [{ direction: 'left', sign: 1, countAt: 30 }, { direction: 'right', sign: -1, countAt: 30 }],
    startAt: 10,
    restAt: 5,
    holdMs: 0,
    maxRepMs: 10_000,
  };

  it('keeps the counted magnitudes and, beside them, the unsmoothed ones in the rep’s direction', () => {
    // A turn to the right (negative values), its reading 3° further right than the smoothed value.
    const smoothed = [0, -2, -12, -25, -40, -25, -12, -2];
    let state: ExcursionState = EXCURSION_INITIAL;
    const reps: RawRep[] = [];
    smoothed.forEach((value, k) => {
      const step = stepExcursion(config, state, k * FRAME_MS, value, value - 3);
      state = step.state;
      reps.push(...step.reps);
    });
    expect(reps).toHaveLength(1);
    const path = trajectoryToArrays(reps[0]?.path ?? null, reps[0]?.startMs);
    expect(path.values).toEqual([2, 12, 25, 40, 25, 12, 2]);
    expect(path.unsmoothed).toEqual([5, 15, 28, 43, 28, 15, 5]);
    expect(reps[0]?.peak).toBe(40);
  });
});
