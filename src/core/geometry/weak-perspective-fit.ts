import { hypot3 } from './hypot';
import { applyMat3, invertMat3, mat3FromFunction, multiplyMat3, rotationFromVector, type Mat3 } from './mat3';
import type { Vec3 } from './vec3';

/** A 2D point in camera orientation (x right, y up), any unit. */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

export interface WeakPerspectiveFit {
  /** observed ≈ scale · (rotation · model).xy + offset */
  readonly rotation: Mat3;
  readonly scale: number;
  /** Weighted RMS 2D residual in observed units. */
  readonly rmsResidual: number;
  /** rmsResidual relative to the fitted model's size (scale × model RMS radius): unitless. */
  readonly relativeResidual: number;
}

interface Evaluation {
  readonly residuals: number[];
  readonly cost: number;
  readonly scale: number;
}

/**
 * Scale and offset are solved in closed form for a given rotation (variable projection),
 * so only the rotation is iterated.
 */
function evaluate(rotation: Mat3, model: readonly Vec3[], observed: readonly Point2[], weights: readonly number[]): Evaluation {
  const projected = model.map((m) => applyMat3(rotation, m));
  let totalWeight = 0, qx = 0, qy = 0, px = 0, py = 0;
  projected.forEach((q, k) => {
    const w = weights[k] ?? 0;
    const p = observed[k] as Point2;
    totalWeight += w; qx += w * q.x; qy += w * q.y; px += w * p.x; py += w * p.y;
  });
  qx /= totalWeight; qy /= totalWeight; px /= totalWeight; py /= totalWeight;
  let correlation = 0, spread = 0;
  projected.forEach((q, k) => {
    const w = weights[k] ?? 0;
    const p = observed[k] as Point2;
    correlation += w * ((p.x - px) * (q.x - qx) + (p.y - py) * (q.y - qy));
    spread += w * ((q.x - qx) ** 2 + (q.y - qy) ** 2);
  });
  // A negative scale would be an upside-down head: forbid it, so the optimiser walks away from it.
  const scale = spread > 1e-18 ? Math.max(correlation / spread, 0) : 0;
  const residuals: number[] = [];
  let cost = 0;
  projected.forEach((q, k) => {
    const root = Math.sqrt(weights[k] ?? 0);
    const p = observed[k] as Point2;
    const rx = root * (p.x - px - scale * (q.x - qx));
    const ry = root * (p.y - py - scale * (q.y - qy));
    residuals.push(rx, ry);
    cost += rx * rx + ry * ry;
  });
  return { residuals, cost, scale };
}

const JACOBIAN_STEP_RAD = 1e-6;
const MAX_ITERATIONS = 60;
/** A step this small (≈ 0.0006°) means converged. */
const CONVERGED_STEP_RAD = 1e-5;

function refine(start: Mat3, model: readonly Vec3[], observed: readonly Point2[], weights: readonly number[]): { rotation: Mat3; evaluation: Evaluation } {
  let rotation = start;
  let current = evaluate(rotation, model, observed, weights);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const columns = [0, 1, 2].map((axis) => {
      const delta = { x: axis === 0 ? JACOBIAN_STEP_RAD : 0, y: axis === 1 ? JACOBIAN_STEP_RAD : 0, z: axis === 2 ? JACOBIAN_STEP_RAD : 0 };
      const shifted = evaluate(multiplyMat3(rotation, rotationFromVector(delta)), model, observed, weights);
      return shifted.residuals.map((r, k) => (r - (current.residuals[k] ?? 0)) / JACOBIAN_STEP_RAD);
    });
    const jtj = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => dot(columns[i] ?? [], columns[j] ?? [])));
    const jtr = [0, 1, 2].map((i) => dot(columns[i] ?? [], current.residuals));
    let improved = false;
    for (let attempt = 0; attempt < 10 && !improved; attempt += 1) {
      const damped = mat3FromFunction((r, c) => {
        const value = jtj[3 * r + c] ?? 0;
        return r === c ? value * (1 + damping) + 1e-12 : value;
      });
      const inverse = invertMat3(damped);
      if (!inverse) break;
      const step = applyMat3(inverse, { x: -(jtr[0] ?? 0), y: -(jtr[1] ?? 0), z: -(jtr[2] ?? 0) });
      const candidateRotation = multiplyMat3(rotation, rotationFromVector(step));
      const candidate = evaluate(candidateRotation, model, observed, weights);
      if (candidate.cost < current.cost) {
        const gain = current.cost - candidate.cost;
        rotation = candidateRotation;
        current = candidate;
        damping = Math.max(damping / 3, 1e-9);
        improved = true;
        const stepRad = hypot3(step.x, step.y, step.z);
        if (gain < 1e-12 * (1 + current.cost) || stepRad < CONVERGED_STEP_RAD) return { rotation, evaluation: current };
      } else {
        damping *= 4;
      }
    }
    if (!improved) break;
  }
  return { rotation, evaluation: current };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] ?? 0) * (b[k] ?? 0);
  return sum;
}

/**
 * Rotation of a rigid 3D `model` whose scaled orthographic projection best matches the 2D
 * `observed` points (weighted least squares, Levenberg–Marquardt on the rotation, started from
 * each of `starts`; the best result wins). Null with fewer than 3 weighted points.
 */
export function fitWeakPerspective(
  model: readonly Vec3[],
  observed: readonly Point2[],
  rawWeights: readonly number[],
  starts: readonly Mat3[],
): WeakPerspectiveFit | null {
  const weights = rawWeights.map((w, k) => {
    const m = model[k];
    const p = observed[k];
    const finite = m && p && Number.isFinite(m.x + m.y + m.z) && Number.isFinite(p.x + p.y);
    return finite && w > 0 && Number.isFinite(w) ? w : 0;
  });
  const usable = weights.filter((w, k) => w > 0 && k < model.length && k < observed.length).length;
  if (usable < 3 || starts.length === 0) return null;
  let best: { rotation: Mat3; evaluation: Evaluation } | null = null;
  for (const start of starts) {
    const result = refine(start, model, observed, weights);
    if (!best || result.evaluation.cost < best.evaluation.cost) best = result;
  }
  if (!best || !(best.evaluation.scale > 0)) return null;
  const totalWeight = weights.reduce((s, w, k) => (k < model.length ? s + Math.max(w, 0) : s), 0);
  const rmsResidual = Math.sqrt(best.evaluation.cost / totalWeight);
  const modelRadius = Math.sqrt(
    model.reduce((s, m, k) => s + Math.max(weights[k] ?? 0, 0) * (m.x * m.x + m.y * m.y + m.z * m.z), 0) / totalWeight,
  );
  return {
    rotation: best.rotation,
    scale: best.evaluation.scale,
    rmsResidual,
    relativeResidual: rmsResidual / Math.max(best.evaluation.scale * modelRadius, 1e-12),
  };
}
