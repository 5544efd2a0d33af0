import { syntheticBodyReader } from '../../../../tools/synthetic/synthetic-body-reader';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anglesToMatrix, rotationToAngles } from '../../../../src/core/geometry/euler';
import { multiplyMat3 } from '../../../../src/core/geometry/mat3';
import { FrameProcessor } from '../../../../src/core/pipeline/frame-to-sample';
import { withoutTrunkTurn } from '../../../../src/core/pipeline/neck-angles';
import { DEFAULT_TRUNK_REFERENCE, TrunkReference } from '../../../../src/core/pipeline/trunk-reference';
import { syntheticBody, syntheticFace, syntheticFrame } from '../head-pose/synthetic-subject';

/** The synthetic subjects' bodies read by a rigid fit (the learned regression is tested on real and rendered landmarks). */
const SYNTHETIC = { body: syntheticBodyReader };

const FRAME_MS = 1000 / 30;
const angle = (max: number) => fc.double({ min: -max, max, noNaN: true });
const STRAIGHT = { yawDeg: 0, rollDeg: 0 };

describe('withoutTrunkTurn', () => {
  it('gives back the neck from head = trunk · neck', () => {
    fc.assert(
      fc.property(angle(80), angle(50), angle(40), angle(40), angle(20), (yaw, pitch, roll, trunkYaw, trunkRoll) => {
        const neck = { yawDeg: yaw, pitchDeg: pitch, rollDeg: roll };
        const trunk = { yawDeg: trunkYaw, rollDeg: trunkRoll };
        const head = rotationToAngles(multiplyMat3(anglesToMatrix({ yawDeg: trunkYaw, pitchDeg: 0, rollDeg: trunkRoll }), anglesToMatrix(neck)));
        const back = withoutTrunkTurn(head, trunk, neck);
        expect(back.yawDeg).toBeCloseTo(yaw, 6);
        expect(back.pitchDeg).toBeCloseTo(pitch, 6);
        expect(back.rollDeg).toBeCloseTo(roll, 6);
      }),
    );
  });
});

describe('TrunkReference', () => {
  it('reads no turn while the trunk only wobbles within the deadband', () => {
    const reference = new TrunkReference();
    for (let i = 0; i < 120; i += 1) {
      const wobble = (DEFAULT_TRUNK_REFERENCE.deadbandDeg - 1) * Math.sin(i / 3);
      expect(reference.update({ yawDeg: 5 + wobble, rollDeg: 2 - wobble }, i * FRAME_MS, STRAIGHT)).toEqual({ yawDeg: 0, rollDeg: 0 });
    }
  });

  it('follows a turn of the trunk after neutral, less the deadband, and holds it when the shoulders are not seen', () => {
    const reference = new TrunkReference();
    let t = 0;
    for (; t < 1200; t += FRAME_MS) reference.update({ yawDeg: 3, rollDeg: 0 }, t, STRAIGHT);
    // The whole body turns: the head turns with the trunk (the neck stays straight).
    for (const end = t + 2000; t < end; t += FRAME_MS) reference.update({ yawDeg: 33, rollDeg: 0 }, t, { yawDeg: 22, rollDeg: 0 });
    const turned = reference.update({ yawDeg: 33, rollDeg: 0 }, t, { yawDeg: 22, rollDeg: 0 });
    expect(turned.yawDeg).toBeCloseTo(30 - DEFAULT_TRUNK_REFERENCE.deadbandDeg, 1);
    expect(reference.update(null, t + FRAME_MS, STRAIGHT)).toEqual(turned);
    reference.reset();
    expect(reference.update({ yawDeg: 33, rollDeg: 0 }, t + 2 * FRAME_MS, STRAIGHT)).toEqual({ yawDeg: 0, rollDeg: 0 });
  });

  it('holds its reading while the neck is turned far (the shoulders BlazePose finds follow a turned head)', () => {
    const reference = new TrunkReference();
    let t = 0;
    for (; t < 1200; t += FRAME_MS) reference.update({ yawDeg: 0, rollDeg: 0 }, t, STRAIGHT);
    // A 75° neck turn with a still trunk: the shoulder line reads 35°, and is not believed.
    for (const end = t + 2000; t < end; t += FRAME_MS) expect(reference.update({ yawDeg: 35, rollDeg: 0 }, t, { yawDeg: 75, rollDeg: 0 })).toEqual({ yawDeg: 0, rollDeg: 0 });
  });
});

describe('FrameProcessor: the counters read the neck, not the trunk', () => {
  /** Head and shoulders as one: the whole body turns `trunkYawDeg`, the neck adds `neckYawDeg`. */
  function frame(tMs: number, trunkYawDeg: number, neckYawDeg: number) {
    const pose = { head: { yawDeg: trunkYawDeg + neckYawDeg, pitchDeg: 0, rollDeg: 0 }, trunkYawDeg };
    return syntheticFrame(tMs, [syntheticFace(pose)], [syntheticBody(pose, { world: true })]);
  }

  it('a whole-body turn of 30° moves the counted yaw by the trunk turn less the deadband only; a neck turn counts whole', () => {
    const processor = new FrameProcessor({ neutral: 'auto', headPose: SYNTHETIC });
    let t = 0;
    let last = null;
    for (; t < 1500; t += FRAME_MS) processor.process(frame(t, 0, 0));
    // The whole body turns over 1.5 s (a trunk turns gradually), then stays.
    const start = t;
    for (const end = t + 1500; t < end; t += FRAME_MS) processor.process(frame(t, (30 * (t - start)) / 1500, 0));
    for (const end = t + 2000; t < end; t += FRAME_MS) last = processor.process(frame(t, 30, 0)).sample;
    expect(last?.angles?.yawDeg ?? Number.NaN).toBeLessThan(DEFAULT_TRUNK_REFERENCE.deadbandDeg + 1.5);
    expect(last?.trunkTurn?.yawDeg ?? Number.NaN).toBeGreaterThan(30 - DEFAULT_TRUNK_REFERENCE.deadbandDeg - 2);
    for (const end = t + 2500; t < end; t += FRAME_MS) last = processor.process(frame(t, 30, 40)).sample;
    expect(last?.angles?.yawDeg ?? Number.NaN).toBeGreaterThan(40);
    expect(last?.angles?.yawDeg ?? Number.NaN).toBeLessThan(40 + DEFAULT_TRUNK_REFERENCE.deadbandDeg + 1.5);
  });
});
