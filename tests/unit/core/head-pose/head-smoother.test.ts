import { describe, expect, it } from 'vitest';
import { HeadSmoother } from '../../../../src/core/head-pose/head-smoother';
import { gaussian, seededRandom } from '../../../../tools/synthetic/seeded-random';

const FRAME_MS = 1000 / 30;
/** A minimum-jerk turn from 0 to `peak` degrees in `durationMs` (Flash & Hogan 1985). */
const minimumJerk = (peak: number, durationMs: number, tMs: number): number => {
  const s = Math.min(1, Math.max(0, tMs / durationMs));
  return peak * (10 * s ** 3 - 15 * s ** 4 + 6 * s ** 5);
};

describe('HeadSmoother', () => {
  it('passes a trusted face through a brisk 90° turn within half a degree', () => {
    const smoother = new HeadSmoother();
    let worst = 0;
    for (let k = 0; k <= 45; k += 1) {
      const tMs = k * FRAME_MS;
      const yawDeg = minimumJerk(90, 1000, tMs);
      const out = smoother.apply({ yawDeg, pitchDeg: 0, rollDeg: 0 }, 1, tMs);
      worst = Math.max(worst, Math.abs(out.yawDeg - yawDeg));
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('halves the frame-to-frame jitter of a body-only reading of a held far turn', () => {
    const smoother = new HeadSmoother();
    const random = seededRandom(11);
    const readSteps: number[] = [];
    const outSteps: number[] = [];
    let lastRead = 80, lastOut = 80;
    for (let k = 0; k < 120; k += 1) {
      const read = 80 + 6 * gaussian(random);
      const out = smoother.apply({ yawDeg: read, pitchDeg: 0, rollDeg: 0 }, 0, k * FRAME_MS).yawDeg;
      if (k > 15) {
        readSteps.push(Math.abs(read - lastRead));
        outSteps.push(Math.abs(out - lastOut));
      }
      lastRead = read;
      lastOut = out;
    }
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    expect(mean(outSteps)).toBeLessThan(0.5 * mean(readSteps));
  });

  it('starts again from the next reading after reset', () => {
    const smoother = new HeadSmoother();
    smoother.apply({ yawDeg: 40, pitchDeg: 5, rollDeg: -3 }, 0, 0);
    smoother.reset();
    expect(smoother.apply({ yawDeg: -10, pitchDeg: 2, rollDeg: 1 }, 0, 10)).toEqual({ yawDeg: -10, pitchDeg: 2, rollDeg: 1 });
  });

  it('moves little for one wild body reading, but follows the same jump at once when the face reads it', () => {
    const jumpAfterHold = (faceShare: number): number => {
      const smoother = new HeadSmoother();
      for (let k = 0; k < 60; k += 1) smoother.apply({ yawDeg: 80, pitchDeg: 0, rollDeg: 0 }, faceShare, k * FRAME_MS);
      return smoother.apply({ yawDeg: 50, pitchDeg: 0, rollDeg: 0 }, faceShare, 60 * FRAME_MS).yawDeg - 80;
    };
    // Body only: a one-frame 30° jump (BlazePose full at a far turn) moves the head about 6.5°
    // (unbounded, 12°).
    expect(Math.abs(jumpAfterHold(0))).toBeLessThan(7);
    // A trusted face's reading is not bounded: most of the jump is taken at once.
    expect(jumpAfterHold(1)).toBeLessThan(-20);
  });
});

