import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseKernel, KERNEL_TABLES_BYTES } from '../../../../../src/core/head-pose/regression/dense-kernel';

describe('the dense kernel (dense-kernel.wat)', () => {
  const kernel = denseKernel(KERNEL_TABLES_BYTES + 4096);

  it('computes tanh within 4e-16 of Math.tanh', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(kernel.tanh(x) - Math.tanh(x))).toBeLessThan(4e-16);
      }),
      { numRuns: 20000 },
    );
    for (let x = -25; x <= 25; x += 1 / 1024) expect(Math.abs(kernel.tanh(x) - Math.tanh(x))).toBeLessThan(4e-16);
  });

  it('saturates tanh, keeps it odd, and passes NaN through', () => {
    expect(kernel.tanh(19)).toBe(1);
    expect(kernel.tanh(-1e300)).toBe(-1);
    expect(kernel.tanh(Number.POSITIVE_INFINITY)).toBe(1);
    expect(kernel.tanh(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(kernel.tanh(Number.NaN)).toBeNaN();
    expect(kernel.tanh(0)).toBe(0);
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => kernel.tanh(-x) === -kernel.tanh(x) || (x === 0 && kernel.tanh(x) === 0)));
  });

  it('sums each output as the plain product does, term by term (bit for bit)', () => {
    // One block of 8 outputs over 5 inputs, laid out w[i·8 + j] = W[j][i], no activation.
    const n = 5, memory = kernel.memory.buffer;
    const wAt = KERNEL_TABLES_BYTES, biasAt = wAt + 8 * 8 * n, xAt = biasAt + 64, yAt = xAt + 8 * n;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 8 * n + 8 + n, maxLength: 8 * n + 8 + n }), (values) => {
        new Float64Array(memory, wAt, 8 * n + 8 + n).set(values);
        kernel.dense(wAt, biasAt, xAt, yAt, n, 1, 0);
        const y = new Float64Array(memory, yAt, 8);
        for (let j = 0; j < 8; j += 1) {
          let sum = 0;
          for (let i = 0; i < n; i += 1) sum += (values[i * 8 + j] as number) * (values[8 * n + 8 + i] as number);
          expect(y[j]).toBe((values[8 * n + j] as number) + sum);
        }
      }),
    );
  });

  it('gives each instance memory of its own, grown to the size asked for', () => {
    const big = denseKernel(300_000);
    expect(big.memory.buffer.byteLength).toBeGreaterThanOrEqual(300_000);
    expect(big.memory.buffer).not.toBe(kernel.memory.buffer);
  });
});
