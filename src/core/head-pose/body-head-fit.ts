import type { Mat3 } from '../geometry/mat3';
import { BODY_HEAD_MODEL } from './body-head-model';

/**
 * The weak-perspective fit of the body head model (geometry/weak-perspective-fit.ts: the same
 * cost, Levenberg–Marquardt on the rotation with the same damping schedule, stopping rules and
 * multi-start) rewritten so that an iteration costs O(1) instead of O(points):
 *
 * with the weighted model m̃ = m − m̄ and the centred observations c, the cost of a rotation R
 * (first two rows r₀, r₁) with its best scale s and offset is Σw|c − s·R₂m̃|², which needs only
 * the moments C = Σw m̃m̃ᵀ (3×3), xⱼ = Σw m̃·cⱼ (the model against each image axis) and Σw|c|²:
 *   spread = r₀ᵀCr₀ + r₁ᵀCr₁,  correlation = r₀·x₀ + r₁·x₁,  s = correlation / spread,
 *   cost = Σw|c|² − 2s·correlation + s²·spread.
 * The Jacobian of the residuals for a rotation ω applied on the right, R·exp([ω]×), with the
 * scale's own change (variable projection, Golub & Pereyra 1973), reduces to moments too; the
 * normal equations JᵀJ, Jᵀr are formed directly (normalEquations). The moments are taken once per
 * fit. The hot path of the estimator (docs/head-pose.md, Performance); the generic fit, with its
 * forward-difference Jacobian over the points, is the reference it is tested against
 * (tests/unit/core/head-pose/body-head-fit.test.ts).
 */

export interface BodyHeadFit {
  readonly rotation: Mat3;
  readonly scale: number;
  readonly relativeResidual: number;
}

const COUNT = BODY_HEAD_MODEL.length;
const MODEL = Float64Array.from(BODY_HEAD_MODEL.flatMap((m) => [m.point.x, m.point.y, m.point.z]));

const MAX_ITERATIONS = 60;
const CONVERGED_STEP_RAD = 1e-5;

/**
 * The fit's moments (see above), set by fitBodyHead before any refine (single-threaded; no
 * re-entry): C (00 01 02 11 12 22), x₀, x₁, then Σw|c|². A typed array rather than module-level
 * `let`s, which V8 reads and writes through the module context on every access.
 */
const moments = new Float64Array(13);
const C00 = 0, C01 = 1, C02 = 2, C11 = 3, C12 = 4, C22 = 5, X0X = 6, X0Y = 7, X0Z = 8, X1X = 9, X1Y = 10, X1Z = 11, OBSERVED_SPREAD = 12;

const rotation = new Float64Array(9);
const candidate = new Float64Array(9);
const stepRotation = new Float64Array(9);
const bestRotation = new Float64Array(9);
const jtj = new Float64Array(9);
const jtr = new Float64Array(3);
/** Scale of the last evaluate() (the cost is returned). */
let evaluatedScale = 0;

/** out = a · b (row-major 3×3). */
function multiplyInto(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let r = 0; r < 3; r += 1) {
    const a0 = a[3 * r] as number, a1 = a[3 * r + 1] as number, a2 = a[3 * r + 2] as number;
    for (let c = 0; c < 3; c += 1) out[3 * r + c] = a0 * (b[c] as number) + a1 * (b[3 + c] as number) + a2 * (b[6 + c] as number);
  }
}

/** rotationFromVector (the exponential map of the axis-angle vector ω) into `out`. */
function rotationFromVectorInto(out: Float64Array, ox: number, oy: number, oz: number): void {
  // A plain root, not Math.hypot: ω is a small step, far from overflow, and this runs per iteration.
  const angle = Math.sqrt(ox * ox + oy * oy + oz * oz);
  if (angle < 1e-12) {
    out.fill(0);
    out[0] = 1; out[4] = 1; out[8] = 1;
    return;
  }
  const x = ox / angle, y = oy / angle, z = oz / angle;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  out[0] = t * x * x + c; out[1] = t * x * y - s * z; out[2] = t * x * z + s * y;
  out[3] = t * x * y + s * z; out[4] = t * y * y + c; out[5] = t * y * z - s * x;
  out[6] = t * x * z - s * y; out[7] = t * y * z + s * x; out[8] = t * z * z + c;
}

/** The cost of rotation `r` at its best scale and offset (the scale is left in evaluatedScale). */
function evaluate(r: Float64Array): number {
  const r0 = r[0] as number, r1 = r[1] as number, r2 = r[2] as number, r3 = r[3] as number, r4 = r[4] as number, r5 = r[5] as number;
  const c00 = moments[C00] as number, c01 = moments[C01] as number, c02 = moments[C02] as number;
  const c11 = moments[C11] as number, c12 = moments[C12] as number, c22 = moments[C22] as number;
  // rᵀCr for both rows.
  const spread =
    r0 * (c00 * r0 + c01 * r1 + c02 * r2) + r1 * (c01 * r0 + c11 * r1 + c12 * r2) + r2 * (c02 * r0 + c12 * r1 + c22 * r2) +
    r3 * (c00 * r3 + c01 * r4 + c02 * r5) + r4 * (c01 * r3 + c11 * r4 + c12 * r5) + r5 * (c02 * r3 + c12 * r4 + c22 * r5);
  const correlation =
    r0 * (moments[X0X] as number) + r1 * (moments[X0Y] as number) + r2 * (moments[X0Z] as number) +
    r3 * (moments[X1X] as number) + r4 * (moments[X1Y] as number) + r5 * (moments[X1Z] as number);
  // The scale may go negative while iterating (see refine): the cost has no flat region then.
  const scale = spread > 1e-18 ? correlation / spread : 0;
  evaluatedScale = scale;
  return (moments[OBSERVED_SPREAD] as number) - 2 * scale * correlation + scale * scale * spread;
}

/**
 * JᵀJ and Jᵀr at rotation `r`. Per point, with d = R₂m̃ and Gₐ = R₂(eₐ × m̃) (the image motion of
 * the point for a turn about axis a), the residual √w(c − s·d) has the derivative
 * −√w(∂ₐs·d + s·Gₐ), ∂ₐs = (Σw c·Gₐ − 2s·Σw d·Gₐ) / spread. The three sums over the points are
 *   Σw c·Gₐ = [x₀ × r₀ + x₁ × r₁]ₐ,  Σw d·Gₐ = [Cr₀ × r₀ + Cr₁ × r₁]ₐ,
 *   Σw Gₐ·G_b = [Σⱼ [rⱼ]× C [rⱼ]×ᵀ]ₐ_b.
 */
function normalEquations(r: Float64Array): void {
  const r0 = r[0] as number, r1 = r[1] as number, r2 = r[2] as number, r3 = r[3] as number, r4 = r[4] as number, r5 = r[5] as number;
  const c00 = moments[C00] as number, c01 = moments[C01] as number, c02 = moments[C02] as number;
  const c11 = moments[C11] as number, c12 = moments[C12] as number, c22 = moments[C22] as number;
  const x0x = moments[X0X] as number, x0y = moments[X0Y] as number, x0z = moments[X0Z] as number;
  const x1x = moments[X1X] as number, x1y = moments[X1Y] as number, x1z = moments[X1Z] as number;
  // C·r₀ and C·r₁.
  const p0 = c00 * r0 + c01 * r1 + c02 * r2, p1 = c01 * r0 + c11 * r1 + c12 * r2, p2 = c02 * r0 + c12 * r1 + c22 * r2;
  const q0 = c00 * r3 + c01 * r4 + c02 * r5, q1 = c01 * r3 + c11 * r4 + c12 * r5, q2 = c02 * r3 + c12 * r4 + c22 * r5;
  const spread = r0 * p0 + r1 * p1 + r2 * p2 + r3 * q0 + r4 * q1 + r5 * q2;
  const correlation = r0 * x0x + r1 * x0y + r2 * x0z + r3 * x1x + r4 * x1y + r5 * x1z;
  const live = spread > 1e-18 ? 1 / spread : 0;
  const scale = correlation * live;
  // Σw c·Gₐ = x₀ × r₀ + x₁ × r₁.
  const dc0 = x0y * r2 - x0z * r1 + (x1y * r5 - x1z * r4);
  const dc1 = x0z * r0 - x0x * r2 + (x1z * r3 - x1x * r5);
  const dc2 = x0x * r1 - x0y * r0 + (x1x * r4 - x1y * r3);
  // Σw d·Gₐ = Cr₀ × r₀ + Cr₁ × r₁.
  const dd0 = p1 * r2 - p2 * r1 + (q1 * r5 - q2 * r4);
  const dd1 = p2 * r0 - p0 * r2 + (q2 * r3 - q0 * r5);
  const dd2 = p0 * r1 - p1 * r0 + (q0 * r4 - q1 * r3);
  // Σw Gₐ·G_b = Σⱼ [rⱼ]× C [rⱼ]×ᵀ, with [r]× = [0 −z y; z 0 −x; −y x 0]: K = [rⱼ]× C, then K [rⱼ]×ᵀ.
  let h00 = 0, h01 = 0, h02 = 0, h11 = 0, h12 = 0, h22 = 0;
  for (let row = 0; row < 2; row += 1) {
    const x = r[3 * row] as number, y = r[3 * row + 1] as number, z = r[3 * row + 2] as number;
    const k00 = -z * c01 + y * c02, k01 = -z * c11 + y * c12, k02 = -z * c12 + y * c22;
    const k10 = z * c00 - x * c02, k11 = z * c01 - x * c12, k12 = z * c02 - x * c22;
    const k20 = -y * c00 + x * c01, k21 = -y * c01 + x * c11;
    h00 += -z * k01 + y * k02; h01 += z * k00 - x * k02; h02 += -y * k00 + x * k01;
    h11 += z * k10 - x * k12; h12 += -y * k10 + x * k11; h22 += -y * k20 + x * k21;
  }
  const s0 = (dc0 - 2 * scale * dd0) * live, s1 = (dc1 - 2 * scale * dd1) * live, s2 = (dc2 - 2 * scale * dd2) * live;
  const scale2 = scale * scale;
  jtj[0] = s0 * s0 * spread + 2 * scale * s0 * dd0 + scale2 * h00;
  jtj[4] = s1 * s1 * spread + 2 * scale * s1 * dd1 + scale2 * h11;
  jtj[8] = s2 * s2 * spread + 2 * scale * s2 * dd2 + scale2 * h22;
  jtj[1] = jtj[3] = s0 * s1 * spread + scale * (s0 * dd1 + s1 * dd0) + scale2 * h01;
  jtj[2] = jtj[6] = s0 * s2 * spread + scale * (s0 * dd2 + s2 * dd0) + scale2 * h02;
  jtj[5] = jtj[7] = s1 * s2 * spread + scale * (s1 * dd2 + s2 * dd1) + scale2 * h12;
  // Jᵀr = −Σw(∂s·d + s·G)·(c − s·d), where Σw d·(c − s·d) = correlation − s·spread = 0.
  jtr[0] = -scale * (dc0 - scale * dd0);
  jtr[1] = -scale * (dc1 - scale * dd1);
  jtr[2] = -scale * (dc2 - scale * dd2);
}

/**
 * LM from `start`; leaves the result in `rotation`, returns [cost, scale] via `out`. The scale is
 * left free in sign while iterating, so the cost never goes flat (the generic fit clamps it at 0,
 * where a start seen "upside down" stalls); a negative scale s with rotation R projects exactly as
 * −s with R turned 180° about the view axis (its first two rows negated), which is how it ends.
 */
function refine(start: Mat3, out: Float64Array): void {
  for (let k = 0; k < 9; k += 1) rotation[k] = start[k] as number;
  let cost = evaluate(rotation);
  let scale = evaluatedScale;
  let damping = 1e-3;
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration += 1) {
    normalEquations(rotation);
    let improved = false;
    for (let attempt = 0; attempt < 10 && !improved; attempt += 1) {
      // The damped normal matrix, inverted (as invertMat3).
      const a = (jtj[0] as number) * (1 + damping) + 1e-12, b = jtj[1] as number, c = jtj[2] as number;
      const d = jtj[3] as number, e = (jtj[4] as number) * (1 + damping) + 1e-12, f = jtj[5] as number;
      const g = jtj[6] as number, h = jtj[7] as number, i = (jtj[8] as number) * (1 + damping) + 1e-12;
      const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
      if (!Number.isFinite(det) || Math.abs(det) < 1e-12) break;
      const k = 1 / det;
      const vx = -(jtr[0] as number), vy = -(jtr[1] as number), vz = -(jtr[2] as number);
      const sx = (e * i - f * h) * k * vx + (c * h - b * i) * k * vy + (b * f - c * e) * k * vz;
      const sy = (f * g - d * i) * k * vx + (a * i - c * g) * k * vy + (c * d - a * f) * k * vz;
      const sz = (d * h - e * g) * k * vx + (b * g - a * h) * k * vy + (a * e - b * d) * k * vz;
      rotationFromVectorInto(stepRotation, sx, sy, sz);
      multiplyInto(candidate, rotation, stepRotation);
      const candidateCost = evaluate(candidate);
      if (candidateCost < cost) {
        const gain = cost - candidateCost;
        rotation.set(candidate);
        cost = candidateCost;
        scale = evaluatedScale;
        damping = Math.max(damping / 3, 1e-9);
        improved = true;
        converged = gain < 1e-12 * (1 + cost) || Math.sqrt(sx * sx + sy * sy + sz * sz) < CONVERGED_STEP_RAD;
      } else {
        damping *= 4;
      }
    }
    if (!improved) break;
  }
  if (scale < 0) {
    for (let k = 0; k < 6; k += 1) rotation[k] = -(rotation[k] as number);
    scale = -scale;
  }
  out[0] = cost; out[1] = scale;
}

const refined = new Float64Array(2);
/** What takeMoments leaves besides `moments`: Σw and Σw|m|² (for the relative residual). */
const totals = new Float64Array(2);

/**
 * Takes the fit's moments of the observed points into `moments` (and Σw, Σw|m|² into `totals`).
 * False with fewer than 3 weighted points, or a non-finite point even unweighted (it makes the
 * generic fit's sums NaN: refused, as there).
 */
function takeMoments(observedX: ArrayLike<number>, observedY: ArrayLike<number>, rawWeights: ArrayLike<number>): boolean {
  let usable = 0, finite = true;
  let totalWeight = 0, px = 0, py = 0, mx = 0, my = 0, mz = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const w = rawWeights[k] ?? 0;
    const x = observedX[k] ?? Number.NaN, y = observedY[k] ?? Number.NaN;
    if (!Number.isFinite(x + y)) finite = false;
    const weight = w > 0 && Number.isFinite(w) ? w : 0;
    if (weight > 0) usable += 1;
    totalWeight += weight; px += weight * x; py += weight * y;
    mx += weight * (MODEL[3 * k] as number); my += weight * (MODEL[3 * k + 1] as number); mz += weight * (MODEL[3 * k + 2] as number);
  }
  if (!finite || usable < 3) return false;
  px /= totalWeight; py /= totalWeight; mx /= totalWeight; my /= totalWeight; mz /= totalWeight;
  let c00 = 0, c01 = 0, c02 = 0, c11 = 0, c12 = 0, c22 = 0;
  let x0x = 0, x0y = 0, x0z = 0, x1x = 0, x1y = 0, x1z = 0;
  let observedSpread = 0, spread = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const w = rawWeights[k] ?? 0;
    if (!(w > 0 && Number.isFinite(w))) continue;
    const ax = MODEL[3 * k] as number, ay = MODEL[3 * k + 1] as number, az = MODEL[3 * k + 2] as number;
    const u = ax - mx, v = ay - my, t = az - mz;
    const cx = (observedX[k] as number) - px, cy = (observedY[k] as number) - py;
    c00 += w * u * u; c01 += w * u * v; c02 += w * u * t; c11 += w * v * v; c12 += w * v * t; c22 += w * t * t;
    x0x += w * u * cx; x0y += w * v * cx; x0z += w * t * cx;
    x1x += w * u * cy; x1y += w * v * cy; x1z += w * t * cy;
    observedSpread += w * (cx * cx + cy * cy);
    spread += w * (ax * ax + ay * ay + az * az);
  }
  moments[C00] = c00; moments[C01] = c01; moments[C02] = c02; moments[C11] = c11; moments[C12] = c12; moments[C22] = c22;
  moments[X0X] = x0x; moments[X0Y] = x0y; moments[X0Z] = x0z; moments[X1X] = x1x; moments[X1Y] = x1y; moments[X1Z] = x1z;
  moments[OBSERVED_SPREAD] = observedSpread;
  totals[0] = totalWeight; totals[1] = spread;
  return true;
}

/**
 * Fit of BODY_HEAD_MODEL to the observed image points (camera orientation: x right, y up, any
 * unit), weighted, started from each of `starts` (the lowest cost wins, the first on ties);
 * null with fewer than 3 weighted points or a non-finite one. The same fit as
 * fitWeakPerspective(model, observed, weights, starts) of geometry/weak-perspective-fit.ts.
 */
export function fitBodyHead(
  observedX: ArrayLike<number>,
  observedY: ArrayLike<number>,
  rawWeights: ArrayLike<number>,
  starts: readonly Mat3[],
): BodyHeadFit | null {
  if (starts.length === 0 || !takeMoments(observedX, observedY, rawWeights)) return null;
  const totalWeight = totals[0] as number, spread = totals[1] as number;
  let bestCost = Number.NaN, bestScale = Number.NaN, found = false;
  for (const start of starts) {
    refine(start, refined);
    const cost = refined[0] as number;
    if (!found || cost < bestCost) {
      found = true;
      bestCost = cost;
      bestScale = refined[1] as number;
      bestRotation.set(rotation);
    }
  }
  if (!(bestScale > 0)) return null;
  // The cost is a difference of moments: a perfect fit can leave a rounding-sized negative.
  const rmsResidual = Math.sqrt(Math.max(bestCost, 0) / totalWeight);
  const modelRadius = Math.sqrt(spread / totalWeight);
  return {
    rotation: [
      bestRotation[0] as number, bestRotation[1] as number, bestRotation[2] as number,
      bestRotation[3] as number, bestRotation[4] as number, bestRotation[5] as number,
      bestRotation[6] as number, bestRotation[7] as number, bestRotation[8] as number,
    ],
    scale: bestScale,
    relativeResidual: rmsResidual / Math.max(bestScale * modelRadius, 1e-12),
  };
}

/**
 * The cost and the closed-form normal equations (JᵀJ row-major, Jᵀr) of the fit at `r`, for
 * checking them against finite differences of the residuals (body-head-fit.test.ts); null as
 * fitBodyHead.
 */
export function bodyHeadNormalEquations(
  observedX: ArrayLike<number>,
  observedY: ArrayLike<number>,
  rawWeights: ArrayLike<number>,
  r: Mat3,
): { readonly cost: number; readonly jtj: readonly number[]; readonly jtr: readonly number[] } | null {
  if (!takeMoments(observedX, observedY, rawWeights)) return null;
  const at = Float64Array.from(r);
  normalEquations(at);
  return { cost: evaluate(at), jtj: Array.from(jtj), jtr: Array.from(jtr) };
}
