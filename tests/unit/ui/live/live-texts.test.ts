import { describe, expect, it } from 'vitest';
import { POSE } from '../../../../src/core/pose-indices';
import { angleLines } from '../../../../src/ui/live/live-texts';
import { POSE_BONES, isLeftSide } from '../../../../src/ui/live/pose-skeleton';

describe('angleLines', () => {
  it('words positive angles in the project convention (left turn, chin up, tilt to the left)', () => {
    const [yaw, pitch, roll] = angleLines({ yawDeg: 20, pitchDeg: 10, rollDeg: 15 });
    expect(yaw).toMatchObject({ value: '+20.0°', direction: 'to your left' });
    expect(pitch).toMatchObject({ value: '+10.0°', direction: 'chin up' });
    expect(roll).toMatchObject({ value: '+15.0°', direction: 'toward your left shoulder' });
  });

  it('words negative angles the other way and leaves near-zero ones without a direction', () => {
    const [yaw, pitch, roll] = angleLines({ yawDeg: -30.04, pitchDeg: -12, rollDeg: 0.5 });
    expect(yaw).toMatchObject({ value: '−30.0°', direction: 'to your right' });
    expect(pitch?.direction).toBe('chin down');
    expect(roll?.direction).toBe('');
  });
});

describe('pose skeleton', () => {
  it('joins valid BlazePose indices only', () => {
    for (const [a, b] of POSE_BONES) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(32);
      expect(a).not.toBe(b);
    }
  });

  it("tells the subject's left side from the right", () => {
    expect(isLeftSide(POSE.leftShoulder)).toBe(true);
    expect(isLeftSide(POSE.rightShoulder)).toBe(false);
    expect(isLeftSide(POSE.nose)).toBe(false);
  });
});
