/**
 * The samples of one repetition as an immutable linked list (newest first): appending is O(1)
 * and never copies, so counters stay pure transitions without quadratic array copies.
 */
export interface TrajectoryNode {
  readonly tMs: number;
  readonly value: number;
  readonly previous: TrajectoryNode | null;
  readonly length: number;
}

export function appendPoint(trajectory: TrajectoryNode | null, tMs: number, value: number): TrajectoryNode {
  return { tMs, value, previous: trajectory, length: (trajectory?.length ?? 0) + 1 };
}

export interface TrajectoryArrays {
  readonly tMs: readonly number[];
  readonly values: readonly number[];
}

/** Oldest first. */
export function trajectoryToArrays(trajectory: TrajectoryNode | null): TrajectoryArrays {
  const n = trajectory?.length ?? 0;
  const tMs = new Array<number>(n);
  const values = new Array<number>(n);
  let node = trajectory;
  for (let i = n - 1; i >= 0 && node !== null; i--) {
    tMs[i] = node.tMs;
    values[i] = node.value;
    node = node.previous;
  }
  return { tMs, values };
}
