/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations, in place: `a` is
 * n×n row-major and ends diagonal (the eigenvalues on its diagonal, unsorted); the eigenvectors
 * are written to the columns of `v` (n×n row-major), column k belonging to a[k][k].
 */
export function symmetricEigenInPlace(a: Float64Array, v: Float64Array, n: number): void {
  v.fill(0);
  for (let k = 0; k < n; k += 1) v[k * n + k] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let offDiagonal = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) offDiagonal += (a[n * p + q] as number) ** 2;
    if (offDiagonal < 1e-24) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[n * p + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[(n + 1) * q] as number) - (a[(n + 1) * p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ·A·J (columns, then rows), V ← V·J.
        rotate(a, n, p, q, c, s, n, 1);
        rotate(a, n, p, q, c, s, 1, n);
        rotate(v, n, p, q, c, s, n, 1);
      }
    }
  }
}

/**
 * The Givens rotation (c, s) on lines p and q of the n×n `m`: columns (k-stride n, line-stride 1)
 * or rows (k-stride 1, line-stride n). Entry k of line p is m[k·kStride + p·lineStride].
 */
function rotate(m: Float64Array, n: number, p: number, q: number, c: number, s: number, kStride: number, lineStride: number): void {
  for (let k = 0; k < n; k += 1) {
    const at = k * kStride, ip = at + p * lineStride, iq = at + q * lineStride;
    const mp = m[ip] as number, mq = m[iq] as number;
    m[ip] = c * mp - s * mq;
    m[iq] = s * mp + c * mq;
  }
}

/**
 * symmetricEigenInPlace on a copy of `matrix` (n×n as an array of rows): eigenvalues and
 * eigenvectors (vectors[k] belongs to values[k]), unsorted.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = Float64Array.from(matrix.flatMap((row) => Array.from({ length: n }, (_, c) => row[c] ?? 0)));
  const v = new Float64Array(n * n);
  symmetricEigenInPlace(a, v, n);
  return {
    values: Array.from({ length: n }, (_, k) => a[(n + 1) * k] as number),
    vectors: Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, r) => v[n * r + k] as number)),
  };
}
