import { describe, expect, it } from 'vitest';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import { HeadPoseTracker } from '../../../../src/core/head-pose/head-pose-tracker';
import { FrameProcessor } from '../../../../src/core/pipeline/frame-to-sample';
import { syntheticBody, syntheticFrame } from './synthetic-subject';

const FRAME_MS = 1000 / 30;
const ZERO: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };

/** A body-only turn whose reading is scripted: 0 → 80° of yaw in 1 s (linear), then held. */
function bodyTurn(k: number): HeadAngles {
  return { yawDeg: Math.min(80, (80 * k) / 30), pitchDeg: 0, rollDeg: 0 };
}

function scriptedBody(reads: (k: number) => HeadAngles, frame: () => number) {
  return { body: () => () => ({ angles: reads(frame()), confidence: 0.9 }) };
}

describe('HeadPoseTracker: the reading before the smoothing', () => {
  it('reports the believed reading as unsmoothedHead while the smoothed head lags behind it', () => {
    let k = 0;
    const tracker = new HeadPoseTracker(scriptedBody(bodyTurn, () => k));
    const lags: number[] = [];
    for (k = 0; k < 45; k += 1) {
      const estimate = tracker.update(syntheticFrame(k * FRAME_MS, [], [syntheticBody({ head: bodyTurn(k) })]));
      expect(estimate.unsmoothedHead?.yawDeg).toBeCloseTo(bodyTurn(k).yawDeg, 6);
      lags.push(bodyTurn(k).yawDeg - (estimate.head?.yawDeg ?? NaN));
    }
    // The body's reading is smoothed (3° of noise): the head trails it where the turn starts and stops.
    expect(Math.max(...lags.map(Math.abs))).toBeGreaterThan(0.5);
  });

  it('holds the last head on a bridged frame (a reading no head could reach is not believed)', () => {
    let k = 0;
    const jump = (i: number): HeadAngles => (i === 20 ? { yawDeg: 70, pitchDeg: 0, rollDeg: 0 } : ZERO);
    const tracker = new HeadPoseTracker(scriptedBody(jump, () => k));
    for (k = 0; k <= 20; k += 1) {
      const estimate = tracker.update(syntheticFrame(k * FRAME_MS, [], [syntheticBody({ head: ZERO })]));
      if (k === 20) expect(estimate.unsmoothedHead).toBe(estimate.head);
    }
  });
});

describe('FrameProcessor: unsmoothedAngles', () => {
  it('are the neck angles with the tracker smoothing and the One Euro filter taken off', () => {
    let k = 0;
    const processor = new FrameProcessor({ neutral: ZERO, headPose: scriptedBody(bodyTurn, () => k) });
    let gap = 0;
    for (k = 0; k < 45; k += 1) {
      const { sample } = processor.process(syntheticFrame(k * FRAME_MS, [], [syntheticBody({ head: bodyTurn(k) })]));
      // No trunk turn and a zero neutral: the neck is the head, and before smoothing, the reading.
      expect(sample.unsmoothedAngles?.yawDeg).toBeCloseTo(bodyTurn(k).yawDeg, 6);
      gap = Math.max(gap, (sample.unsmoothedAngles?.yawDeg ?? NaN) - (sample.angles?.yawDeg ?? NaN));
    }
    expect(gap).toBeGreaterThan(2);
  });
});
