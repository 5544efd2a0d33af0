import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExerciseEvent, RepEvent } from '../../../../src/core/reps/exercise-events';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { loopConfig } from '../../../../src/core/reps/counter-config';
import { LOOP_INITIAL, stepLoop, type LoopState, type PathPoint } from '../../../../src/core/reps/loop-counter';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { RawRep } from '../../../../src/core/reps/raw-rep';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { trajectoryToArrays } from '../../../../src/core/reps/trajectory';
import { gaussian, seededRandom } from '../../../../tools/synthetic/seeded-random';
import { minimumJerk, render, still, type Segment } from '../../../support/traces/synthetic-traces';

/**
 * A head circle's speed and smoothness are read from the head's path before causal smoothing, as
 * a head turn's are (rep-metrics.ts): the loop keeps the path length along the tracker's readings
 * before its filters beside the length along the smoothed angles it winds.
 */

const FRAME_MS = 1000 / 30;
const RADIUS_DEG = 20;
const PERIOD_MS = 4000;
/** A circle travelled with a minimum-jerk phase peaks at 1.875 × its circumference / its duration. */
const TRUE_PEAK_DEG_S = (1.875 * 2 * Math.PI * RADIUS_DEG) / (PERIOD_MS / 1000);

/** About the neutral, from the bottom (the chin down): to the subject's left first (clockwise as the subject sees it). */
function circleAt(t: number): { yawDeg: number; pitchDeg: number } {
  const phase = 2 * Math.PI * minimumJerk(t / PERIOD_MS);
  return { yawDeg: RADIUS_DEG * Math.sin(phase), pitchDeg: -RADIUS_DEG * Math.cos(phase) };
}

/** Frames by which the smoothed reading trails the head while the chin is down (the body carries the pitch there). */
const CHIN_DOWN_LAG_FRAMES = 6;

/**
 * The readings a lagging causal chain gives: on time while the chin is up, CHIN_DOWN_LAG_FRAMES
 * late while it is down past half the radius, the lag growing and shrinking over a tenth of the
 * radius (the head tracker smooths the body's reading more than the face's, and the face hands a
 * deep nod's pitch to the body over 15–30°). The smoothed head falls behind, then catches up.
 */
function lagging(t: number): { yawDeg: number; pitchDeg: number } {
  const now = circleAt(t);
  const depth = Math.min(1, Math.max(0, (-now.pitchDeg / RADIUS_DEG - 0.45) / 0.1));
  return circleAt(Math.max(0, t - depth * CHIN_DOWN_LAG_FRAMES * FRAME_MS));
}

function circleSegment(read: (t: number) => { yawDeg: number; pitchDeg: number }): Segment {
  return { durationMs: PERIOD_MS, frame: (t) => ({ angles: read(t) }) };
}

const bottom = { angles: { yawDeg: 0, pitchDeg: -RADIUS_DEG } };
const tilt: Segment = { durationMs: 800, frame: (t) => ({ angles: { pitchDeg: -RADIUS_DEG * minimumJerk(t / 800) } }) };

function twoCircles(read: (t: number) => { yawDeg: number; pitchDeg: number }): ExerciseSample[] {
  return render([still(1200), tilt, circleSegment(read), still(300, bottom), circleSegment(read), still(600, bottom)]);
}

/** Two circles read through the lagging chain, with the readings before it beside them. */
function samples(): ExerciseSample[] {
  const truth = twoCircles(circleAt);
  return twoCircles(lagging).map((s, k) => ({ ...s, unsmoothedAngles: truth[k]?.angles ?? null }));
}

function eventsOf(input: readonly ExerciseSample[]): readonly ExerciseEvent[] {
  return runEngine(createEngineForExercise('head-circles'), input).events;
}

function countedCircles(input: readonly ExerciseSample[]): RepEvent[] {
  return eventsOf(input).filter((e): e is RepEvent => e.type === 'rep' && e.complete);
}

const jerkyTold = (events: readonly ExerciseEvent[]): number => events.filter((e) => e.type === 'feedback' && e.kind === 'jerky').length;

describe('head circles: speed and smoothness before causal smoothing', () => {
  const truth = countedCircles(twoCircles(circleAt));

  it('the movement itself reads as two minimum-jerk circles at their speed', () => {
    expect(truth.map((r) => r.side)).toEqual(['clockwise', 'clockwise']);
    for (const rep of truth) {
      // One minimum-jerk stroke scores −1.40 (rep-feedback.ts: "jerky" below −2.35).
      expect(rep.sparc).toBeGreaterThan(-1.9);
      expect(Math.abs(rep.peakVelDegS - TRUE_PEAK_DEG_S) / TRUE_PEAK_DEG_S).toBeLessThan(0.15);
    }
  });

  it('the lagging chain’s path alone reads the circles less smooth (the fault this guards against)', () => {
    const smoothedOnly = countedCircles(samples().map(({ unsmoothedAngles: _before, ...s }) => s));
    expect(smoothedOnly).toHaveLength(2);
    smoothedOnly.forEach((rep, k) => expect(rep.sparc).toBeLessThan((truth[k]?.sparc ?? 0) - 0.3));
  });

  it('with the readings before smoothing, each circle reads the movement’s speed and smoothness', () => {
    const read = countedCircles(samples());
    expect(read.map((r) => r.side)).toEqual(['clockwise', 'clockwise']);
    read.forEach((rep, k) => {
      const own = truth[k];
      expect(Math.abs(rep.peakVelDegS - (own?.peakVelDegS ?? 0)) / (own?.peakVelDegS ?? 1)).toBeLessThan(0.05);
      expect(Math.abs(rep.sparc - (own?.sparc ?? 0))).toBeLessThan(0.15);
    });
    expect(jerkyTold(eventsOf(samples()))).toBe(0);
  });

  it('the readings before smoothing change what a circle is told, never what is counted', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 7 }), (offsets) => {
        const base = samples();
        const plain = runEngine(createEngineForExercise('head-circles'), base.map(({ unsmoothedAngles: _before, ...s }) => s)).events;
        const shifted = base.map((s, k) => {
          const a = s.angles;
          const d = offsets[k % offsets.length] ?? 0;
          return { ...s, unsmoothedAngles: a === null ? null : { ...a, yawDeg: a.yawDeg + d, pitchDeg: a.pitchDeg - d } };
        });
        const read = runEngine(createEngineForExercise('head-circles'), shifted).events;
        const counted = (events: readonly ExerciseEvent[]) =>
          events.filter((e) => e.type !== 'feedback').map((e) => (e.type === 'rep' ? { tMs: e.tMs, side: e.side, complete: e.complete, peakDeg: e.peakDeg } : e));
        expect(counted(read)).toEqual(counted(plain));
      }),
      { numRuns: 30 },
    );
  });
});

/** Jitter a frame on the tracker's readings before smoothing in a head circle (rendered scan, lite: about 0.5–0.75° per axis). */
const READING_JITTER_DEG = 0.7;

/** `samples` with Gaussian jitter on the readings before smoothing (seeded). */
function jittered(input: readonly ExerciseSample[], seed: number): ExerciseSample[] {
  const random = seededRandom(seed);
  return input.map((s) => {
    const a = s.unsmoothedAngles;
    return a === null || a === undefined ? s : { ...s, unsmoothedAngles: { ...a, yawDeg: a.yawDeg + READING_JITTER_DEG * gaussian(random), pitchDeg: a.pitchDeg + READING_JITTER_DEG * gaussian(random) } };
  });
}

/** One circle in three strokes with a stop between them (a stop-and-go circle). */
function stopAndGo(t: number): { yawDeg: number; pitchDeg: number } {
  const part = Math.min(2, Math.floor((3 * t) / PERIOD_MS));
  const u = (3 * t) / PERIOD_MS - part;
  const phase = ((2 * Math.PI) / 3) * (part + minimumJerk(Math.min(1, u / 0.7)));
  return { yawDeg: RADIUS_DEG * Math.sin(phase), pitchDeg: -RADIUS_DEG * Math.cos(phase) };
}

describe('head circles: the readings’ jitter', () => {
  const truth = countedCircles(twoCircles(circleAt));

  it('is neither jerk nor speed: the path’s length is taken along points smoothed as their noise needs', () => {
    for (const seed of [1, 2, 3]) {
      const events = eventsOf(jittered(samples(), seed));
      const read = events.filter((e): e is RepEvent => e.type === 'rep' && e.complete);
      expect(read).toHaveLength(2);
      read.forEach((rep, k) => {
        expect(rep.sparc).toBeGreaterThan((truth[k]?.sparc ?? 0) - 0.25);
        expect(Math.abs(rep.peakVelDegS - (truth[k]?.peakVelDegS ?? 0)) / (truth[k]?.peakVelDegS ?? 1)).toBeLessThan(0.1);
      });
      expect(jerkyTold(events)).toBe(0);
    }
  });

  it('does not hide a stop-and-go circle', () => {
    const smooth = twoCircles(stopAndGo);
    const plain = eventsOf(smooth.map((s) => ({ ...s, unsmoothedAngles: s.angles })));
    expect(jerkyTold(plain)).toBe(2);
    for (const seed of [1, 2, 3]) expect(jerkyTold(eventsOf(jittered(smooth.map((s) => ({ ...s, unsmoothedAngles: s.angles })), seed)))).toBe(2);
  });
});

describe('stepLoop: the path keeps the points read before smoothing', () => {
  // The product's own head-circle loop.
  const config = loopConfig(getExercise('head-circles'));
  const ring = (radius: number, n: number): PathPoint[] =>
    Array.from({ length: n + 1 }, (_, i) => ({ x: radius * Math.cos((2 * Math.PI * i) / n), y: radius * Math.sin((2 * Math.PI * i) / n) }));

  function loopOf(points: readonly PathPoint[], before?: readonly PathPoint[]): RawRep {
    let state: LoopState = LOOP_INITIAL;
    const out: RawRep[] = [];
    points.forEach((p, i) => {
      const step = stepLoop(config, state, i * FRAME_MS, p, { x: 0, y: 0 }, before?.[i] ?? null);
      state = step.state;
      out.push(...step.reps);
    });
    const rep = out.find((r) => r.complete);
    if (rep === undefined) throw new Error('no loop closed');
    return rep;
  }

  it('beside the length wound along the smoothed points, every point as read before smoothing', () => {
    // Wound on a ring of radius 30, read before smoothing on one of radius 32.
    const wound = ring(30, 36);
    const read = ring(32, 36);
    const path = trajectoryToArrays(loopOf(wound, read).path);
    const span = path.tMs.length - 1;
    expect((path.values[span] ?? 0) - (path.values[0] ?? 0)).toBeCloseTo(span * 2 * 30 * Math.sin(Math.PI / 36), 6);
    const first = Math.round((path.tMs[0] ?? 0) / FRAME_MS);
    expect(path.plane?.xs).toEqual(read.slice(first, first + path.tMs.length).map((p) => p.x));
    expect(path.plane?.ys).toEqual(read.slice(first, first + path.tMs.length).map((p) => p.y));
  });

  it('without readings before smoothing the path is the wound length alone (a body signal)', () => {
    expect(trajectoryToArrays(loopOf(ring(30, 36)).path).plane).toBeUndefined();
  });
});
