import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PoseObservation } from '../../../src/core/landmarks';
import { AdaptiveBodyEveryK, DEFAULT_MAX_BODY_AGE_MS, LandmarkerCadence, MAX_BODY_EVERY_K, bodyEveryKFor } from '../../../src/vision/landmarker-cadence';

const FRAME_INTERVAL_30FPS_MS = 1000 / 30;
const body: PoseObservation = { landmarks: [], worldLandmarks: null };

describe('bodyEveryKFor', () => {
  it('runs the body on every frame when it fits the budget and every 2nd frame at ~30–40 ms (this machine)', () => {
    expect(bodyEveryKFor(20, FRAME_INTERVAL_30FPS_MS)).toBe(1);
    expect(bodyEveryKFor(30, FRAME_INTERVAL_30FPS_MS)).toBe(2);
    expect(bodyEveryKFor(41, FRAME_INTERVAL_30FPS_MS)).toBe(2);
    expect(bodyEveryKFor(1000, FRAME_INTERVAL_30FPS_MS)).toBe(MAX_BODY_EVERY_K);
    expect(bodyEveryKFor(Number.NaN, FRAME_INTERVAL_30FPS_MS)).toBe(1);
  });

  it('keeps the amortised body time within the budget whenever k is below its cap', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 150, noNaN: true }), (poseMs) => {
        const k = bodyEveryKFor(poseMs, FRAME_INTERVAL_30FPS_MS);
        if (k < MAX_BODY_EVERY_K) expect(poseMs / k).toBeLessThanOrEqual(FRAME_INTERVAL_30FPS_MS * 0.8 + 1e-9);
        if (k > 1) expect(poseMs / (k - 1)).toBeGreaterThan(FRAME_INTERVAL_30FPS_MS * 0.8);
      }),
    );
  });
});

describe('LandmarkerCadence', () => {
  it('runs the face on every frame and the body on every k-th, starting with the first', () => {
    const cadence = new LandmarkerCadence({ bodyEveryK: 3, bodyNeeded: true, maxBodyAgeMs: DEFAULT_MAX_BODY_AGE_MS });
    const plans = Array.from({ length: 7 }, () => cadence.next());
    expect(plans.map((p) => p.pose)).toEqual([true, false, false, true, false, false, true]);
    expect(plans.every((p) => p.face)).toBe(true);
  });

  it('never runs the body when the exercise needs none', () => {
    const cadence = new LandmarkerCadence({ bodyEveryK: 1, bodyNeeded: false, maxBodyAgeMs: DEFAULT_MAX_BODY_AGE_MS });
    expect(Array.from({ length: 5 }, () => cadence.next().pose)).toEqual([false, false, false, false, false]);
    cadence.bodySeen([body], 0);
    expect(cadence.bodyFor(10)).toEqual([]);
  });

  it('lends the held body to later frames until it is too old', () => {
    const cadence = new LandmarkerCadence({ bodyEveryK: 2, bodyNeeded: true, maxBodyAgeMs: 100 });
    expect(cadence.bodyFor(0)).toEqual([]);
    cadence.bodySeen([body], 1000);
    expect(cadence.bodyFor(1033)).toEqual([body]);
    expect(cadence.bodyFor(1100)).toEqual([body]);
    expect(cadence.bodyFor(1101)).toEqual([]);
    expect(cadence.bodyFor(999)).toEqual([]);
  });
});

describe('AdaptiveBodyEveryK', () => {
  it('is 1 until the body is timed, then follows bodyEveryKFor of the running means', () => {
    const adaptive = new AdaptiveBodyEveryK();
    for (let i = 0; i < 10; i++) adaptive.frameDelivered(i * FRAME_INTERVAL_30FPS_MS);
    expect(adaptive.k).toBe(1);
    adaptive.bodyTimed(35);
    expect(adaptive.k).toBe(bodyEveryKFor(35, FRAME_INTERVAL_30FPS_MS));
    for (let i = 0; i < 30; i++) adaptive.bodyTimed(10);
    expect(adaptive.k).toBe(1);
  });

  it('ignores gaps between frames (stalls) and invalid times', () => {
    const adaptive = new AdaptiveBodyEveryK();
    adaptive.frameDelivered(0);
    adaptive.frameDelivered(FRAME_INTERVAL_30FPS_MS);
    adaptive.frameDelivered(FRAME_INTERVAL_30FPS_MS + 5000);
    adaptive.bodyTimed(Number.NaN);
    adaptive.bodyTimed(-1);
    expect(adaptive.k).toBe(1);
    adaptive.bodyTimed(60);
    expect(adaptive.k).toBe(bodyEveryKFor(60, FRAME_INTERVAL_30FPS_MS));
  });
});

describe('LandmarkerCadence.heldBodyFor', () => {
  it('gives the held body with the time it was found, within the age limit only', () => {
    const cadence = new LandmarkerCadence({ bodyEveryK: 2, bodyNeeded: true, maxBodyAgeMs: DEFAULT_MAX_BODY_AGE_MS });
    expect(cadence.heldBodyFor(0)).toBeNull();
    cadence.bodySeen([body], 100);
    expect(cadence.heldBodyFor(100 + DEFAULT_MAX_BODY_AGE_MS)).toEqual({ poses: [body], tMs: 100 });
    expect(cadence.heldBodyFor(101 + DEFAULT_MAX_BODY_AGE_MS)).toBeNull();
    expect(cadence.heldBodyFor(99)).toBeNull();
  });
});
