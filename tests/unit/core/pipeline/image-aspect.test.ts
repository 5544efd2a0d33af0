import { describe, expect, it } from 'vitest';
import { FrameProcessor } from '../../../../src/core/pipeline/frame-to-sample';
import { syntheticBody, syntheticFace, syntheticFrame } from '../head-pose/synthetic-subject';

const FRONT = { head: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } };

describe('FrameProcessor imageAspect', () => {
  it('passes the frame width / height on, for present and absent samples', () => {
    const processor = new FrameProcessor({ neutral: null });
    const landscape = processor.process(syntheticFrame(0, [syntheticFace(FRONT)], [syntheticBody(FRONT)]));
    expect(landscape.sample.present).toBe(true);
    expect(landscape.sample.imageAspect).toBe(640 / 480);
    const portrait = processor.process({ ...syntheticFrame(33, [syntheticFace(FRONT)], [syntheticBody(FRONT)]), imageWidth: 720, imageHeight: 1280 });
    expect(portrait.sample.imageAspect).toBe(720 / 1280);
    const nobody = processor.process({ ...syntheticFrame(66, [], []), imageWidth: 1080, imageHeight: 1920 });
    expect(nobody.sample.present).toBe(false);
    expect(nobody.sample.imageAspect).toBe(1080 / 1920);
  });
});
