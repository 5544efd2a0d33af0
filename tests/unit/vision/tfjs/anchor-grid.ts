import { expect } from 'vitest';
import type { Point2 } from '../../../../src/vision/tfjs/square-crop';

/** The centre of cell (`column`, `row`) of a `cells` × `cells` grid, in the input's 0..1 units. */
export function cellCentre(column: number, row: number, cells: number): Point2 {
  return { x: (column + 0.5) / cells, y: (row + 0.5) / cells };
}

/** Expects the anchor at each index to be where it is given. */
export function expectAnchorsAt(anchors: readonly Point2[], expected: readonly (readonly [index: number, anchor: Point2])[]): void {
  for (const [index, anchor] of expected) expect(anchors[index], `anchor ${index}`).toEqual(anchor);
}
