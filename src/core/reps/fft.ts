/**
 * Magnitudes of the zero-padded DFT of a real signal, for bins 0..lastBin only: X(k) =
 * |Σ x[n]·e^(-2πikn/size)|, `size` a power of two (>= 4). SPARC needs just the band below its
 * cutoff (10 Hz) of a heavily padded spectrum of a short signal, so a direct sum over the needed
 * bins beats a full FFT of `size` points.
 *
 * Two savings, both exact in exact arithmetic:
 *  - twiddles come from a cached cos/sin table of angle 2πj/size, read at j = k·i mod size (an
 *    integer, so no drift and no large-angle argument reduction);
 *  - one pass over the signal for base bin k gives four bins, k, size/4 − k, size/4 + k and
 *    size/2 − k (quarterBins), so at most size/8 + 1 passes cover every bin up to size/2.
 * Bins above size/2 mirror those below: |X(size − b)| = |X(b)| for a real signal.
 */
export function lowBandMagnitudes(signal: readonly number[], size: number, lastBin: number, workspace = new SpectrumWorkspace()): number[] {
  if (!isPowerOfTwo(size) || size < 4) throw new RangeError(`DFT size must be a power of two >= 4, got ${size}`);
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  // A plain array, not a Float64Array: typed arrays over 64 bytes live off the V8 heap and cost
  // about a microsecond each to allocate and to collect.
  const out = new Array<number>(bins).fill(0);
  const n = Math.min(signal.length, size);
  // quarterBins reads samples four at a time: zeros pad them to a multiple of 4.
  const count = Math.ceil(n / 4) * 4;
  const samples = workspace.zeroPadded(signal, n, count);
  const table = workspace.twiddles(size);
  const lastBase = Math.min(size / 8, bins - 1);
  for (let k = 0; k <= lastBase; k++) quarterBins(samples, count, table, size, k, out);
  for (let b = size / 2 + 1; b < bins; b++) out[b] = out[size - b] ?? 0;
  return out;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/** cos and sin of 2πj/size for j = 0..size−1. */
interface Twiddles {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/** Tables above this size (256 KB) are built for the call and not kept: only very long reps need them. */
const MAX_CACHED_SIZE = 1 << 14;

/**
 * lowBandMagnitudes' scratch and twiddle tables, kept between calls by their owner (an exercise
 * engine: one table per DFT size it meets, built once). Not shared between calls in flight.
 */
export class SpectrumWorkspace {
  private scratch = new Float64Array(64);
  private readonly tables = new Map<number, Twiddles>();

  /** The first `n` samples then zeros up to `count`, in the scratch buffer: valid until the next call. */
  zeroPadded(signal: readonly number[], n: number, count: number): Float64Array {
    if (this.scratch.length < count) this.scratch = new Float64Array(2 ** Math.ceil(Math.log2(count)));
    const scratch = this.scratch;
    for (let i = 0; i < n; i++) scratch[i] = signal[i] ?? 0;
    for (let i = n; i < count; i++) scratch[i] = 0;
    return scratch;
  }

  twiddles(size: number): Twiddles {
    const cached = this.tables.get(size);
    if (cached !== undefined) return cached;
    const cos = new Float64Array(size);
    const sin = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      const angle = (2 * Math.PI * j) / size;
      cos[j] = Math.cos(angle);
      sin[j] = Math.sin(angle);
    }
    const table = { cos, sin };
    if (size <= MAX_CACHED_SIZE) this.tables.set(size, table);
    return table;
  }
}

/**
 * Bins k, size/4 ± k and size/2 − k (those <= out.length − 1) from one pass. With θ = 2πki/size,
 * C_q = Σ x[i]·cos θ and S_q = Σ x[i]·sin θ over the samples i ≡ q (mod 4). Shifting the bin by
 * size/4 multiplies sample i's twiddle by (−i)^i and by size/2 by (−1)^i, and a mirrored bin
 * conjugates it, so:
 *   X(k)          = (C0+C1+C2+C3) − i(S0+S1+S2+S3)
 *   X(size/2 − k) = (C0−C1+C2−C3) + i(S0−S1+S2−S3)
 *   X(size/4 + k) = ((C0−C2) − (S1−S3)) − i((S0−S2) + (C1−C3))
 *   X(size/4 − k) = ((C0−C2) + (S1−S3)) + i((S0−S2) − (C1−C3))
 */
function quarterBins(samples: Float64Array, count: number, { cos, sin }: Twiddles, size: number, k: number, out: number[]): void {
  const mask = size - 1;
  let j = 0; // k·i mod size
  let c0 = 0, c1 = 0, c2 = 0, c3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < count; i += 4) {
    const x0 = samples[i] ?? 0, x1 = samples[i + 1] ?? 0, x2 = samples[i + 2] ?? 0, x3 = samples[i + 3] ?? 0;
    c0 += x0 * (cos[j] ?? 0);
    s0 += x0 * (sin[j] ?? 0);
    j = (j + k) & mask;
    c1 += x1 * (cos[j] ?? 0);
    s1 += x1 * (sin[j] ?? 0);
    j = (j + k) & mask;
    c2 += x2 * (cos[j] ?? 0);
    s2 += x2 * (sin[j] ?? 0);
    j = (j + k) & mask;
    c3 += x3 * (cos[j] ?? 0);
    s3 += x3 * (sin[j] ?? 0);
    j = (j + k) & mask;
  }
  const evenC = c0 + c2, oddC = c1 + c3, evenS = s0 + s2, oddS = s1 + s3;
  const a = c0 - c2, b = s1 - s3, d = s0 - s2, e = c1 - c3;
  const last = out.length - 1;
  const quarter = size / 4;
  if (k <= last) out[k] = magnitude(evenC + oddC, evenS + oddS);
  if (quarter - k <= last) out[quarter - k] = magnitude(a + b, d - e);
  if (quarter + k <= last) out[quarter + k] = magnitude(a - b, d + e);
  if (2 * quarter - k <= last) out[2 * quarter - k] = magnitude(evenC - oddC, evenS - oddS);
}

/**
 * |re + i·im|. Not Math.hypot: V8's costs ~25 ns a call (≈ 10× this), and its guard against
 * overflow only matters above 1e154, far beyond any speed in deg/s or %/s.
 */
function magnitude(re: number, im: number): number {
  return Math.sqrt(re * re + im * im);
}
