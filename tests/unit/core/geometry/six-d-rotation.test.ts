import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { mat3Buffer } from '../../../../src/core/geometry/mat3-kernels';
import { rotationFromSixDInto, sixDFromRotationInto, SIX_D_SIZE } from '../../../../src/core/geometry/six-d-rotation';

const angle = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });

describe('six-d-rotation', () => {
  it('gives back the rotation its two axes came from, at any yaw including ±90° (property)', () => {
    fc.assert(
      fc.property(angle(90), angle(80), angle(80), (yawDeg, pitchDeg, rollDeg) => {
        const r = anglesToMatrix({ yawDeg, pitchDeg, rollDeg });
        const six = new Float64Array(SIX_D_SIZE);
        sixDFromRotationInto(six, r);
        const back = mat3Buffer();
        expect(rotationFromSixDInto(back, six)).toBe(true);
        for (let k = 0; k < 9; k += 1) expect(Math.abs((back[k] as number) - (r[k] as number))).toBeLessThan(1e-12);
      }),
    );
  });

  it('makes a rotation of any two non-parallel vectors: orthonormal, right-handed, x along the first', () => {
    const out = mat3Buffer();
    expect(rotationFromSixDInto(out, [2, 0.1, 0, 0.3, 0.8, 0.2])).toBe(true);
    const col = (c: number): number[] => [out[c] as number, out[3 + c] as number, out[6 + c] as number];
    const dot = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
    const [x, y, z] = [col(0), col(1), col(2)];
    expect(dot(x, x)).toBeCloseTo(1, 12);
    expect(dot(y, y)).toBeCloseTo(1, 12);
    expect(dot(x, y)).toBeCloseTo(0, 12);
    expect(dot(z, [x[1]! * y[2]! - x[2]! * y[1]!, x[2]! * y[0]! - x[0]! * y[2]!, x[0]! * y[1]! - x[1]! * y[0]!])).toBeCloseTo(1, 12);
    expect(x[1]! / x[0]!).toBeCloseTo(0.05, 12);
  });

  it('refuses parallel, zero or non-finite axes and leaves the output as it was', () => {
    const out = mat3Buffer().fill(7);
    expect(rotationFromSixDInto(out, [1, 0, 0, 2, 0, 0])).toBe(false);
    expect(rotationFromSixDInto(out, [0, 0, 0, 0, 1, 0])).toBe(false);
    expect(rotationFromSixDInto(out, [1, 0, Number.NaN, 0, 1, 0])).toBe(false);
    expect(Array.from(out)).toEqual(new Array(9).fill(7));
  });
});
