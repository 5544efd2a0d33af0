import { describe, expect, it } from 'vitest';
import { lowBandMagnitudes } from '../../../../src/core/reps/fft';
import { seededRandom } from '../../../support/traces/seeded-random';

/** One bin at a time, by the same twiddle recurrence: what lowBandMagnitudes computed before it summed bins in pairs. */
function binByBin(signal: readonly number[], size: number, lastBin: number): number[] {
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  const n = Math.min(signal.length, size);
  return Array.from({ length: bins }, (_, k) => {
    const w = (-2 * Math.PI * k) / size;
    const stepRe = Math.cos(w);
    const stepIm = Math.sin(w);
    let twRe = 1, twIm = 0, re = 0, im = 0;
    for (let i = 0; i < n; i++) {
      const x = signal[i] ?? 0;
      re += x * twRe;
      im += x * twIm;
      const nextRe = twRe * stepRe - twIm * stepIm;
      twIm = twRe * stepIm + twIm * stepRe;
      twRe = nextRe;
    }
    return Math.hypot(re, im);
  });
}

/** Direct DFT magnitude of one bin (independent of any recurrence). */
function directBin(signal: readonly number[], size: number, k: number): number {
  let re = 0, im = 0;
  signal.forEach((x, i) => {
    re += x * Math.cos((-2 * Math.PI * k * i) / size);
    im += x * Math.sin((-2 * Math.PI * k * i) / size);
  });
  return Math.hypot(re, im);
}

describe('lowBandMagnitudes', () => {
  const random = seededRandom(7);
  const signal = Array.from({ length: 45 }, () => random() * 80);

  it('gives exactly the bin-by-bin values for odd and even bin counts', () => {
    for (const lastBin of [0, 1, 2, 7, 340, 341]) {
      const out = lowBandMagnitudes(signal, 1024, lastBin);
      expect(out.length).toBe(lastBin + 1);
      expect(Array.from(out)).toEqual(binByBin(signal, 1024, lastBin));
    }
  });

  it('is the DFT magnitude of the zero-padded signal', () => {
    const out = lowBandMagnitudes(signal, 1024, 40);
    for (const k of [0, 1, 13, 40]) expect(out[k]).toBeCloseTo(directBin(signal, 1024, k), 8);
  });

  it('stops at size − 1 and reads at most size samples', () => {
    expect(lowBandMagnitudes(signal, 8, 100).length).toBe(8);
    expect(Array.from(lowBandMagnitudes(signal, 8, 100))).toEqual(binByBin(signal, 8, 100));
  });
});
