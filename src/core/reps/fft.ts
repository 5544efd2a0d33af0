/**
 * Magnitudes of the zero-padded DFT of a real signal, for bins 0..lastBin only: X(k) =
 * |Σ x[n]·e^(-2πikn/size)|. SPARC needs just the band below its cutoff (10 Hz) of a heavily
 * padded spectrum, so a direct sum over the few needed bins (twiddles by angle-addition
 * recurrence) beats a full FFT of `size` points and allocates only the result.
 */
export function lowBandMagnitudes(signal: readonly number[], size: number, lastBin: number): Float64Array {
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  // Bins are summed two at a time (binPair), so the buffer has room for an even count.
  const out = new Float64Array(bins + (bins % 2));
  const n = Math.min(signal.length, size);
  for (let k = 0; k < bins; k += 2) binPair(signal, n, size, k, out);
  return out.subarray(0, bins);
}

/**
 * Bins k and k + 1 in one pass over the signal: each bin's recurrence is a serial chain of
 * multiplications, and two independent chains in one loop run about twice as fast as one after
 * the other. Each bin gets exactly the arithmetic it would get alone.
 */
function binPair(signal: readonly number[], n: number, size: number, k: number, out: Float64Array): void {
  const wA = (-2 * Math.PI * k) / size;
  const wB = (-2 * Math.PI * (k + 1)) / size;
  const stepReA = Math.cos(wA), stepImA = Math.sin(wA);
  const stepReB = Math.cos(wB), stepImB = Math.sin(wB);
  let twReA = 1, twImA = 0, reA = 0, imA = 0;
  let twReB = 1, twImB = 0, reB = 0, imB = 0;
  for (let i = 0; i < n; i++) {
    const x = signal[i] ?? 0;
    reA += x * twReA;
    imA += x * twImA;
    reB += x * twReB;
    imB += x * twImB;
    const nextReA = twReA * stepReA - twImA * stepImA;
    twImA = twReA * stepImA + twImA * stepReA;
    twReA = nextReA;
    const nextReB = twReB * stepReB - twImB * stepImB;
    twImB = twReB * stepImB + twImB * stepReB;
    twReB = nextReB;
  }
  out[k] = Math.hypot(reA, imA);
  out[k + 1] = Math.hypot(reB, imB);
}
