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
        rotateColumns(a, n, p, q, c, s);
        for (let k = 0; k < n; k += 1) {
          const apk = a[n * p + k] as number, aqk = a[n * q + k] as number;
          a[n * p + k] = c * apk - s * aqk;
          a[n * q + k] = s * apk + c * aqk;
        }
        rotateColumns(v, n, p, q, c, s);
      }
    }
  }
}

function rotateColumns(m: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k += 1) {
    const mkp = m[n * k + p] as number, mkq = m[n * k + q] as number;
    m[n * k + p] = c * mkp - s * mkq;
    m[n * k + q] = s * mkp + c * mkq;
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
