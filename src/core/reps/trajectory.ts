/**
 * The samples of one repetition as an immutable linked list (newest first): appending is O(1)
 * and never copies, so counters stay pure transitions without quadratic array copies.
 */
export interface TrajectoryNode {
  readonly tMs: number;
  readonly value: number;
  /** `value` before causal smoothing (equal to it for a signal without any): what the rep's speed and smoothness are measured on (rep-metrics.ts). */
  readonly unsmoothed: number;
  readonly previous: TrajectoryNode | null;
  readonly length: number;
}

export function appendPoint(trajectory: TrajectoryNode | null, tMs: number, value: number, unsmoothed = value): TrajectoryNode {
  return { tMs, value, unsmoothed, previous: trajectory, length: (trajectory?.length ?? 0) + 1 };
}

/**
 * A loop's node (loop-counter.ts): `value` is the path length so far, along the points the loop
 * winds (smoothed); `x`, `y` the point as read before causal smoothing, from which the loop's
 * speed and smoothness are measured (rep-metrics.ts).
 */
export interface PlaneNode extends TrajectoryNode {
  readonly x: number;
  readonly y: number;
}

export function appendPlanePoint(trajectory: TrajectoryNode | null, tMs: number, value: number, x: number, y: number): PlaneNode {
  return { tMs, value, unsmoothed: value, x, y, previous: trajectory, length: (trajectory?.length ?? 0) + 1 };
}

function isPlaneNode(node: TrajectoryNode): node is PlaneNode {
  return 'x' in node;
}

/** The 2-D points of a loop as read before causal smoothing, oldest first. */
export interface PlanePoints {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

export interface TrajectoryArrays {
  readonly tMs: readonly number[];
  readonly values: readonly number[];
  /** The values before causal smoothing; absent when they are `values`. */
  readonly unsmoothed?: readonly number[];
  /** A loop's points before causal smoothing, when every node has them (`values` is then their smoothed path's length). */
  readonly plane?: PlanePoints;
}

/**
 * Oldest first, from the oldest sample at or after `fromMs` on (all of them when none is), read
 * straight from the list: no full copy to slice afterwards.
 */
export function trajectoryToArrays(trajectory: TrajectoryNode | null, fromMs = -Infinity): TrajectoryArrays {
  const n = trajectory?.length ?? 0;
  const from = firstIndexFrom(trajectory, n, fromMs);
  const tMs = new Array<number>(n - from);
  const values = new Array<number>(n - from);
  const unsmoothed = new Array<number>(n - from);
  // A loop's path (its newest node a PlaneNode) keeps its points too.
  let plane = trajectory !== null && isPlaneNode(trajectory) && n > from;
  const xs = plane ? new Array<number>(n - from) : [];
  const ys = plane ? new Array<number>(n - from) : [];
  let apart = false;
  let node = trajectory;
  for (let i = n - 1; i >= from && node !== null; i--) {
    tMs[i - from] = node.tMs;
    values[i - from] = node.value;
    unsmoothed[i - from] = node.unsmoothed;
    apart ||= node.unsmoothed !== node.value;
    if (plane && isPlaneNode(node)) {
      xs[i - from] = node.x;
      ys[i - from] = node.y;
    } else plane = false;
    node = node.previous;
  }
  const arrays: TrajectoryArrays = apart ? { tMs, values, unsmoothed } : { tMs, values };
  return plane ? { ...arrays, plane: { xs, ys } } : arrays;
}

/** Index (oldest = 0) of the oldest sample at or after `fromMs`; 0 when there is none. */
function firstIndexFrom(trajectory: TrajectoryNode | null, n: number, fromMs: number): number {
  let first = 0;
  let i = n - 1;
  for (let node = trajectory; node !== null && i >= 0; node = node.previous, i--) {
    if (node.tMs >= fromMs) first = i;
  }
  return first;
}
