/**
 * Magnitude spectrum of a real signal by an iterative radix-2 FFT, zero-padded to `size`
 * (a power of two). Small and allocation-light: it runs once per repetition, not per frame.
 */
export function magnitudeSpectrum(signal: readonly number[], size: number): Float64Array {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < Math.min(signal.length, size); i++) re[i] = signal[i] ?? 0;
  for (let i = 1, j = 0; i < size; i++) {
    let bit = size >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] ?? 0;
      re[i] = re[j] ?? 0;
      re[j] = tr;
      const ti = im[i] ?? 0;
      im[i] = im[j] ?? 0;
      im[j] = ti;
    }
  }
  for (let len = 2; len <= size; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    const wRe = Math.cos(angle);
    const wIm = Math.sin(angle);
    for (let start = 0; start < size; start += len) {
      let curRe = 1;
      let curIm = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = start + k;
        const b = a + len / 2;
        const bRe = (re[b] ?? 0) * curRe - (im[b] ?? 0) * curIm;
        const bIm = (re[b] ?? 0) * curIm + (im[b] ?? 0) * curRe;
        re[b] = (re[a] ?? 0) - bRe;
        im[b] = (im[a] ?? 0) - bIm;
        re[a] = (re[a] ?? 0) + bRe;
        im[a] = (im[a] ?? 0) + bIm;
        const nextRe = curRe * wRe - curIm * wIm;
        curIm = curRe * wIm + curIm * wRe;
        curRe = nextRe;
      }
    }
  }
  const magnitude = new Float64Array(size);
  for (let i = 0; i < size; i++) magnitude[i] = Math.hypot(re[i] ?? 0, im[i] ?? 0);
  return magnitude;
}
