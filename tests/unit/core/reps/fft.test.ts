import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowBandMagnitudes, SpectrumWorkspace } from '../../../../src/core/reps/fft';
import { seededRandom } from '../../../../tools/synthetic/seeded-random';

/**
 * Reference: the textbook DFT magnitude, one bin at a time, with the angle reduced exactly
 * (k·i mod size is an integer) so that the reference itself is accurate to a few ulps.
 */
function naiveMagnitudes(signal: readonly number[], size: number, lastBin: number): number[] {
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  const n = Math.min(signal.length, size);
  return Array.from({ length: bins }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const angle = (-2 * Math.PI * ((k * i) % size)) / size;
      re += (signal[i] ?? 0) * Math.cos(angle);
      im += (signal[i] ?? 0) * Math.sin(angle);
    }
    return Math.hypot(re, im);
  });
}

/** Largest difference from the reference, relative to the spectrum's largest bin. */
/**
 * The largest difference relative to the signal's scale, Σ|x| over the samples used: it bounds
 * every bin and the rounding error of both sums. Relative to the peak bin instead, a signal whose
 * samples cancel (255.99…, −255.97…: a peak of 0.03) made the naive sum's own rounding look like
 * an error (CI, a fast-check counterexample at 1.00000000000002e-12).
 */
function worstError(fast: readonly number[], reference: readonly number[], signal: readonly number[], size: number): number {
  const scale = signal.slice(0, size).reduce((sum, x) => sum + Math.abs(x), 0);
  return Math.max(...reference.map((r, k) => Math.abs((fast[k] ?? Number.NaN) - r))) / scale;
}

/** An FFT's rounding error grows with log2(size): about 1e-15 of Σ|x| here, so 1e-12 leaves a wide margin. */
const TOLERANCE = 1e-12;

describe('lowBandMagnitudes', () => {
  const random = seededRandom(7);
  const positive = Array.from({ length: 45 }, () => random() * 80);
  const signed = Array.from({ length: 45 }, () => random() * 80 - 40);

  it('is the DFT magnitude of the zero-padded signal, for every bin count (each residue mod 4 and 8 included)', () => {
    for (const signal of [positive, signed]) {
      for (const lastBin of [0, 1, 2, 3, 7, 127, 128, 129, 255, 256, 257, 340, 341, 383, 384, 385, 511, 512, 513, 700, 1023, 5000]) {
        const reference = naiveMagnitudes(signal, 1024, lastBin);
        const fast = lowBandMagnitudes(signal, 1024, lastBin);
        expect(fast.length).toBe(reference.length);
        expect(worstError(fast, reference, signal, 1024)).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('handles every power-of-two size and signal length, padded or cut to size', () => {
    for (const size of [4, 8, 16, 64, 256, 2048, 4096]) {
      for (const length of [1, 3, 4, 5, 45, 63, 64, 65, 300]) {
        const signal = Array.from({ length }, () => random() * 100);
        for (const lastBin of [0, size / 8, size / 3, size / 2, size - 1].map(Math.floor)) {
          expect(worstError(lowBandMagnitudes(signal, size, lastBin), naiveMagnitudes(signal, size, lastBin), signal, size)).toBeLessThan(TOLERANCE);
        }
      }
    }
  });

  it('gives the same result on repeated calls of different sizes through one workspace (its scratch and cached tables)', () => {
    const workspace = new SpectrumWorkspace();
    const first = lowBandMagnitudes(positive, 1024, 341, workspace);
    lowBandMagnitudes(Array.from({ length: 300 }, () => random()), 8192, 2730, workspace);
    lowBandMagnitudes([1, 2], 64, 21, workspace);
    expect(lowBandMagnitudes(positive, 1024, 341, workspace)).toEqual(first);
    expect(lowBandMagnitudes(positive, 1024, 341)).toEqual(first);
  });

  it('matches the naive DFT on random signals, sizes and bin counts (property)', () => {
    const workspace = new SpectrumWorkspace();
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 600 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (bits, signal, binFraction) => {
          const size = 2 ** bits;
          const lastBin = Math.floor(binFraction * (size - 1));
          const reference = naiveMagnitudes(signal, size, lastBin);
          // A signal of zeros (or nearly) has no scale to be relative to.
          fc.pre(Math.max(...reference) > 1e-6);
          expect(worstError(lowBandMagnitudes(signal, size, lastBin, workspace), reference, signal, size)).toBeLessThan(TOLERANCE);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is zero for a zero signal and refuses a size that is not a power of two', () => {
    expect(lowBandMagnitudes([0, 0, 0, 0, 0], 64, 21).every((v) => v === 0)).toBe(true);
    expect(lowBandMagnitudes([], 64, 21).every((v) => v === 0)).toBe(true);
    expect(() => lowBandMagnitudes(positive, 1000, 10)).toThrow(RangeError);
    expect(() => lowBandMagnitudes(positive, 2, 1)).toThrow(RangeError);
  });
});
