import { describe, expect, it } from 'vitest';
import { angleAgreement, pointErrorPx } from '../../../scripts/bench/accuracy';
import { pairedFrames } from '../../../scripts/bench/paired-frames';

describe('pairedFrames', () => {
  it('pairs the frames both runs found something in, and says which share of the reference they are', () => {
    const { pairs, coverage } = pairedFrames(['a', null, 'b', 'c'], ['x', 'y', null, 'z']);
    expect(pairs).toEqual([
      ['a', 'x'],
      ['c', 'z'],
    ]);
    expect(coverage).toBeCloseTo(2 / 3, 12);
    expect(pairedFrames([null], ['x']).coverage).toBeNaN();
  });
});

describe('bench accuracy', () => {
  it('averages absolute angle differences per axis across ±180°, over frames both have', () => {
    const agreement = angleAgreement(
      [[10, 0, 0], [179, 0, 0], null],
      [[12, 1, -1], [-179, 0, 0], [0, 0, 0]],
    );
    expect(agreement).toEqual({ yawMaeDeg: 2, pitchMaeDeg: 0.5, rollMaeDeg: 0.5, coverage: 1 });
  });

  it('averages point distances over frames both have', () => {
    expect(pointErrorPx([[0, 0, 3, 4], null], [[3, 4, 3, 4], [1, 1, 1, 1]])).toBe(2.5);
  });
});
