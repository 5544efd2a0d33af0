import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { mat3Buffer } from '../../../../src/core/geometry/mat3-kernels';
import { anglesFromYawFirstInto, yawFirstFromAnglesInto } from '../../../../src/core/geometry/yaw-first';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';

const scratch = mat3Buffer();
const angle = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
const maxEntryDiff = (a: HeadAngles, b: HeadAngles) => {
  const ma = anglesToMatrix(a), mb = anglesToMatrix(b);
  return Math.max(...ma.map((v, i) => Math.abs(v - (mb[i] as number))));
};

describe('yaw-first angles', () => {
  it('are the same rotation: Atlas → yaw-first → Atlas gives the rotation back', () => {
    fc.assert(
      fc.property(angle(179), angle(85), angle(179), (yawDeg, pitchDeg, rollDeg) => {
        const atlas = { yawDeg, pitchDeg, rollDeg };
        const back = anglesFromYawFirstInto(scratch, yawFirstFromAnglesInto(scratch, atlas));
        expect(maxEntryDiff(atlas, back)).toBeLessThan(1e-9);
      }),
    );
  });

  it('agree with Atlas\' angles for a pure turn, nod or tilt, and to first order near neutral', () => {
    for (const single of [{ yawDeg: 70, pitchDeg: 0, rollDeg: 0 }, { yawDeg: 0, pitchDeg: -40, rollDeg: 0 }, { yawDeg: 0, pitchDeg: 0, rollDeg: 30 }]) {
      const yawFirst = yawFirstFromAnglesInto(scratch, single);
      expect(yawFirst.yawDeg).toBeCloseTo(single.yawDeg, 9);
      expect(yawFirst.pitchDeg).toBeCloseTo(single.pitchDeg, 9);
      expect(yawFirst.rollDeg).toBeCloseTo(single.rollDeg, 9);
    }
    const small = yawFirstFromAnglesInto(scratch, { yawDeg: 1, pitchDeg: -1, rollDeg: 1 });
    expect(Math.abs(small.yawDeg - 1) + Math.abs(small.pitchDeg + 1) + Math.abs(small.rollDeg - 1)).toBeLessThan(0.05);
  });

  it('read a nod of a head turned to 90° as pitch, where Atlas\' order cannot tell pitch from roll', () => {
    // The head turned 90° to the left, then nodded 20° chin up about its own ear-to-ear axis.
    const turnedThenNodded = anglesFromYawFirstInto(scratch, { yawDeg: 90, pitchDeg: 20, rollDeg: 0 });
    const yawFirst = yawFirstFromAnglesInto(scratch, turnedThenNodded);
    expect(yawFirst.yawDeg).toBeCloseTo(90, 6);
    expect(yawFirst.pitchDeg).toBeCloseTo(20, 6);
    expect(yawFirst.rollDeg).toBeCloseTo(0, 6);
  });

  it('move little when the head moves little at 90°, where Atlas\' pitch and roll swing', () => {
    const a = { yawDeg: 89.6, pitchDeg: 0.3, rollDeg: -0.2 };
    const b = anglesFromYawFirstInto(scratch, { yawDeg: 89.9, pitchDeg: 0.8, rollDeg: 0.4 });
    const ya = yawFirstFromAnglesInto(scratch, a), yb = yawFirstFromAnglesInto(scratch, b);
    expect(Math.max(Math.abs(ya.yawDeg - yb.yawDeg), Math.abs(ya.pitchDeg - yb.pitchDeg), Math.abs(ya.rollDeg - yb.rollDeg))).toBeLessThan(1.5);
    // The same two rotations in Atlas' order differ by far more on pitch or roll.
    expect(Math.max(Math.abs(a.pitchDeg - b.pitchDeg), Math.abs(a.rollDeg - b.rollDeg))).toBeGreaterThan(10);
  });
});
