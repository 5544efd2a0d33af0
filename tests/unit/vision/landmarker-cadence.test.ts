import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PoseObservation } from '../../../src/core/landmarks';
import { DEFAULT_MAX_BODY_AGE_MS, LandmarkerCadence, MAX_BODY_EVERY_K, bodyEveryKFor } from '../../../src/vision/landmarker-cadence';

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
