import { describe, expect, it } from 'vitest';
import { appendPoint, trajectoryToArrays, type TrajectoryNode } from '../../../../src/core/reps/trajectory';

function listOf(points: readonly (readonly [number, number])[]): TrajectoryNode | null {
  return points.reduce<TrajectoryNode | null>((list, [t, v]) => appendPoint(list, t, v), null);
}

describe('trajectoryToArrays', () => {
  const list = listOf([[0, 1], [10, 2], [20, 3], [30, 4]]);

  it('gives the samples oldest first', () => {
    expect(trajectoryToArrays(list)).toEqual({ tMs: [0, 10, 20, 30], values: [1, 2, 3, 4] });
    expect(trajectoryToArrays(null)).toEqual({ tMs: [], values: [] });
  });

  it('starts at the oldest sample at or after fromMs', () => {
    expect(trajectoryToArrays(list, 10)).toEqual({ tMs: [10, 20, 30], values: [2, 3, 4] });
    expect(trajectoryToArrays(list, 11)).toEqual({ tMs: [20, 30], values: [3, 4] });
    expect(trajectoryToArrays(list, 30)).toEqual({ tMs: [30], values: [4] });
    expect(trajectoryToArrays(list, -5)).toEqual({ tMs: [0, 10, 20, 30], values: [1, 2, 3, 4] });
  });

  it('keeps every sample when none is at or after fromMs', () => {
    expect(trajectoryToArrays(list, 31)).toEqual({ tMs: [0, 10, 20, 30], values: [1, 2, 3, 4] });
  });
});
