import { hypot3 } from '../geometry/hypot';
import { rotationFromVector, type Mat3 } from '../geometry/mat3';
import { BODY_HEAD_MODEL } from './body-head-model';

/**
 * The weak-perspective fit of the body head model (geometry/weak-perspective-fit.ts) specialised
 * for speed: the same Levenberg–Marquardt on the rotation with the same numerical Jacobian, the
 * same damping schedule and the same floating-point operations in the same order — so the same
 * results to the last bit (tests/unit/core/head-pose/body-head-fit.test.ts) — but on
 * preallocated typed arrays, with no objects or closures per evaluation. The hot path of the
 * estimator (docs/head-pose.md, Performance).
 */

export interface BodyHeadFit {
  readonly rotation: Mat3;
  readonly scale: number;
  readonly relativeResidual: number;
}

const COUNT = BODY_HEAD_MODEL.length;
const MODEL = Float64Array.from(BODY_HEAD_MODEL.flatMap((m) => [m.point.x, m.point.y, m.point.z]));

const JACOBIAN_STEP_RAD = 1e-6;
const MAX_ITERATIONS = 60;
const CONVERGED_STEP_RAD = 1e-5;
/**
 * rotationFromVector(step · axis) for the three axes, as the generic fit builds them each time
 * (typed, like every matrix multiplyInto sees, so its element reads stay monomorphic).
 */
const JACOBIAN_ROTATIONS: readonly Float64Array[] = [
  Float64Array.from(rotationFromVector({ x: JACOBIAN_STEP_RAD, y: 0, z: 0 })),
  Float64Array.from(rotationFromVector({ x: 0, y: JACOBIAN_STEP_RAD, z: 0 })),
  Float64Array.from(rotationFromVector({ x: 0, y: 0, z: JACOBIAN_STEP_RAD })),
];

// Scratch state, reused by every call (single-threaded; no call re-enters).
const weights = new Float64Array(COUNT);
const roots = new Float64Array(COUNT);
/**
 * The observed points minus their weighted centroid: the centroid does not depend on the
 * rotation, so it is taken once per fit, not in each of the ≈ 16 evaluations (the generic fit's
 * `p.x − px` gives the same numbers).
 */
const centredX = new Float64Array(COUNT);
const centredY = new Float64Array(COUNT);
/** Σ weights, in point order (as the generic fit sums it in every evaluation). */
let totalWeight = 0;
const projX = new Float64Array(COUNT);
const projY = new Float64Array(COUNT);
const currentResiduals = new Float64Array(2 * COUNT);
const candidateResiduals = new Float64Array(2 * COUNT);
const columns = [new Float64Array(2 * COUNT), new Float64Array(2 * COUNT), new Float64Array(2 * COUNT)] as const;
const rotation = new Float64Array(9);
const shifted = new Float64Array(9);
const candidate = new Float64Array(9);
const stepRotation = new Float64Array(9);
const bestRotation = new Float64Array(9);
const jtj = new Float64Array(9);
const jtr = new Float64Array(3);
/** Result of the last evaluate(): scale (cost is returned). */
let evaluatedScale = 0;

/** out = a · b (row-major 3×3), summed as multiplyMat3 does. */
function multiplyInto(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let r = 0; r < 3; r += 1) {
    const a0 = a[3 * r] as number, a1 = a[3 * r + 1] as number, a2 = a[3 * r + 2] as number;
    for (let c = 0; c < 3; c += 1) out[3 * r + c] = a0 * (b[c] as number) + a1 * (b[3 + c] as number) + a2 * (b[6 + c] as number);
  }
}

/** rotationFromVector (axis-angle of |ω|) into `out`, with axisAngleToMat3's arithmetic. */
function rotationFromVectorInto(out: Float64Array, ox: number, oy: number, oz: number): void {
  const angle = hypot3(ox, oy, oz);
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

/**
 * Residuals of the model under `r` with closed-form scale and offset; returns the cost. With
 * `base` (the residuals at the current rotation), `out` receives the forward-difference Jacobian
 * column (residual − base) / JACOBIAN_STEP_RAD instead of the residuals themselves.
 */
function evaluate(r: Float64Array, out: Float64Array, base: Float64Array | null = null): number {
  const r0 = r[0] as number, r1 = r[1] as number, r2 = r[2] as number, r3 = r[3] as number, r4 = r[4] as number, r5 = r[5] as number;
  let qx = 0, qy = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const mx = MODEL[3 * k] as number, my = MODEL[3 * k + 1] as number, mz = MODEL[3 * k + 2] as number;
    const x = r0 * mx + r1 * my + r2 * mz;
    const y = r3 * mx + r4 * my + r5 * mz;
    projX[k] = x;
    projY[k] = y;
    const w = weights[k] as number;
    qx += w * x; qy += w * y;
  }
  qx /= totalWeight; qy /= totalWeight;
  let correlation = 0, spread = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const w = weights[k] as number;
    const dqx = (projX[k] as number) - qx, dqy = (projY[k] as number) - qy;
    correlation += w * ((centredX[k] as number) * dqx + (centredY[k] as number) * dqy);
    spread += w * (dqx ** 2 + dqy ** 2);
  }
  const scale = spread > 1e-18 ? Math.max(correlation / spread, 0) : 0;
  let cost = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const root = roots[k] as number;
    const rx = root * ((centredX[k] as number) - scale * ((projX[k] as number) - qx));
    const ry = root * ((centredY[k] as number) - scale * ((projY[k] as number) - qy));
    if (base === null) {
      out[2 * k] = rx;
      out[2 * k + 1] = ry;
    } else {
      out[2 * k] = (rx - (base[2 * k] as number)) / JACOBIAN_STEP_RAD;
      out[2 * k + 1] = (ry - (base[2 * k + 1] as number)) / JACOBIAN_STEP_RAD;
    }
    cost += rx * rx + ry * ry;
  }
  evaluatedScale = scale;
  return cost;
}

/**
 * JᵀJ and Jᵀr of the Jacobian columns in one pass. Each sum runs over k in order, as a separate
 * dot product would, and JᵀJ is symmetric (cᵢ·cⱼ = cⱼ·cᵢ term by term), so its lower triangle is
 * the upper one's.
 */
function normalEquations(): void {
  const c0 = columns[0], c1 = columns[1], c2 = columns[2];
  let s00 = 0, s01 = 0, s02 = 0, s11 = 0, s12 = 0, s22 = 0, t0 = 0, t1 = 0, t2 = 0;
  for (let k = 0; k < 2 * COUNT; k += 1) {
    const a = c0[k] as number, b = c1[k] as number, c = c2[k] as number, r = currentResiduals[k] as number;
    s00 += a * a; s01 += a * b; s02 += a * c;
    s11 += b * b; s12 += b * c; s22 += c * c;
    t0 += a * r; t1 += b * r; t2 += c * r;
  }
  jtj[0] = s00; jtj[1] = s01; jtj[2] = s02;
  jtj[3] = s01; jtj[4] = s11; jtj[5] = s12;
  jtj[6] = s02; jtj[7] = s12; jtj[8] = s22;
  jtr[0] = t0; jtr[1] = t1; jtr[2] = t2;
}

/** LM from `start`; leaves the result in `rotation` and `currentResiduals`, returns [cost, scale] via the out array. */
function refine(start: Mat3, out: Float64Array): void {
  rotation.set(start);
  let cost = evaluate(rotation, currentResiduals);
  let scale = evaluatedScale;
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    for (let axis = 0; axis < 3; axis += 1) {
      multiplyInto(shifted, rotation, JACOBIAN_ROTATIONS[axis] as Float64Array);
      evaluate(shifted, columns[axis] as Float64Array, currentResiduals);
    }
    normalEquations();
    let improved = false;
    for (let attempt = 0; attempt < 10 && !improved; attempt += 1) {
      // invertMat3 of the damped normal matrix, with its arithmetic.
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
      const candidateCost = evaluate(candidate, candidateResiduals);
      if (candidateCost < cost) {
        const gain = cost - candidateCost;
        rotation.set(candidate);
        currentResiduals.set(candidateResiduals);
        cost = candidateCost;
        scale = evaluatedScale;
        damping = Math.max(damping / 3, 1e-9);
        improved = true;
        const stepRad = hypot3(sx, sy, sz);
        if (gain < 1e-12 * (1 + cost) || stepRad < CONVERGED_STEP_RAD) {
          out[0] = cost; out[1] = scale;
          return;
        }
      } else {
        damping *= 4;
      }
    }
    if (!improved) break;
  }
  out[0] = cost; out[1] = scale;
}

const refined = new Float64Array(2);

/**
 * Fit of BODY_HEAD_MODEL to the observed image points (camera orientation: x right, y up, any
 * unit), weighted, started from each of `starts` (the lowest cost wins, the first on ties);
 * null with fewer than 3 weighted points. Identical to fitWeakPerspective(model, observed,
 * weights, starts) of geometry/weak-perspective-fit.ts.
 */
export function fitBodyHead(
  observedX: ArrayLike<number>,
  observedY: ArrayLike<number>,
  rawWeights: ArrayLike<number>,
  starts: readonly Mat3[],
): BodyHeadFit | null {
  let usable = 0;
  let sumWeight = 0, px = 0, py = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const w = rawWeights[k] ?? 0;
    const x = observedX[k] ?? Number.NaN, y = observedY[k] ?? Number.NaN;
    const weight = Number.isFinite(x + y) && w > 0 && Number.isFinite(w) ? w : 0;
    weights[k] = weight;
    roots[k] = Math.sqrt(weight);
    if (weight > 0) usable += 1;
    // A non-finite point has weight 0 but still enters the sums (0 · NaN = NaN), as in the generic fit.
    sumWeight += weight; px += weight * x; py += weight * y;
    centredX[k] = x;
    centredY[k] = y;
  }
  if (usable < 3 || starts.length === 0) return null;
  totalWeight = sumWeight;
  px /= totalWeight; py /= totalWeight;
  for (let k = 0; k < COUNT; k += 1) {
    centredX[k] = (centredX[k] as number) - px;
    centredY[k] = (centredY[k] as number) - py;
  }
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
  const rmsResidual = Math.sqrt(bestCost / totalWeight);
  let spread = 0;
  for (let k = 0; k < COUNT; k += 1) {
    const mx = MODEL[3 * k] as number, my = MODEL[3 * k + 1] as number, mz = MODEL[3 * k + 2] as number;
    spread += (weights[k] as number) * (mx * mx + my * my + mz * mz);
  }
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
