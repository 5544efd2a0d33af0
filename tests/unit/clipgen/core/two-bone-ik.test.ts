import { describe, expect, it } from 'vitest';
import type { WorldPoint } from '../../../../tools/clipgen/core/camera-rig';
import { distance3, dot3, scale3, sub3 } from '../../../../tools/clipgen/core/point3';
import { twoBoneIk } from '../../../../tools/clipgen/core/two-bone-ik';

const SHOULDER: WorldPoint = [1, 2, -0.5];

describe('twoBoneIk', () => {
  it('reaches targets within reach with exact segment lengths, the elbow on the pole\'s side', () => {
    const targets: WorldPoint[] = [[4, 5, 1], [1, -6, 2], [-2, 2, 3], [1.5, 3.5, 1]];
    for (const target of targets) {
      for (const pole of [[10, 0, 0], [0, -10, 0], [0, 0, 10]] as WorldPoint[]) {
        const { elbow, wrist } = twoBoneIk(SHOULDER, target, 6, 5, pole);
        expect(distance3(wrist, target)).toBeLessThan(1e-9);
        expect(distance3(elbow, SHOULDER)).toBeCloseTo(6, 9);
        expect(distance3(wrist, elbow)).toBeCloseTo(5, 9);
        // The elbow leaves the shoulder–wrist line toward the pole (unless the pole is on the line).
        const axis = sub3(target, SHOULDER);
        const toPole = sub3(pole, SHOULDER);
        const poleOff = sub3(toPole, scale3(axis, dot3(toPole, axis) / dot3(axis, axis)));
        expect(dot3(sub3(elbow, SHOULDER), poleOff)).toBeGreaterThanOrEqual(-1e-9);
      }
    }
  });

  it('stretches toward a target out of reach (straight arm, lengths kept) and folds for one too close', () => {
    const far = twoBoneIk(SHOULDER, [20, 2, -0.5], 6, 5, [0, -10, 0]);
    expect(distance3(far.wrist, SHOULDER)).toBeCloseTo(11, 5);
    expect(far.wrist[0]).toBeCloseTo(12, 5);
    expect(distance3(far.elbow, SHOULDER)).toBeCloseTo(6, 9);
    const near = twoBoneIk(SHOULDER, SHOULDER, 6, 5, [0, -10, 0]);
    expect(distance3(near.elbow, SHOULDER)).toBeCloseTo(6, 9);
    expect(distance3(near.wrist, near.elbow)).toBeCloseTo(5, 5);
  });
});
