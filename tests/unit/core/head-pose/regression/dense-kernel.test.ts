import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseKernel, KERNEL_TABLES_BYTES, preferredKernelBuild, type KernelBuild } from '../../../../../src/core/head-pose/regression/dense-kernel';

const BUILDS: readonly KernelBuild[] = ['simd', 'scalar'];

describe.each(BUILDS)('the dense kernel, %s build', (build) => {
  const kernel = denseKernel(KERNEL_TABLES_BYTES + 8 * 60_000, build);
  /** The kernel's tanh on each of `xs` (two lanes at a time, as a layer's activations). */
  const tanhAll = (xs: readonly number[]): Float64Array => {
    const count = xs.length + (xs.length % 2);
    const values = new Float64Array(kernel.memory.buffer, KERNEL_TABLES_BYTES, count);
    values.fill(0);
    values.set(xs);
    kernel.squash(KERNEL_TABLES_BYTES, KERNEL_TABLES_BYTES + 8 * count);
    return values.slice(0, xs.length);
  };
  const tanh = (x: number): number => tanhAll([x])[0] as number;

  it('computes tanh within 4e-16 of Math.tanh', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (x0, x1) => {
        const [t0, t1] = tanhAll([x0, x1]);
        expect(Math.abs((t0 as number) - Math.tanh(x0))).toBeLessThan(4e-16);
        expect(Math.abs((t1 as number) - Math.tanh(x1))).toBeLessThan(4e-16);
      }),
      { numRuns: 10000 },
    );
    const grid = Array.from({ length: 50 * 1024 + 1 }, (_, k) => -25 + k / 1024);
    tanhAll(grid).forEach((t, k) => expect(Math.abs(t - Math.tanh(grid[k] as number))).toBeLessThan(4e-16));
  });

  it('saturates tanh, keeps it odd, and passes NaN through, in either lane beside any other value', () => {
    const special = [19, -1e300, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, 0, -0.5];
    const expected = [1, -1, 1, -1, Number.NaN, 0, Math.tanh(-0.5)];
    for (const other of [0.3, Number.NaN, 40]) {
      special.forEach((x, k) => {
        const first = tanhAll([x, other]), second = tanhAll([other, x]);
        for (const got of [first[0], second[1]]) {
          if (Number.isNaN(expected[k])) expect(got).toBeNaN();
          else expect(Math.abs((got as number) - (expected[k] as number))).toBeLessThan(4e-16);
        }
      });
    }
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => tanh(-x) === -tanh(x) || (x === 0 && tanh(x) === 0)));
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
    const big = denseKernel(300_000, build);
    expect(big.memory.buffer.byteLength).toBeGreaterThanOrEqual(300_000);
    expect(big.memory.buffer).not.toBe(kernel.memory.buffer);
  });
});

describe('the dense kernel builds', () => {
  it('give the same layer outputs bit for bit (tanh and linear, several blocks)', () => {
    const n = 13, blocks = 3, outputs = 8 * blocks;
    const kernels = BUILDS.map((build) => denseKernel(KERNEL_TABLES_BYTES + 8192, build));
    const wAt = KERNEL_TABLES_BYTES, biasAt = wAt + 8 * outputs * n, xAt = biasAt + 8 * outputs, yAt = xAt + 8 * n;
    const count = outputs * n + outputs + n;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: count, maxLength: count }), fc.boolean(), (values, squash) => {
        const results = kernels.map((kernel) => {
          new Float64Array(kernel.memory.buffer, wAt, count).set(values);
          kernel.dense(wAt, biasAt, xAt, yAt, n, blocks, squash ? 1 : 0);
          return Array.from(new Float64Array(kernel.memory.buffer, yAt, outputs));
        });
        expect(results[1]).toEqual(results[0]);
      }),
    );
  });

  it('runs SIMD where the engine has it (Node here)', () => {
    expect(preferredKernelBuild()).toBe('simd');
  });
});
