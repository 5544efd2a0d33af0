/**
 * Magnitudes of the zero-padded DFT of a real signal, for bins 0..lastBin only: X(k) =
 * |Σ x[n]·e^(-2πikn/size)|, `size` a power of two (>= 4).
 *
 * A real-input FFT: the signal's even and odd samples are packed as one complex signal of
 * size/2 points, transformed by an iterative radix-2 Cooley–Tukey FFT (decimation in time, its
 * stages run two at a time) and split back into the real signal's spectrum. SPARC pads its short signals to at least 16× their
 * length, and the FFT skips the stages that would only spread those zeros (see fillFirstStages).
 * Bins above size/2 mirror those below: |X(size − b)| = |X(b)| for a real signal.
 */
export function lowBandMagnitudes(signal: readonly number[], size: number, lastBin: number, workspace = new SpectrumWorkspace()): number[] {
  if (!isPowerOfTwo(size) || size < 4) throw new RangeError(`DFT size must be a power of two >= 4, got ${size}`);
  const bins = Math.max(0, Math.min(lastBin, size - 1)) + 1;
  // A plain array, not a Float64Array: typed arrays over 64 bytes live off the V8 heap and cost
  // about a microsecond each to allocate and to collect.
  const out = new Array<number>(bins).fill(0);
  const half = size / 2;
  const table = workspace.twiddles(size);
  const { re, im } = workspace.buffers(half);
  let block = fillFirstStages(signal, Math.min(signal.length, size), half, table, re, im);
  for (; block * 4 <= half; block *= 4) twoStages(re, im, half, block, table, size);
  if (block < half) oneStage(re, im, half, block, table, size);
  const lastUnmirrored = Math.min(bins - 1, half);
  for (let k = 0; k <= lastUnmirrored; k++) out[k] = realBin(re, im, half, k, table);
  for (let b = half + 1; b < bins; b++) out[b] = out[size - b] ?? 0;
  return out;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/** cos and sin of 2πj/size for j = 0..size/2. */
interface Twiddles {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

/** Tables above this size (128 KB) are built for the call and not kept: only very long reps need them. */
const MAX_CACHED_SIZE = 1 << 14;

/**
 * lowBandMagnitudes' scratch and twiddle tables, kept between calls by their owner (an exercise
 * engine: one table per DFT size it meets, built once). Not shared between calls in flight.
 */
export class SpectrumWorkspace {
  private re = new Float64Array(32);
  private im = new Float64Array(32);
  private readonly tables = new Map<number, Twiddles>();

  /** Two scratch buffers of at least `points` entries, valid until the next call. */
  buffers(points: number): { readonly re: Float64Array; readonly im: Float64Array } {
    if (this.re.length < points) {
      this.re = new Float64Array(points);
      this.im = new Float64Array(points);
    }
    return { re: this.re, im: this.im };
  }

  twiddles(size: number): Twiddles {
    const cached = this.tables.get(size);
    if (cached !== undefined) return cached;
    const cos = new Float64Array(size / 2 + 1);
    const sin = new Float64Array(size / 2 + 1);
    for (let j = 0; j <= size / 2; j++) {
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
 * Packs the first `n` samples as z[j] = x[2j] + i·x[2j+1] (zeros beyond), runs the FFT's first
 * stages into re/im and returns the block size they reach.
 *
 * Only z[0..blocks−1] can be nonzero, blocks = the power of two >= ⌈n/2⌉. In bit-reversed order
 * each block of points/blocks entries then starts with one of them, z[reverse(s)] for block s,
 * and is zero elsewhere: the DFT of such a block is that value in every entry. So the stages up
 * to that block size come down to one value per block, and the next stage to one butterfly of
 * two values per entry (run here, rather than filling the blocks for butterflies() to read).
 */
function fillFirstStages(signal: readonly number[], n: number, points: number, table: Twiddles, re: Float64Array, im: Float64Array): number {
  const packed = Math.ceil(n / 2);
  let blocks = 1;
  let bits = 0;
  while (blocks < packed) {
    blocks *= 2;
    bits++;
  }
  if (blocks === 1) {
    re.fill(n > 0 ? (signal[0] ?? 0) : 0, 0, points);
    im.fill(n > 1 ? (signal[1] ?? 0) : 0, 0, points);
    return points;
  }
  const block = points / blocks;
  const span = 2 * block;
  const stride = (2 * points) / span;
  const { cos, sin } = table;
  for (let start = 0, s = 0; start < points; start += span, s += 2) {
    const top = 2 * reverseBits(s, bits);
    const bottom = 2 * reverseBits(s + 1, bits);
    const ur = top < n ? (signal[top] ?? 0) : 0;
    const ui = top + 1 < n ? (signal[top + 1] ?? 0) : 0;
    const br = bottom < n ? (signal[bottom] ?? 0) : 0;
    const bi = bottom + 1 < n ? (signal[bottom + 1] ?? 0) : 0;
    for (let t = 0; t < block; t++) {
      const c = cos[t * stride] ?? 0;
      const si = sin[t * stride] ?? 0;
      const vr = br * c + bi * si;
      const vi = bi * c - br * si;
      re[start + t] = ur + vr;
      im[start + t] = ui + vi;
      re[start + t + block] = ur - vr;
      im[start + t + block] = ui - vi;
    }
  }
  return span;
}

function reverseBits(value: number, bits: number): number {
  let reversed = 0;
  for (let b = 0; b < bits; b++) reversed = (reversed << 1) | ((value >> b) & 1);
  return reversed;
}

/**
 * One decimation-in-time stage: DFTs of 2·block points from pairs of DFTs of `block` points,
 * z[top] ± e^(-2πit/(2·block))·z[top + block].
 */
function oneStage(re: Float64Array, im: Float64Array, points: number, block: number, { cos, sin }: Twiddles, size: number): void {
  const stride = size / (2 * block);
  for (let t = 0; t < block; t++) {
    const c = cos[t * stride] ?? 0;
    const s = sin[t * stride] ?? 0;
    for (let top = t; top < points; top += 2 * block) {
      const bottom = top + block;
      const br = re[bottom] ?? 0;
      const bi = im[bottom] ?? 0;
      // (br + i·bi)·(c − i·s)
      const vr = br * c + bi * s;
      const vi = bi * c - br * s;
      const ur = re[top] ?? 0;
      const ui = im[top] ?? 0;
      re[top] = ur + vr;
      im[top] = ui + vi;
      re[bottom] = ur - vr;
      im[bottom] = ui - vi;
    }
  }
}

/**
 * Two oneStage()s in one pass, DFTs of 4·block points from four of `block`: the second stage's
 * inputs are the first's outputs at the same four indices, so they stay in registers (half the
 * loads and stores of two passes).
 */
function twoStages(re: Float64Array, im: Float64Array, points: number, block: number, { cos, sin }: Twiddles, size: number): void {
  const stride = size / (4 * block);
  for (let t = 0; t < block; t++) {
    // First stage: e^(-2πit/(2·block)); second: e^(-2πit/(4·block)) and e^(-2πi(t+block)/(4·block)).
    const c1 = cos[2 * t * stride] ?? 0, s1 = sin[2 * t * stride] ?? 0;
    const c2 = cos[t * stride] ?? 0, s2 = sin[t * stride] ?? 0;
    const c3 = cos[(t + block) * stride] ?? 0, s3 = sin[(t + block) * stride] ?? 0;
    for (let i0 = t; i0 < points; i0 += 4 * block) {
      const i1 = i0 + block, i2 = i1 + block, i3 = i2 + block;
      const r0 = re[i0] ?? 0, m0 = im[i0] ?? 0, r1 = re[i1] ?? 0, m1 = im[i1] ?? 0;
      const r2 = re[i2] ?? 0, m2 = im[i2] ?? 0, r3 = re[i3] ?? 0, m3 = im[i3] ?? 0;
      const v1r = r1 * c1 + m1 * s1, v1i = m1 * c1 - r1 * s1;
      const v3r = r3 * c1 + m3 * s1, v3i = m3 * c1 - r3 * s1;
      const b0r = r0 + v1r, b0i = m0 + v1i, b1r = r0 - v1r, b1i = m0 - v1i;
      const b2r = r2 + v3r, b2i = m2 + v3i, b3r = r2 - v3r, b3i = m2 - v3i;
      const w2r = b2r * c2 + b2i * s2, w2i = b2i * c2 - b2r * s2;
      const w3r = b3r * c3 + b3i * s3, w3i = b3i * c3 - b3r * s3;
      re[i0] = b0r + w2r;
      im[i0] = b0i + w2i;
      re[i2] = b0r - w2r;
      im[i2] = b0i - w2i;
      re[i1] = b1r + w3r;
      im[i1] = b1i + w3i;
      re[i3] = b1r - w3r;
      im[i3] = b1i - w3i;
    }
  }
}

/**
 * |X(k)| for 0 <= k <= points from Z, the DFT of the packed signal (points = size/2): with
 * Z(points) = Z(0) (indices mod points), the even samples' spectrum is E = (Z(k) + conj Z(points − k))/2, the odd
 * ones' O = (Z(k) − conj Z(points − k))/2i, and X(k) = E + e^(-2πik/size)·O.
 */
function realBin(re: Float64Array, im: Float64Array, points: number, k: number, { cos, sin }: Twiddles): number {
  const index = k & (points - 1);
  const mirror = (points - k) & (points - 1);
  const a = re[index] ?? 0, b = im[index] ?? 0, c = re[mirror] ?? 0, d = im[mirror] ?? 0;
  const er = (a + c) / 2, ei = (b - d) / 2;
  const or = (b + d) / 2, oi = (c - a) / 2;
  const wc = cos[k] ?? 0, ws = sin[k] ?? 0;
  return magnitude(er + or * wc + oi * ws, ei + oi * wc - or * ws);
}

/**
 * |re + i·im|. Not Math.hypot: V8's costs ~25 ns a call (≈ 10× this), and its guard against
 * overflow only matters above 1e154, far beyond any speed in deg/s or %/s.
 */
function magnitude(re: number, im: number): number {
  return Math.sqrt(re * re + im * im);
}
