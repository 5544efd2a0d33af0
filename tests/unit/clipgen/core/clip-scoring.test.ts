import { describe, expect, it } from 'vitest';
import { countIsExact, errorStats, neutralFrames, peakErrors, repExtremes } from '../../../../tools/clipgen/core/clip-scoring';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../../tools/clipgen/core/trajectory';

const truth = buildGroundTruth(
  parseTrajectory({
    id: 't',
    exercise: 'head-turns',
    segments: [
      { kind: 'hold', durationMs: 1000 },
      { kind: 'rep', axis: 'yaw', peakDeg: 30, outMs: 1000, holdMs: 300, backMs: 1000 },
      { kind: 'rep', axis: 'yaw', peakDeg: -30, outMs: 1000, holdMs: 300, backMs: 1000 },
      { kind: 'swing', axis: 'yaw', amplitudeDeg: 10, durationMs: 1200 },
    ],
  }),
);

describe('clip scoring', () => {
  it('judges a rep by its own extreme, a swing by both', () => {
    expect(repExtremes(truth.reps[0]!).map((e) => [e.axis, e.sign, Math.round(e.trueDeg)])).toEqual([['yaw', 1, 30]]);
    expect(repExtremes(truth.reps[1]!).map((e) => [e.axis, e.sign, Math.round(e.trueDeg)])).toEqual([['yaw', -1, -30]]);
    expect(repExtremes(truth.reps[2]!).map((e) => e.sign)).toEqual([1, -1]);
  });

  it('measures the error of the extreme inside each rep: a reading scaled by 0.8 errs by 20 %', () => {
    const measured = truth.frames.map((f) => ({ yawDeg: 0.8 * f.yawDeg, pitchDeg: 0, rollDeg: 0 }));
    const errors = peakErrors(truth, measured);
    expect(errors[0]?.errorDeg).toBeCloseTo(-6, 6);
    expect(errors[1]?.errorDeg).toBeCloseTo(6, 6);
    const stats = errorStats(errors.map((e) => e.errorDeg));
    expect(stats.maxAbsDeg).toBeCloseTo(6, 6);
  });

  it('gives null errors where the face was never found, and skips them in the statistics', () => {
    const errors = peakErrors(truth, truth.frames.map(() => null));
    expect(errors.every((e) => e.errorDeg === null)).toBe(true);
    expect(errorStats(errors.map((e) => e.errorDeg))).toEqual({ n: 0, meanAbsDeg: null, maxAbsDeg: null });
  });

  it('takes the lead-in hold as the neutral window', () => {
    expect(neutralFrames(truth)).toEqual({ start: 0, end: 30 });
  });

  it('calls a count exact only when the total and every side match', () => {
    expect(countIsExact(truth, 3, { left: 1, right: 1 })).toBe(true);
    expect(countIsExact(truth, 3, { left: 2, right: 0 })).toBe(false);
    expect(countIsExact(truth, 2, { left: 1, right: 1 })).toBe(false);
  });
});
