import { syntheticBodyReader } from '../../../../tools/synthetic/synthetic-body-reader';
import { describe, expect, it } from 'vitest';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import { FrameProcessor, type ProcessedFrame } from '../../../../src/core/pipeline/frame-to-sample';
import { syntheticBody, syntheticFace, syntheticFrame } from '../head-pose/synthetic-subject';

/** The synthetic subjects' bodies read by a rigid fit (the learned regression is tested on real and rendered landmarks). */
const SYNTHETIC = { body: syntheticBodyReader };

const FRAME_MS = 33;
/** Smoothing lags; after a 1 s hold at the end of a turn the sample must have arrived. */
const SETTLED_TOLERANCE_DEG = 1.5;
const NEUTRAL: HeadAngles = { yawDeg: -6, pitchDeg: 4, rollDeg: 2 };

function frameAt(tMs: number, head: HeadAngles, people = 1) {
  const pose = { head };
  const faces = Array.from({ length: people }, () => syntheticFace(pose));
  const bodies = Array.from({ length: people }, () => syntheticBody(pose));
  return syntheticFrame(tMs, faces, bodies);
}

/** 1 s at the neutral, a 1 s turn of +40° yaw (relative, within the face mesh’s range), then a 1 s hold. */
function runTurn(processor: FrameProcessor): ProcessedFrame[] {
  const out: ProcessedFrame[] = [];
  for (let k = 0; k * FRAME_MS <= 3000; k += 1) {
    const t = k * FRAME_MS;
    const progress = Math.min(1, Math.max(0, (t - 1000) / 1000));
    out.push(processor.process(frameAt(t, { ...NEUTRAL, yawDeg: NEUTRAL.yawDeg + 40 * progress })));
  }
  return out;
}

describe('FrameProcessor', () => {
  it("'auto' takes the neutral from the first second and reports angles relative to it, with velocity", () => {
    const processor = new FrameProcessor({ neutral: 'auto', headPose: SYNTHETIC });
    const frames = runTurn(processor);
    expect(frames.every((f) => f.sample.present)).toBe(true);
    const neutral = processor.neutral();
    expect(Math.abs((neutral?.yawDeg ?? NaN) - NEUTRAL.yawDeg)).toBeLessThan(0.5);
    expect(Math.abs((neutral?.pitchDeg ?? NaN) - NEUTRAL.pitchDeg)).toBeLessThan(0.5);
    const atRest = frames[20]?.sample.angles;
    expect(Math.abs(atRest?.yawDeg ?? NaN)).toBeLessThan(SETTLED_TOLERANCE_DEG);
    const last = frames.at(-1)?.sample;
    expect(Math.abs((last?.angles?.yawDeg ?? NaN) - 40)).toBeLessThan(SETTLED_TOLERANCE_DEG);
    expect(Math.abs(last?.angles?.pitchDeg ?? NaN)).toBeLessThan(SETTLED_TOLERANCE_DEG);
    // Mid-turn the head moves at 40°/s.
    const midTurn = frames[Math.round(1600 / FRAME_MS)]?.sample.velocity?.yawDeg ?? NaN;
    expect(midTurn).toBeGreaterThan(30);
    expect(midTurn).toBeLessThan(50);
    expect(Math.abs(last?.velocity?.yawDeg ?? NaN)).toBeLessThan(5);
  });

  it('uses a given calibrated neutral', () => {
    const processor = new FrameProcessor({ neutral: { yawDeg: 10, pitchDeg: 0, rollDeg: 0 } });
    let processed: ProcessedFrame | null = null;
    for (let k = 0; k < 60; k += 1) processed = processor.process(frameAt(k * FRAME_MS, { yawDeg: 30, pitchDeg: 0, rollDeg: 0 }));
    expect(Math.abs((processed?.sample.angles?.yawDeg ?? NaN) - 20)).toBeLessThan(SETTLED_TOLERANCE_DEG);
  });

  it('null neutral gives the camera-relative head angles', () => {
    const processor = new FrameProcessor({ neutral: null, headPose: SYNTHETIC });
    let processed: ProcessedFrame | null = null;
    for (let k = 0; k < 60; k += 1) processed = processor.process(frameAt(k * FRAME_MS, NEUTRAL));
    expect(Math.abs((processed?.sample.angles?.yawDeg ?? NaN) - NEUTRAL.yawDeg)).toBeLessThan(SETTLED_TOLERANCE_DEG);
  });

  it('is not present without a person or with two, and keeps tracking afterwards', () => {
    const processor = new FrameProcessor({ neutral: null, headPose: SYNTHETIC });
    const alone = processor.process(frameAt(0, NEUTRAL));
    const nobody = processor.process(syntheticFrame(33, [], []));
    const two = processor.process(frameAt(66, NEUTRAL, 2));
    const back = processor.process(frameAt(99, NEUTRAL));
    expect(alone.sample.present).toBe(true);
    expect(nobody.sample).toMatchObject({ present: false, angles: null, velocity: null });
    expect(two.sample).toMatchObject({ present: false, angles: null, pose: null });
    expect(two.estimate.head).not.toBeNull();
    expect(back.sample.present).toBe(true);
  });

  it('answers out-of-order frames with a non-present sample and ignores them', () => {
    const processor = new FrameProcessor({ neutral: null, headPose: SYNTHETIC });
    processor.process(frameAt(100, NEUTRAL));
    const stale = processor.process(frameAt(50, { yawDeg: 80, pitchDeg: 0, rollDeg: 0 }));
    expect(stale.sample.present).toBe(false);
    const next = processor.process(frameAt(133, NEUTRAL));
    expect(Math.abs((next.sample.angles?.yawDeg ?? NaN) - NEUTRAL.yawDeg)).toBeLessThan(SETTLED_TOLERANCE_DEG);
  });

  it('setNeutral() re-references the following samples', () => {
    const processor = new FrameProcessor({ neutral: null, headPose: SYNTHETIC });
    for (let k = 0; k < 30; k += 1) processor.process(frameAt(k * FRAME_MS, NEUTRAL));
    processor.setNeutral(NEUTRAL);
    const after = processor.process(frameAt(30 * FRAME_MS, NEUTRAL));
    expect(Math.abs(after.sample.angles?.yawDeg ?? NaN)).toBeLessThan(1e-6);
  });
});
