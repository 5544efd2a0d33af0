import { describe, expect, it } from 'vitest';
import { blazefaceAnchors } from '../../../../src/vision/tfjs/blazeface-decoder';
import { poseDetectorAnchors } from '../../../../src/vision/tfjs/blazepose-detector-decoder';
import type { Anchor } from '../../../../src/vision/tfjs/ssd-anchors';

/** The centre of cell (`column`, `row`) of a `cells` × `cells` grid, in the input's 0..1 units. */
const cellCentre = (column: number, row: number, cells: number): Anchor => ({ x: (column + 0.5) / cells, y: (row + 0.5) / cells });

describe('detector anchors, centred in their cells', () => {
  it.each([
    [
      'BlazeFace short range: 16×16 cells × 2, then 8×8 cells × 6',
      blazefaceAnchors,
      896,
      [
        [[0, 1], cellCentre(0, 0, 16)],
        [[2], cellCentre(1, 0, 16)],
        [[512, 517], cellCentre(0, 0, 8)],
        [[518], cellCentre(1, 0, 8)],
        [[895], cellCentre(7, 7, 8)],
      ],
    ],
    [
      'the pose detector: 28×28 × 2, 14×14 × 2, then 7×7 × 6',
      poseDetectorAnchors,
      2254,
      [
        [[0], cellCentre(0, 0, 28)],
        [[2], cellCentre(1, 0, 28)],
        [[1568], cellCentre(0, 0, 14)],
        [[1960, 1965], cellCentre(0, 0, 7)],
        [[1966], cellCentre(1, 0, 7)],
        [[2253], cellCentre(6, 6, 7)],
      ],
    ],
  ] as const)('%s', (_detector, anchors, count, expected) => {
    const all = anchors();
    expect(all).toHaveLength(count);
    for (const [indices, anchor] of expected) {
      for (const index of indices) expect(all[index], `anchor ${index}`).toEqual(anchor);
    }
  });
});
