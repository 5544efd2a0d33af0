import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEAD_MOTION_GATE, HeadMotionGate } from '../../../../src/core/head-pose/head-motion-gate';

const FRAME_MS = 1000 / 30;
const yaw = (yawDeg: number) => ({ yawDeg, pitchDeg: 0, rollDeg: 0 });

describe('HeadMotionGate', () => {
  it('believes every frame of a movement a head can make (up to the speed limit)', () => {
    fc.assert(
      fc.property(fc.double({ min: 20, max: 90, noNaN: true }), fc.double({ min: 0.3, max: 2, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (peak, seconds, sign) => {
        const gate = new HeadMotionGate();
        const frames = Math.round((seconds * 1000) / FRAME_MS);
        for (let i = 0; i <= frames; i += 1) {
          const tau = i / frames;
          // Minimum jerk: peak speed 1.875 × peak / seconds (≤ 1.875 × 90 / 0.3 = 562°/s would exceed: keep within the limit).
          const value = Math.sign(sign || 1) * peak * (10 * tau ** 3 - 15 * tau ** 4 + 6 * tau ** 5);
          fc.pre((1.875 * peak) / seconds <= DEFAULT_HEAD_MOTION_GATE.maxSpeedDegPerS);
          expect(gate.admit(yaw(value), i * FRAME_MS)).toBe(true);
        }
      }),
    );
  });

  it('bridges a single-frame drop in the middle of a held turn', () => {
    const gate = new HeadMotionGate();
    const readings = [42, 42.3, 41.8, -6.5, 42.1, 42, 3.7, 41.9];
    const believed = readings.map((value, i) => gate.admit(yaw(value), i * FRAME_MS));
    expect(believed).toEqual([true, true, true, false, true, true, false, true]);
    expect(gate.current()?.yawDeg).toBe(41.9);
  });

  it('takes a change that lasts longer than maxBridgeMs (the head really is elsewhere)', () => {
    const gate = new HeadMotionGate();
    gate.admit(yaw(0), 0);
    // Farther than the speed limit allows within maxBridgeMs: only the time limit lets it through.
    const jumpDeg = 10 + DEFAULT_HEAD_MOTION_GATE.maxSpeedDegPerS * 0.5;
    const afterJump: boolean[] = [];
    for (let i = 1; i * FRAME_MS < 1000; i += 1) afterJump.push(gate.admit(yaw(jumpDeg), i * FRAME_MS));
    const firstBelieved = afterJump.indexOf(true);
    const bridgedMs = firstBelieved * FRAME_MS;
    expect(bridgedMs).toBeGreaterThanOrEqual(DEFAULT_HEAD_MOTION_GATE.maxBridgeMs);
    expect(bridgedMs).toBeLessThan(DEFAULT_HEAD_MOTION_GATE.maxBridgeMs + FRAME_MS);
    expect(afterJump.slice(firstBelieved).every(Boolean)).toBe(true);
  });

  it('allows a larger change after a gap (time since the last believed frame)', () => {
    const gate = new HeadMotionGate();
    gate.admit(yaw(0), 0);
    expect(gate.admit(yaw(45), 200)).toBe(true);
  });
});
