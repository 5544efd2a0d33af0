import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGroundTruth, frameCount } from '../../../../tools/clipgen/core/ground-truth';
import { parseTrajectory, type Trajectory } from '../../../../tools/clipgen/core/trajectory';
import { scanTruth } from '../../../support/clipgen/scan-truth';

/** Angles are computed, not measured: only floating-point error is allowed. */
const EXACT_DEG = 1e-9;

function trajectory(segments: unknown[], fps = 30): Trajectory {
  return parseTrajectory({ id: 't', exercise: 'head-turns', fps, segments });
}

describe('buildGroundTruth', () => {
  it('lying: every frame says what the lying exercises read; a torso rise is a rep going up, peaking at its hold', () => {
    const truth = scanTruth(
      'supine-rise-neck-stretch',
      15,
      [
        { kind: 'body-move', to: {}, durationMs: 1000, arms: 'hands-on-floor' },
        { kind: 'body-rep', channel: 'torso-rise', peak: 40, outMs: 1000, holdMs: 400, backMs: 1000, arms: 'hands-on-floor' },
      ],
      { position: 'supine' },
    );
    expect(truth.scanView?.position).toBe('supine');
    expect(truth.expectedCount).toEqual({ total: 1, bySide: { up: 1 } });
    const rep = truth.reps[0];
    expect(truth.frames[rep?.peakFrame ?? -1]?.lying?.torsoRiseDeg).toBeCloseTo(40, 6);
    expect(truth.frames[0]?.lying?.torsoRiseDeg).toBeCloseTo(0, 9);
    expect(truth.frames.every((f) => f.body?.arms === 'hands-on-floor' && f.lying !== undefined)).toBe(true);
    // Upright frames carry no lying reading at all (their truth files are as before).
    expect(buildGroundTruth(trajectory([{ kind: 'hold', durationMs: 100 }])).frames[0]).not.toHaveProperty('lying');
  });

  it('samples one frame per 1/fps, first at 0 ms and last at the end', () => {
    const truth = buildGroundTruth(trajectory([{ kind: 'hold', durationMs: 1000 }]));
    expect(truth.frameCount).toBe(31);
    expect(truth.frames[30]?.tMs).toBeCloseTo(1000, 9);
    expect(frameCount(1010, 30)).toBe(32);
  });

  it('gives every frame the arm pose of the segment under way, switching on the first frame of the next', () => {
    const truth = buildGroundTruth(
      trajectory([
        { kind: 'hold', durationMs: 1000 },
        { kind: 'rep', axis: 'pitch', peakDeg: 8, outMs: 500, holdMs: 1000, backMs: 500, arms: 'hands-behind-head' },
        { kind: 'hold', durationMs: 500 },
      ]),
    );
    const arms = truth.frames.map((f) => f.arms);
    expect(arms.slice(0, 30).every((a) => a === 'rest')).toBe(true);
    expect(arms.slice(30, 90).every((a) => a === 'hands-behind-head')).toBe(true);
    expect(arms.slice(90).every((a) => a === 'rest')).toBe(true);
    expect(arms).toHaveLength(106);
  });

  it('places a held rep exactly: boundaries, peak frame in the hold, peak angle = scripted, side and count', () => {
    const truth = buildGroundTruth(
      trajectory([
        { kind: 'hold', durationMs: 500 },
        { kind: 'rep', axis: 'yaw', peakDeg: 40, outMs: 1000, holdMs: 400, backMs: 1000 },
        { kind: 'rep', axis: 'yaw', peakDeg: -30, outMs: 1000, holdMs: 400, backMs: 1000 },
        { kind: 'rep', axis: 'pitch', peakDeg: -8, outMs: 300, backMs: 300, counts: false },
      ]),
    );
    const [left, right, shallow] = truth.reps;
    expect(left).toMatchObject({ side: 'left', startFrame: 15, endFrame: 87, counts: true });
    expect(left?.peak.yawDeg).toBeCloseTo(40, 9);
    expect(left?.peakFrame).toBeGreaterThanOrEqual(45);
    expect(left?.peakFrame).toBeLessThanOrEqual(57);
    expect(right?.side).toBe('right');
    expect(right?.peak.yawDeg).toBeCloseTo(-30, 9);
    expect(shallow?.side).toBe('down');
    expect(truth.expectedCount).toEqual({ total: 2, bySide: { left: 1, right: 1 } });
    expect(truth.frames[15]?.yawDeg).toBeCloseTo(0, 9);
    expect(truth.holds).toHaveLength(1);
  });

  it('property: any sequence of held reps gives exact peaks, counts per side and a neutral end', () => {
    const repArb = fc.record({
      axis: fc.constantFrom('yaw', 'pitch', 'roll'),
      peakDeg: fc.integer({ min: -60, max: 60 }).filter((v) => v !== 0),
      outMs: fc.integer({ min: 100, max: 2000 }),
      holdMs: fc.integer({ min: 100, max: 1000 }),
      backMs: fc.integer({ min: 100, max: 2000 }),
      counts: fc.boolean(),
      profile: fc.constantFrom('minimum-jerk', 'jerky', 'linear'),
    });
    fc.assert(
      fc.property(fc.array(repArb, { minLength: 1, maxLength: 6 }), (reps) => {
        const truth = buildGroundTruth(trajectory(reps.map((r) => ({ kind: 'rep', ...r }))));
        const key = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;
        reps.forEach((r, i) => {
          const rep = truth.reps[i];
          expect(Math.abs((rep?.peak[key[r.axis]] ?? NaN) - r.peakDeg)).toBeLessThan(EXACT_DEG);
          expect(rep?.startFrame).toBeLessThan(rep?.peakFrame ?? -1);
          expect(rep?.peakFrame).toBeLessThan(rep?.endFrame ?? -1);
        });
        expect(truth.expectedCount.total).toBe(reps.filter((r) => r.counts).length);
        const last = truth.frames[truth.frames.length - 1];
        expect(Math.abs(last?.yawDeg ?? NaN) + Math.abs(last?.pitchDeg ?? NaN) + Math.abs(last?.rollDeg ?? NaN)).toBeLessThan(EXACT_DEG);
      }),
      { numRuns: 60 },
    );
  });

  it('marks too-fast reps and measures their peak speed (min-jerk peak = 1.875 · amplitude / duration)', () => {
    const truth = buildGroundTruth(
      trajectory([{ kind: 'rep', axis: 'yaw', peakDeg: 30, outMs: 250, holdMs: 0, backMs: 250, tempo: 'too-fast' }], 120),
    );
    expect(truth.expectedTooFast).toBe(1);
    // Sampled at 120 fps the frame-to-frame speed is within a few % of the analytic peak.
    expect(truth.reps[0]?.peakSpeedDegPerS).toBeCloseTo((1.875 * 30) / 0.25, -1);
  });

  it('circles: clockwise (subject view) goes to the subject\'s left first, tops out at 2r above the start, returns', () => {
    const truth = buildGroundTruth(
      trajectory([
        { kind: 'move', to: { pitchDeg: -20 }, durationMs: 500 },
        { kind: 'circle', radiusDeg: 10, durationMs: 3000, direction: 'clockwise' },
        { kind: 'circle', radiusDeg: 10, durationMs: 3000, direction: 'counterclockwise' },
      ]),
    );
    const [cw, ccw] = truth.reps;
    expect(cw?.side).toBe('clockwise');
    expect(cw?.peak.pitchDeg).toBeCloseTo(0, 1);
    expect(cw?.range.yaw.max).toBeCloseTo(10, 1);
    const quarter = truth.frames[(cw?.startFrame ?? 0) + 20];
    expect(quarter?.yawDeg).toBeGreaterThan(0);
    expect(truth.frames[(ccw?.startFrame ?? 0) + 20]?.yawDeg).toBeLessThan(0);
    expect(truth.frames[cw?.endFrame ?? 0]?.pitchDeg).toBeCloseTo(-20, 9);
    expect(truth.expectedCount.bySide).toEqual({ clockwise: 1, counterclockwise: 1 });
  });

  it('swings (shakes) count once, side none, reaching ± amplitude', () => {
    const truth = buildGroundTruth(trajectory([{ kind: 'swing', axis: 'yaw', amplitudeDeg: 12, durationMs: 1200 }]));
    expect(truth.reps).toHaveLength(1);
    expect(truth.reps[0]?.side).toBe('none');
    expect(truth.reps[0]?.range.yaw.max).toBeCloseTo(12, 1);
    expect(truth.reps[0]?.range.yaw.min).toBeCloseTo(-12, 1);
  });
});
