/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.
 * `matrix` is n×n as an array of rows. Returns eigenvalues and eigenvectors (vectors[k] belongs
 * to values[k]), unsorted.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => (r === c ? 1 : 0)));
  const get = (m: number[][], r: number, c: number): number => m[r]?.[c] ?? 0;
  const set = (m: number[][], r: number, c: number, value: number): void => {
    const row = m[r];
    if (row) row[c] = value;
  };
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let offDiagonal = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) offDiagonal += get(a, p, q) ** 2;
    if (offDiagonal < 1e-24) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = get(a, p, q);
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (get(a, q, q) - get(a, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = get(a, k, p);
          const akq = get(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k += 1) {
          const apk = get(a, p, k);
          const aqk = get(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = get(v, k, p);
          const vkq = get(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  return {
    values: Array.from({ length: n }, (_, k) => get(a, k, k)),
    vectors: Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, r) => get(v, r, k))),
  };
}
