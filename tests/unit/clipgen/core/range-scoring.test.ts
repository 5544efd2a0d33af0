import { describe, expect, it } from 'vitest';
import { binErrors, emptyBins, frameErrors, maxErrorStep, mergeBins, repPeakErrors, summarizeBins } from '../../../../tools/clipgen/core/range-scoring';

const at = (yawDeg: number, pitchDeg = 0, rollDeg = 0) => ({ yawDeg, pitchDeg, rollDeg });

describe('range scoring', () => {
  const truth = [at(0), at(20), at(45), at(70), at(85), at(90), at(0, 0, 25)];
  const estimate = [at(0.5), at(21), at(40), null, at(60), at(62), at(0, 0, 20)];
  const errors = frameErrors(truth, estimate);

  it('bins each frame by |true angle| per axis, with all three axes\' errors and the share of frames with an angle', () => {
    const bins = summarizeBins(binErrors(truth, errors));
    expect(bins['yaw 0-30']).toEqual({ frames: 3, coverage: 1, mae: { yaw: 0.5, pitch: 0, roll: 1.67 }, max: { yaw: 1, pitch: 0, roll: 5 } });
    expect(bins['yaw 30-60']?.mae).toEqual({ yaw: 5, pitch: 0, roll: 0 });
    expect(bins['yaw 60-75']).toMatchObject({ frames: 1, coverage: 0 });
    expect(bins['yaw 75-90']).toMatchObject({ frames: 2, coverage: 1, mae: { yaw: 26.5 }, max: { yaw: 28 } });
    expect(bins['roll 20-45']).toMatchObject({ frames: 1, max: { roll: 5 } });
    // Tilt bins leave out frames turned 75° or more (their pitch and roll are gimbal-bound).
    expect(bins['roll 0-20']?.frames).toBe(4);
    expect(bins['pitch 0-30']?.frames).toBe(5);
    expect(bins['pitch 60+']).toBeUndefined();
  });

  it('merges clips by adding frames and errors, keeping the larger max', () => {
    const total = emptyBins();
    mergeBins(total, binErrors(truth, errors));
    mergeBins(total, binErrors([at(10)], frameErrors([at(10)], [at(13)])));
    expect(summarizeBins(total)['yaw 0-30']).toMatchObject({ frames: 4, mae: { yaw: 1.13 }, max: { yaw: 3 } }); // (0.5 + 1 + 0 + 3) / 4, to 2 decimals
  });

  it('measures the error as the rotation between estimate and truth: equal to the difference on one axis', () => {
    const [yawOnly] = frameErrors([at(30)], [at(37)]);
    expect(yawOnly?.yawDeg).toBeCloseTo(7, 9);
    expect(yawOnly?.pitchDeg).toBeCloseTo(0, 9);
    const [pitchOnly] = frameErrors([at(0, -40)], [at(0, -31)]);
    expect(pitchOnly?.pitchDeg).toBeCloseTo(9, 9);
    // At 89° of yaw a 1° pitch nod of the estimate is a small error, whatever the angles' decomposition.
    const [nearProfile] = frameErrors([at(89)], [at(89, 1, 0)]);
    expect(Math.abs(nearProfile?.yawDeg ?? Number.NaN) + Math.abs(nearProfile?.pitchDeg ?? Number.NaN) + Math.abs(nearProfile?.rollDeg ?? Number.NaN)).toBeLessThan(2.1);
  });

  it('scores a head read just past 90° (yaw 85 with pitch and roll 180, i.e. yaw 95) against 88 as 7° off, not 180', () => {
    const [err] = frameErrors([at(88)], [at(85, 180, -180)]);
    expect(err?.yawDeg).toBeCloseTo(7, 9);
    expect(Math.abs(err?.pitchDeg ?? Number.NaN)).toBeCloseTo(0, 9);
    expect(Math.abs(err?.rollDeg ?? Number.NaN)).toBeCloseTo(0, 9);
    // Roll 179 against −179 is 2° apart.
    expect(frameErrors([at(0, 0, -179)], [at(0, 0, 179)])[0]?.rollDeg).toBeCloseTo(-2, 9);
    // A wrong side stays wrong: −60 read for +60 is 120° off, −80 for +85 165°.
    expect(frameErrors([at(60)], [at(-60)])[0]?.yawDeg).toBeCloseTo(-120, 9);
    expect(frameErrors([at(85)], [at(-80)])[0]?.yawDeg).toBeCloseTo(-165, 9);
  });

  it('finds the largest frame-to-frame error step, skipping frames without an angle', () => {
    // errors: yaw 0.5, 1, −5, –, −25, −28, then roll −5 with yaw 0: steps 0.5, 6, (gap), 3, 28.
    expect(maxErrorStep(errors)).toBeCloseTo(28, 9);
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
    // The third: yaw 90 true, 62 at most measured: 28; roll 25 vs 20: 5.
    expect(peaks).toEqual([28, null, 28]);
  });
});
