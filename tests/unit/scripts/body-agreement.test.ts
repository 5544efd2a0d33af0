import { describe, expect, it } from 'vitest';
import { BODY_GROUPS, MIN_REFERENCE_DEPTH, bodyAgreement } from '../../../scripts/bench/body-agreement';
import { BODY_RUN_VALUES } from '../../../tools/bench/bench-spec';
import { POSE } from '../../../src/core/pose-indices';

const WIDTH = 640;

/** 33 points at (10i, 5i), z −0.2 width for the head (nearer than the hips), +0.1 width elsewhere, all seen. */
function body(dx = 0, dy = 0, zSign = 1): number[] {
  return Array.from({ length: 33 }, (_, i) => [10 * i + dx, 5 * i + dy, zSign * (i <= POSE.mouthRight ? -0.2 : 0.1) * WIDTH, 0.9]).flat();
}

describe('bodyAgreement', () => {
  it('is zero on identical runs, with every z on the same side', () => {
    const a = bodyAgreement([body(), body()], [body(), body()], WIDTH);
    for (const group of Object.values(a.groups)) expect(group.meanPx).toBe(0);
    expect(a.zSignAgreement).toBe(1);
    expect(a.coverage).toBe(1);
  });

  it('measures the 2-D distance per group and the z sign, over frames where both found a body', () => {
    const a = bodyAgreement([body(), body(), null], [body(3, 4, -1), null, body()], WIDTH);
    expect(a.groups.shoulders.meanPx).toBeCloseTo(5, 9);
    expect(a.groups['mouth corners'].points).toBe(2);
    expect(a.zSignAgreement).toBe(0);
    expect(a.coverage).toBe(0.5);
  });

  it('leaves out points the reference does not see, and z the reference puts at the hips\' depth', () => {
    const reference = body();
    reference[POSE.leftWrist * BODY_RUN_VALUES + 3] = 0.1;
    for (const i of BODY_GROUPS.shoulders) reference[i * BODY_RUN_VALUES + 2] = (MIN_REFERENCE_DEPTH / 2) * WIDTH;
    const variant = body(0, 0, -1);
    variant[POSE.leftWrist * BODY_RUN_VALUES] = 1e6;
    const a = bodyAgreement([reference], [variant], WIDTH);
    expect(a.groups['elbows, wrists'].points).toBe(3);
    expect(a.groups['elbows, wrists'].meanPx).toBe(0);
    const seen = Object.values(BODY_GROUPS).flat().length - 1;
    expect(a.zCompared).toBe(seen - BODY_GROUPS.shoulders.length);
  });
});
