/**
 * Magnitudes of the zero-padded DFT of a real signal, for bins 0..lastBin only: X(k) =
 * |Σ x[n]·e^(-2πikn/size)|. SPARC needs just the band below its cutoff (10 Hz) of a heavily
 * padded spectrum, so a direct sum over the few needed bins (twiddles by angle-addition
 * recurrence) beats a full FFT of `size` points and allocates only the result.
 */
export function lowBandMagnitudes(signal: readonly number[], size: number, lastBin: number): Float64Array {
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  const out = new Float64Array(bins);
  const n = Math.min(signal.length, size);
  for (let k = 0; k < bins; k++) {
    const w = (-2 * Math.PI * k) / size;
    const stepRe = Math.cos(w);
    const stepIm = Math.sin(w);
    let twRe = 1;
    let twIm = 0;
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const x = signal[i] ?? 0;
      re += x * twRe;
      im += x * twIm;
      const nextRe = twRe * stepRe - twIm * stepIm;
      twIm = twRe * stepIm + twIm * stepRe;
      twRe = nextRe;
    }
    out[k] = Math.hypot(re, im);
  }
  return out;
}
