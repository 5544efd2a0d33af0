import { anglesToMatrix, rotationToAngles } from '../../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3 } from '../../../src/core/geometry/mat3';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import type { Axis } from './trajectory';

/**
 * Scoring of the range clips (npm run eval:range): per-frame errors of an estimate (relative to its
 * own neutral) against the truth (relative to the clip's first frame), binned by how far the head
 * is turned on each axis.
 */
export type MaybeAngles = HeadAngles | null;

const KEY = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' } as const;
const AXES: readonly Axis[] = ['yaw', 'pitch', 'roll'];

/** Bins by |true angle| on one axis, degrees; the last bin is open above. */
export const BINS: readonly { readonly name: string; readonly axis: Axis; readonly from: number; readonly to: number }[] = [
  { name: 'yaw 0-30', axis: 'yaw', from: 0, to: 30 },
  { name: 'yaw 30-60', axis: 'yaw', from: 30, to: 60 },
  { name: 'yaw 60-75', axis: 'yaw', from: 60, to: 75 },
  { name: 'yaw 75-90', axis: 'yaw', from: 75, to: Infinity },
  { name: 'pitch 0-30', axis: 'pitch', from: 0, to: 30 },
  { name: 'pitch 30-60', axis: 'pitch', from: 30, to: 60 },
  { name: 'pitch 60+', axis: 'pitch', from: 60, to: Infinity },
  { name: 'roll 0-20', axis: 'roll', from: 0, to: 20 },
  { name: 'roll 20-45', axis: 'roll', from: 20, to: Infinity },
];

export interface AxisAccumulator {
  n: number;
  sumAbs: number;
  maxAbs: number;
}

/** Frames in a bin, those with an angle, and |error| per axis over those. */
export interface BinAccumulator {
  frames: number;
  found: number;
  readonly axes: Record<Axis, AxisAccumulator>;
}

export type BinTable = Record<string, BinAccumulator>;

export function emptyBins(): BinTable {
  const table: BinTable = {};
  for (const bin of BINS) {
    table[bin.name] = { frames: 0, found: 0, axes: { yaw: { n: 0, sumAbs: 0, maxAbs: 0 }, pitch: { n: 0, sumAbs: 0, maxAbs: 0 }, roll: { n: 0, sumAbs: 0, maxAbs: 0 } } };
  }
  return table;
}

export function mergeBins(into: BinTable, from: BinTable): void {
  for (const [name, b] of Object.entries(from)) {
    const a = into[name];
    if (a === undefined) continue;
    a.frames += b.frames;
    a.found += b.found;
    for (const axis of AXES) {
      a.axes[axis].n += b.axes[axis].n;
      a.axes[axis].sumAbs += b.axes[axis].sumAbs;
      a.axes[axis].maxAbs = Math.max(a.axes[axis].maxAbs, b.axes[axis].maxAbs);
    }
  }
}

/** An angle difference wrapped to (−180, 180]. */
export function wrapDeg(d: number): number {
  const w = ((((d + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

/**
 * The error of each frame as angles of the error rotation E = R_est · R_trueᵀ (about the camera's
 * axes: yaw error about its vertical, pitch about its horizontal, roll about its optical axis), so
 * it stays defined near ±90° of yaw, where yaw/pitch/roll of the head itself are not separable.
 * E has two angle triples, (y, p, r) and (±180 − y, p + 180, r + 180) (rotationToAngles keeps
 * |yaw| ≤ 90): the smaller one is used (a head read on the wrong side, 170° off in yaw, is 170° in
 * yaw, not 10° with pitch and roll 180). Null when the frame has no estimate.
 */
export function frameErrors(truth: readonly HeadAngles[], estimate: readonly MaybeAngles[]): (HeadAngles | null)[] {
  return truth.map((t, i) => {
    const e = estimate[i];
    if (e == null) return null;
    const a = rotationToAngles(multiplyMat3(anglesToMatrix(e), transposeMat3(anglesToMatrix(t))));
    const direct = { yawDeg: a.yawDeg, pitchDeg: wrapDeg(a.pitchDeg), rollDeg: wrapDeg(a.rollDeg) };
    const other = { yawDeg: (a.yawDeg >= 0 ? 180 : -180) - a.yawDeg, pitchDeg: wrapDeg(a.pitchDeg + 180), rollDeg: wrapDeg(a.rollDeg + 180) };
    const size = (x: HeadAngles): number => Math.abs(x.yawDeg) + Math.abs(x.pitchDeg) + Math.abs(x.rollDeg);
    return size(other) < size(direct) ? other : direct;
  });
}

/**
 * Pitch and roll bins take only frames turned less than this in yaw: beyond it the truth's own
 * pitch and roll are gimbal-bound (at 90° they are not separable: a camera 8.5° above a head
 * turned 88° gives it "pitch 60°"), so |pitch| and |roll| would not say how tilted the head is.
 */
export const TILT_BINS_MAX_ABS_YAW_DEG = 75;

/** Each frame counts in one bin per axis (the bin of its |true angle| on that axis; tilt bins below 75° of yaw), with all three errors. */
export function binErrors(truth: readonly HeadAngles[], errors: readonly (HeadAngles | null)[]): BinTable {
  const table = emptyBins();
  truth.forEach((t, i) => {
    const err = errors[i] ?? null;
    for (const bin of BINS) {
      if (bin.axis !== 'yaw' && Math.abs(t.yawDeg) >= TILT_BINS_MAX_ABS_YAW_DEG) continue;
      const v = Math.abs(t[KEY[bin.axis]]);
      if (v < bin.from || v >= bin.to) continue;
      const acc = table[bin.name];
      if (acc === undefined) continue;
      acc.frames++;
      if (err === null) continue;
      acc.found++;
      for (const axis of AXES) {
        const e = Math.abs(err[KEY[axis]]);
        acc.axes[axis].n++;
        acc.axes[axis].sumAbs += e;
        acc.axes[axis].maxAbs = Math.max(acc.axes[axis].maxAbs, e);
      }
    }
  });
  return table;
}

/** Largest |err_t − err_{t−1}| (wrapped) over consecutive frames that both have an estimate, any axis. */
export function maxErrorStep(errors: readonly (HeadAngles | null)[]): number {
  let best = 0;
  for (let i = 1; i < errors.length; i++) {
    const a = errors[i - 1], b = errors[i];
    if (a == null || b == null) continue;
    // Wrapped: errors of −170 and +170 are 20° apart (the head read on the far side both times).
    for (const axis of AXES) best = Math.max(best, Math.abs(wrapDeg(b[KEY[axis]] - a[KEY[axis]])));
  }
  return best;
}

/** A rep for peak scoring: its frames, and which extremes it is judged by (axis and direction). */
export interface RepWindow {
  readonly startFrame: number;
  readonly endFrame: number;
  readonly extremes: readonly { readonly axis: Axis; readonly sign: 1 | -1 }[];
}

/**
 * Per rep: the largest |measured extreme − true extreme| over its extremes (each the farthest
 * value in that direction inside the rep's frames); null when no frame of the rep has an angle.
 */
export function repPeakErrors(reps: readonly RepWindow[], truth: readonly HeadAngles[], estimate: readonly MaybeAngles[]): (number | null)[] {
  return reps.map((rep) => {
    let worst: number | null = null;
    for (const { axis, sign } of rep.extremes) {
      let trueExtreme = -Infinity;
      let measuredExtreme = -Infinity;
      for (let i = rep.startFrame; i <= rep.endFrame; i++) {
        const t = truth[i];
        if (t !== undefined) trueExtreme = Math.max(trueExtreme, sign * t[KEY[axis]]);
        const e = estimate[i];
        if (e != null) measuredExtreme = Math.max(measuredExtreme, sign * e[KEY[axis]]);
      }
      if (measuredExtreme === -Infinity || trueExtreme === -Infinity) continue;
      worst = Math.max(worst ?? 0, Math.abs(measuredExtreme - trueExtreme));
    }
    return worst;
  });
}

export interface BinSummary {
  readonly frames: number;
  readonly coverage: number | null;
  readonly mae: Record<Axis, number | null>;
  readonly max: Record<Axis, number | null>;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function summarizeBins(table: BinTable): Record<string, BinSummary> {
  const out: Record<string, BinSummary> = {};
  for (const bin of BINS) {
    const acc = table[bin.name];
    if (acc === undefined || acc.frames === 0) continue;
    const stat = (axis: Axis, f: (a: AxisAccumulator) => number): number | null => (acc.axes[axis].n === 0 ? null : round2(f(acc.axes[axis])));
    out[bin.name] = {
      frames: acc.frames,
      coverage: Math.round((10_000 * acc.found) / acc.frames) / 10_000,
      mae: { yaw: stat('yaw', (a) => a.sumAbs / a.n), pitch: stat('pitch', (a) => a.sumAbs / a.n), roll: stat('roll', (a) => a.sumAbs / a.n) },
      max: { yaw: stat('yaw', (a) => a.maxAbs), pitch: stat('pitch', (a) => a.maxAbs), roll: stat('roll', (a) => a.maxAbs) },
    };
  }
  return out;
}
