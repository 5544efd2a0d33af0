/**
 * The largest eigenpair of Horn's 4×4 quaternion matrix N (similarity-fit.ts) without a general
 * eigensolver: Theobald's QCP method (Acta Cryst. A61, 478–480, 2005; Liu, Agrafiotis & Theobald,
 * J. Comput. Chem. 31, 1561–1563, 2010). N is symmetric and traceless, so its characteristic
 * polynomial is λ⁴ + c₂λ² + c₁λ + c₀ with c₂ = −2‖S‖², c₁ = −8·det S and c₀ = det N (S the 3×3
 * cross-covariance N is built from). Newton's method from an upper bound of the largest root
 * descends onto it monotonically (all roots are real) and stops where rounding breaks that; the
 * eigenvector is then any non-zero column of adj(N − λI), which for a simple eigenvalue is
 * proportional to q·qᵀ.
 */

/** OTHERS[3i..3i+2]: the three indices of 0..3 other than i, in order (for the 3×3 minors). */
const OTHERS = Int8Array.of(1, 2, 3, 0, 2, 3, 0, 1, 3, 0, 1, 2);

const MAX_NEWTON_STEPS = 50;
const NEWTON_RELATIVE_TOLERANCE = 1e-13;

/** Determinant of the 3×3 minor of the row-major 4×4 `m` left after removing row `i` and column `j`. */
function minor(m: ArrayLike<number>, i: number, j: number): number {
  const r0 = OTHERS[3 * i] as number, r1 = OTHERS[3 * i + 1] as number, r2 = OTHERS[3 * i + 2] as number;
  const c0 = OTHERS[3 * j] as number, c1 = OTHERS[3 * j + 1] as number, c2 = OTHERS[3 * j + 2] as number;
  const a = m[4 * r0 + c0] as number, b = m[4 * r0 + c1] as number, c = m[4 * r0 + c2] as number;
  const d = m[4 * r1 + c0] as number, e = m[4 * r1 + c1] as number, f = m[4 * r1 + c2] as number;
  const g = m[4 * r2 + c0] as number, h = m[4 * r2 + c1] as number, k = m[4 * r2 + c2] as number;
  return a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
}

function determinant4(m: ArrayLike<number>): number {
  return (m[0] as number) * minor(m, 0, 0) - (m[1] as number) * minor(m, 0, 1) + (m[2] as number) * minor(m, 0, 2) - (m[3] as number) * minor(m, 0, 3);
}

/**
 * The largest eigenvalue of Horn's matrix `n` (row-major 4×4, symmetric, traceless) built from
 * the cross-covariance S = [sxx sxy sxz; syx syy syz; szx szy szz]. `upperBound` must be ≥ it:
 * √(Σw|a − ā|² · Σw|b − b̄|²) is (Cauchy–Schwarz), and is close to it for a good fit.
 */
export function hornLargestEigenvalue(n: ArrayLike<number>, s: ArrayLike<number>, upperBound: number): number {
  let squares = 0;
  for (let k = 0; k < 9; k += 1) squares += (s[k] as number) ** 2;
  const s0 = s[0] as number, s1 = s[1] as number, s2 = s[2] as number, s3 = s[3] as number, s4 = s[4] as number;
  const s5 = s[5] as number, s6 = s[6] as number, s7 = s[7] as number, s8 = s[8] as number;
  const detS = s0 * (s4 * s8 - s5 * s7) - s1 * (s3 * s8 - s5 * s6) + s2 * (s3 * s7 - s4 * s6);
  const c2 = -2 * squares;
  const c1 = -8 * detS;
  const c0 = determinant4(n);
  // Rayleigh quotients bound the largest eigenvalue from below: it is ≥ every diagonal entry.
  const lowerBound = Math.max(n[0] as number, n[5] as number, n[10] as number, n[15] as number);
  let lambda = upperBound;
  let previousStep = Infinity;
  for (let step = 0; step < MAX_NEWTON_STEPS; step += 1) {
    const lambda2 = lambda * lambda;
    const value = (lambda2 + c2) * lambda2 + c1 * lambda + c0;
    const slope = 4 * lambda2 * lambda + 2 * c2 * lambda + c1;
    // Above the largest root r (all four real) the quartic and its slope are positive and the step
    // p/p′ = 1/Σ 1/(λ − rₖ) lies between (λ − r)/4 and λ − r: every step descends, none passes r,
    // and none is over 3× the one before. Where rounding breaks any of that the iterate is within
    // the polynomial's noise of r; near a repeated root (flat, linear or mirrored point sets)
    // stepping on wanders on that noise or, where the slope rounds to ~0, leaps far (fast-check
    // found both).
    if (!(value > 0 && slope > 0)) break;
    const change = value / slope;
    const next = lambda - change;
    if (!(change > 0 && change <= 3 * previousStep)) break;
    if (!(next > lowerBound)) {
      // The root lies in [lowerBound, λ]: a diagonal entry that is the eigenvalue (S diagonal).
      lambda = lowerBound;
      break;
    }
    lambda = next;
    previousStep = change;
    if (!(change > NEWTON_RELATIVE_TOLERANCE * Math.abs(lambda))) break;
  }
  return lambda;
}

/**
 * A unit eigenvector of `n` for its simple eigenvalue `lambda`, written to `out` (w, x, y, z):
 * the column of adj(n − λI) with the largest diagonal entry. False when that column is too small
 * to trust (λ repeated, or not an eigenvalue): the caller then needs a general eigensolver.
 * `shifted` (16 entries) is the caller's scratch for n − λI.
 */
export function hornEigenvector(n: ArrayLike<number>, lambda: number, out: Float64Array, shifted: Float64Array): boolean {
  let scale = 0;
  for (let k = 0; k < 16; k += 1) {
    shifted[k] = (n[k] as number) - (k % 5 === 0 ? lambda : 0);
    scale = Math.max(scale, Math.abs(n[k] as number));
  }
  // adj(M)ᵢᵢ = minor(i, i) = C·qᵢ²: the largest picks the best-conditioned column.
  let best = 0, bestDiagonal = -1;
  for (let i = 0; i < 4; i += 1) {
    const diagonal = Math.abs(minor(shifted, i, i));
    if (diagonal > bestDiagonal) {
      bestDiagonal = diagonal;
      best = i;
    }
  }
  // max adj(M)ᵢᵢ ≥ ¼·Π(λ − λₖ) over the other three eigenvalues. Newton meets a double root only to
  // ~1e-8 (its convergence turns linear), leaving ~1e-8·‖N‖³ here: below 1e-6·‖N‖³ the
  // eigenvalue is taken as repeated (a flat or linear point set) and the column as noise.
  if (!(bestDiagonal > 1e-6 * scale * scale * scale)) return false;
  let norm = 0;
  for (let i = 0; i < 4; i += 1) {
    // adj(M)ᵢⱼ = (−1)^(i+j) · minor(j, i); M is symmetric, so minor(j, i) = minor(i, j).
    const cofactor = ((i + best) % 2 === 0 ? 1 : -1) * minor(shifted, best, i);
    out[i] = cofactor;
    norm += cofactor * cofactor;
  }
  norm = Math.sqrt(norm);
  if (!(norm > 0)) return false;
  for (let i = 0; i < 4; i += 1) out[i] = (out[i] as number) / norm;
  return true;
}
