import { describe, expect, it } from 'vitest';
import { binErrors, emptyBins, frameErrors, maxErrorStep, mergeBins, repPeakErrors, summarizeBins } from '../../../../src/clipgen/core/range-scoring';

const at = (yawDeg: number, pitchDeg = 0, rollDeg = 0) => ({ yawDeg, pitchDeg, rollDeg });

describe('range scoring', () => {
  const truth = [at(0), at(20), at(45), at(70), at(85), at(90), at(70, 0, 25)];
  const estimate = [at(0.5), at(21), at(40, 2), null, at(60), at(62), at(66, 0, 20)];
  const errors = frameErrors(truth, estimate);

  it('bins each frame by |true angle| per axis, with all three axes\' errors and the share of frames with an angle', () => {
    const bins = summarizeBins(binErrors(truth, errors));
    expect(bins['yaw 0-30']).toEqual({ frames: 2, coverage: 1, mae: { yaw: 0.75, pitch: 0, roll: 0 }, max: { yaw: 1, pitch: 0, roll: 0 } });
    expect(bins['yaw 30-60']?.mae).toEqual({ yaw: 5, pitch: 2, roll: 0 });
    // 70° twice: one frame lost, one read 66 with roll 20 for 25.
    expect(bins['yaw 60-75']).toMatchObject({ frames: 2, coverage: 0.5, mae: { yaw: 4, roll: 5 } });
    expect(bins['yaw 75-90']).toMatchObject({ frames: 2, mae: { yaw: 26.5 }, max: { yaw: 28 } });
    expect(bins['roll 20-45']).toMatchObject({ frames: 1, max: { roll: 5 } });
    expect(bins['roll 0-20']?.frames).toBe(6);
    expect(bins['pitch 60+']).toBeUndefined();
  });

  it('merges clips by adding frames and errors, keeping the larger max', () => {
    const total = emptyBins();
    mergeBins(total, binErrors(truth, errors));
    mergeBins(total, binErrors([at(10)], frameErrors([at(10)], [at(13)])));
    expect(summarizeBins(total)['yaw 0-30']).toMatchObject({ frames: 3, mae: { yaw: (0.5 + 1 + 3) / 3 }, max: { yaw: 3 } });
  });

  it('scores a head read just past 90° (yaw 85 with pitch and roll 180, i.e. yaw 95) against 88 as 7° off, not 180', () => {
    const [err] = frameErrors([at(88)], [at(85, 180, -180)]);
    expect(err?.yawDeg).toBeCloseTo(7, 9);
    expect(Math.abs(err?.pitchDeg ?? Number.NaN)).toBeCloseTo(0, 9);
    expect(Math.abs(err?.rollDeg ?? Number.NaN)).toBeCloseTo(0, 9);
    // Differences wrap: roll 179 against −179 is 2° apart.
    expect(frameErrors([at(0, 0, -179)], [at(0, 0, 179)])[0]?.rollDeg).toBeCloseTo(-2, 9);
    // A wrong side stays wrong: −60 read for +60 is 120° off.
    expect(frameErrors([at(60)], [at(-60)])[0]?.yawDeg).toBeCloseTo(-120, 9);
  });

  it('finds the largest frame-to-frame error step, skipping frames without an angle', () => {
    // errors: 0.5, 1, −5 (pitch 2), –, −25, −28, −4 (roll −5): steps 0.5, 6, (gap), 3, 24.
    expect(maxErrorStep(errors)).toBeCloseTo(24, 9);
    expect(maxErrorStep([at(-170), at(170)])).toBeCloseTo(20, 9);
  });

  it('scores each rep by its worst extreme inside its frames', () => {
    const peaks = repPeakErrors(
      [
        { startFrame: 0, endFrame: 5, extremes: [{ axis: 'yaw', sign: 1 }] },
        { startFrame: 3, endFrame: 3, extremes: [{ axis: 'yaw', sign: 1 }] },
        { startFrame: 5, endFrame: 6, extremes: [{ axis: 'yaw', sign: 1 }, { axis: 'roll', sign: 1 }] },
      ],
      truth,
      estimate,
    );
    // The third: yaw 90 true, 66 at most measured (62 and 66): 24; roll 25 vs 20: 5.
    expect(peaks).toEqual([28, null, 24]);
  });
});
