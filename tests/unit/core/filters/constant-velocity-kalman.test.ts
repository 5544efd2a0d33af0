import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConstantVelocityKalman } from '../../../../src/core/filters/constant-velocity-kalman';
import { seededRandom, gaussian } from '../../../../tools/synthetic/seeded-random';

const FRAME_MS = 1000 / 30;

describe('ConstantVelocityKalman', () => {
  it('follows a steady ramp without lag once it has its rate', () => {
    const filter = new ConstantVelocityKalman(5000, 100);
    let out = NaN;
    for (let k = 0; k <= 60; k += 1) out = filter.update(60 * (k * FRAME_MS) / 1000, 6, k * FRAME_MS);
    expect(Math.abs(out - 120)).toBeLessThan(0.5);
  });

  it('damps a noisy reading by how noisy it says it is', () => {
    const spread = (std: number): number => {
      const filter = new ConstantVelocityKalman(5000, 100);
      const random = seededRandom(3);
      const outs: number[] = [];
      for (let k = 0; k < 300; k += 1) {
        const out = filter.update(40 + 8 * gaussian(random), std, k * FRAME_MS);
        if (k > 30) outs.push(out);
      }
      const mean = outs.reduce((s, v) => s + v, 0) / outs.length;
      return Math.sqrt(outs.reduce((s, v) => s + (v - mean) ** 2, 0) / outs.length);
    };
    // Declared precise, the reading passes almost as it is (spread ≈ 8); declared noisy, it is damped.
    expect(spread(0.5)).toBeGreaterThan(6);
    expect(spread(8)).toBeLessThan(0.6 * spread(0.5));
  });

  it('takes the first reading as it is and ignores repeated or earlier times', () => {
    const filter = new ConstantVelocityKalman(5000, 100);
    expect(filter.update(12, 6, 100)).toBe(12);
    expect(filter.update(50, 6, 100)).toBe(12);
    expect(filter.update(50, 6, 50)).toBe(12);
    filter.reset();
    expect(filter.update(-7, 6, 0)).toBe(-7);
  });

  it('gives a finite value for any finite readings at increasing times, and keeps a constant exactly (property)', () => {
    const reading = fc.double({ min: -180, max: 180, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(reading, fc.double({ min: 1, max: 500, noNaN: true })), { minLength: 2, maxLength: 60 }), fc.double({ min: 0.1, max: 20, noNaN: true }), (samples, std) => {
        const moving = new ConstantVelocityKalman(5000, 100);
        const still = new ConstantVelocityKalman(5000, 0);
        const constant = samples[0]?.[0] ?? 0;
        let tMs = 0;
        for (const [value, stepMs] of samples) {
          tMs += stepMs;
          expect(Number.isFinite(moving.update(value, std, tMs))).toBe(true);
          expect(Math.abs(still.update(constant, std, tMs) - constant)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('bounds the pull of an outlying reading at the given number of sigmas, and still follows a change that lasts', () => {
    const moveAfterHold = (reading: number, outlierSigmas: number): number => {
      const filter = new ConstantVelocityKalman(5000, 100);
      for (let k = 0; k < 60; k += 1) filter.update(80, 3, k * FRAME_MS);
      return filter.update(reading, 3, 60 * FRAME_MS, outlierSigmas) - 80;
    };
    // One reading 30° off (BlazePose full at a far turn): the plain filter moves about 12°, the
    // bounded one half that, and no further for a reading 60° off.
    expect(moveAfterHold(50, Infinity)).toBeLessThan(-10);
    expect(moveAfterHold(50, 4)).toBeGreaterThan(0.6 * moveAfterHold(50, Infinity));
    expect(moveAfterHold(20, 4)).toBeCloseTo(moveAfterHold(50, 4), 6);
    // A reading within the bound is taken as by the plain filter.
    expect(moveAfterHold(77, 4)).toBeCloseTo(moveAfterHold(77, Infinity), 12);
    // A head that really went to 50° and stays there is reached all the same.
    const robust = new ConstantVelocityKalman(5000, 100);
    let out = NaN;
    for (let k = 0; k < 90; k += 1) out = robust.update(k < 60 ? 80 : 50, 3, k * FRAME_MS, 4);
    expect(Math.abs(out - 50)).toBeLessThan(1);
  });

  it('with an infinite bound is the plain filter', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -90, max: 90, noNaN: true }), { minLength: 2, maxLength: 40 }), (readings) => {
        const plain = new ConstantVelocityKalman(5000, 100);
        const unbounded = new ConstantVelocityKalman(5000, 100);
        readings.forEach((r, k) => expect(unbounded.update(r, 3, k * FRAME_MS, Infinity)).toBe(plain.update(r, 3, k * FRAME_MS)));
      }),
    );
  });
});
