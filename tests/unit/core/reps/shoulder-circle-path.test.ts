import { describe, expect, it } from 'vitest';
import { shoulderCirclePath } from '../../../../src/core/reps/body-signals';
import { POSE } from '../../../../src/core/pose-indices';
import { SYNTHETIC_ASPECT, shoulderCirclePose } from '../../../support/traces/synthetic-person';

describe('shoulder circle path', () => {
  it('reads the same when one arm is lost for a frame (twice the arm seen, not a sum)', () => {
    const pose = shoulderCirclePose(0, 0);
    const both = shoulderCirclePath(pose, SYNTHETIC_ASPECT);
    const oneArm = shoulderCirclePath(
      pose.map((l, i) => (i === POSE.rightWrist ? { ...l, visibility: 0.1 } : l)),
      SYNTHETIC_ASPECT,
    );
    expect(both).not.toBeNull();
    // A sum over the arms seen would move by half the reading (about 115 here).
    expect(Math.abs((oneArm?.x ?? Infinity) - (both?.x ?? 0))).toBeLessThan(15);
    expect(Math.abs((oneArm?.y ?? Infinity) - (both?.y ?? 0))).toBeLessThan(15);
  });

  it('reads up from the hands rising and forward from the hands coming in', () => {
    const rest = shoulderCirclePath(shoulderCirclePose(0, 0), SYNTHETIC_ASPECT);
    const up = shoulderCirclePath(shoulderCirclePose(0, 40), SYNTHETIC_ASPECT);
    const forward = shoulderCirclePath(shoulderCirclePose(40, 0), SYNTHETIC_ASPECT);
    expect((up?.y ?? 0) - (rest?.y ?? 0)).toBeCloseTo(40, 0);
    expect((forward?.x ?? 0) - (rest?.x ?? 0)).toBeCloseTo(40, 0);
  });
});
