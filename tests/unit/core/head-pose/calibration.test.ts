import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { multiplyMat3, rotationZ } from '../../../../src/core/geometry/mat3';
import { ANGLE_SOURCES, type HeadAngles, type HeadPoseEstimate } from '../../../../src/core/head-pose/head-angles';
import { CALIBRATION_STATES, NeutralCalibrator } from '../../../../src/core/head-pose/neutral-calibrator';
import { relativeToNeutral } from '../../../../src/core/head-pose/relative-to-neutral';

const FRAME_MS = 33;
const ANGLE_TOLERANCE_DEG = 1e-6;

function estimate(tMs: number, head: HeadAngles | null, confidence = 0.9): HeadPoseEstimate {
  return { tMs, head, neck: null, trunk: null, confidence, source: ANGLE_SOURCES.face, faceConfidence: confidence, bodyConfidence: 0 };
}

const NEUTRAL = { yawDeg: -5, pitchDeg: 3, rollDeg: 1 };
/** Deterministic jitter of ±2° around the neutral. */
const jittered = (k: number): HeadAngles => ({
  yawDeg: NEUTRAL.yawDeg + 2 * Math.sin(k * 1.7),
  pitchDeg: NEUTRAL.pitchDeg + 2 * Math.cos(k * 2.3),
  rollDeg: NEUTRAL.rollDeg + Math.sin(k * 0.9),
});

describe('NeutralCalibrator', () => {
  it('reports progress and measures the neutral as the median of a still hold', () => {
    const calibrator = new NeutralCalibrator({ holdMs: 2000 });
    let status = calibrator.status();
    const progress: number[] = [];
    for (let k = 0; status.state !== CALIBRATION_STATES.done && k < 200; k += 1) {
      status = calibrator.add(estimate(k * FRAME_MS, jittered(k)));
      progress.push(status.progress);
    }
    expect(status.state).toBe(CALIBRATION_STATES.done);
    expect(progress.every((p, k) => k === 0 || p >= (progress[k - 1] ?? 0))).toBe(true);
    // Done after about 2 s of frames, not earlier.
    expect(progress.length).toBeGreaterThanOrEqual(2000 / FRAME_MS);
    expect(progress.length).toBeLessThanOrEqual(2000 / FRAME_MS + 2);
    expect(Math.abs((status.neutral?.yawDeg ?? NaN) - NEUTRAL.yawDeg)).toBeLessThan(0.5);
    expect(Math.abs((status.neutral?.pitchDeg ?? NaN) - NEUTRAL.pitchDeg)).toBeLessThan(0.5);
    expect(status.spreadDeg).toBeLessThan(4.5);
  });

  it('refuses a hold in which the head moved, and starts over', () => {
    const calibrator = new NeutralCalibrator({ holdMs: 2000, maxSpreadDeg: 8 });
    for (let k = 0; k < 30; k += 1) calibrator.add(estimate(k * FRAME_MS, jittered(k)));
    const moved = calibrator.add(estimate(30 * FRAME_MS, { ...NEUTRAL, yawDeg: 25 }));
    expect(moved.state).toBe(CALIBRATION_STATES.moved);
    expect(moved.progress).toBe(0);
    expect(moved.neutral).toBeNull();
  });

  it('ignores low-confidence, missing, repeated and out-of-order frames', () => {
    const calibrator = new NeutralCalibrator({ holdMs: 1000 });
    calibrator.add(estimate(0, NEUTRAL));
    calibrator.add(estimate(100, { ...NEUTRAL, yawDeg: 60 }, 0.1));
    calibrator.add(estimate(200, null));
    calibrator.add(estimate(200, { ...NEUTRAL, yawDeg: 60 }));
    calibrator.add(estimate(50, { ...NEUTRAL, yawDeg: 60 }));
    const status = calibrator.add(estimate(300, NEUTRAL));
    expect(status.state).toBe(CALIBRATION_STATES.collecting);
    expect(status.spreadDeg).toBe(0);
    expect(status.progress).toBeCloseTo(0.3, 9);
  });

  it('starts over after a long gap without a usable face', () => {
    const calibrator = new NeutralCalibrator({ holdMs: 1000, maxGapMs: 500 });
    for (let k = 0; k < 20; k += 1) calibrator.add(estimate(k * FRAME_MS, NEUTRAL));
    const after = calibrator.add(estimate(20 * FRAME_MS + 2000, NEUTRAL));
    expect(after.progress).toBe(0);
  });

  it('reset() forgets the neutral', () => {
    const calibrator = new NeutralCalibrator({ holdMs: 100 });
    for (let k = 0; k < 10; k += 1) calibrator.add(estimate(k * FRAME_MS, NEUTRAL));
    expect(calibrator.status().state).toBe(CALIBRATION_STATES.done);
    calibrator.reset();
    expect(calibrator.status()).toEqual({ state: CALIBRATION_STATES.collecting, progress: 0, spreadDeg: 0, neutral: null });
  });
});

describe('relativeToNeutral', () => {
  const small = fc.double({ min: -30, max: 30, noNaN: true });
  it('is zero at the neutral and equals the angles for a zero neutral', () => {
    fc.assert(
      fc.property(fc.record({ yawDeg: small, pitchDeg: small, rollDeg: small }), (a) => {
        const atNeutral = relativeToNeutral(a, a);
        expect(Math.abs(atNeutral.yawDeg) + Math.abs(atNeutral.pitchDeg) + Math.abs(atNeutral.rollDeg)).toBeLessThan(ANGLE_TOLERANCE_DEG);
        const fromZero = relativeToNeutral(a, { yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
        expect(fromZero.yawDeg).toBeCloseTo(a.yawDeg, 6);
        expect(fromZero.pitchDeg).toBeCloseTo(a.pitchDeg, 6);
      }),
    );
  });

  it('a pure nod stays a pure pitch when the camera is off to the side', () => {
    const neutral = { yawDeg: 30, pitchDeg: 0, rollDeg: 0 };
    // Nodding 20° about the head's own left-right axis.
    const nodded = { yawDeg: 30, pitchDeg: 20, rollDeg: 0 };
    const relative = relativeToNeutral(nodded, neutral);
    expect(relative.pitchDeg).toBeCloseTo(20, 6);
    expect(relative.yawDeg).toBeCloseTo(0, 6);
    // A side tilt of 20° about the head's own forward axis, the neutral turned 30°: a pure roll,
    // although in camera terms it mixes pitch and roll.
    const tilted = rotationToAngles(multiplyMat3(anglesToMatrix(neutral), rotationZ((-20 * Math.PI) / 180)));
    expect(Math.abs(tilted.pitchDeg)).toBeGreaterThan(5);
    const relativeTilt = relativeToNeutral(tilted, neutral);
    expect(relativeTilt.rollDeg).toBeCloseTo(20, 6);
    expect(relativeTilt.pitchDeg).toBeCloseTo(0, 6);
  });

  it('subtracts the neutral yaw for a plain turn', () => {
    const relative = relativeToNeutral({ yawDeg: 55, pitchDeg: 0, rollDeg: 0 }, { yawDeg: -5, pitchDeg: 0, rollDeg: 0 });
    expect(relative.yawDeg).toBeCloseTo(60, 9);
  });
});
