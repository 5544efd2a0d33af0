import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import { figureFrame } from '../../../../src/ui/demo/demo-figure';
import { DEMO_MOTIONS, demoMotionFor } from '../../../../src/ui/demo/demo-motion-data';
import { NEUTRAL_POSE, demoPoseAt, loopDurationMs } from '../../../../src/ui/demo/demo-pose';

const SAMPLES = 24;

describe('the demonstrations', () => {
  it('every protocol exercise has one, and nothing else does', () => {
    expect(PROTOCOL.exercises).toHaveLength(22);
    expect(Object.keys(DEMO_MOTIONS).sort()).toEqual(PROTOCOL.exercises.map((exercise) => exercise.id).sort());
  });

  it.each(PROTOCOL.exercises.map((exercise) => exercise.id))('%s moves: its frames differ over the loop, which starts and ends at neutral', (id) => {
    const motion = demoMotionFor(id);
    expect(motion).not.toBeNull();
    if (motion === null) return;
    const loopMs = loopDurationMs(motion);
    expect(loopMs).toBeGreaterThan(1000);
    const frames = Array.from({ length: SAMPLES }, (_, index) => JSON.stringify(figureFrame(demoPoseAt(motion, (index * loopMs) / SAMPLES), motion.posture, motion.arms)));
    // Holds (presses: 3 s of 5) are still by design: a handful of distinct frames is the movement.
    expect(new Set(frames).size).toBeGreaterThanOrEqual(4);
    for (const [channel, value] of Object.entries(demoPoseAt(motion, loopMs - 1))) expect(Math.abs(value), channel).toBeLessThan(0.05 * Math.max(1, Math.abs(value) + 1));
    expect(demoPoseAt(motion, 0)).toEqual(demoPoseAt(motion, loopMs));
  });

  it('follows the angle convention: head turns go left (yaw > 0) first, and the face moves toward the screen’s left (mirrored)', () => {
    const motion = demoMotionFor('head-turns');
    if (motion === null) throw new Error('no head-turns demo');
    const out = demoPoseAt(motion, 600 + 1500);
    expect(out.yaw).toBeCloseTo(50);
    const nose = (pose: typeof out) => figureFrame(pose, 'sitting', 'rest').shapes.find((shape) => shape.part === 'nose');
    const turned = nose(out);
    const neutral = nose(NEUTRAL_POSE);
    expect(turned?.kind === 'line' && neutral?.kind === 'line' && turned.x1 < neutral.x1).toBe(true);
  });

  it('draws lying exercises lying', () => {
    for (const id of ['supine-breathing', 'supine-neck-raise-hold', 'prone-ear-to-floor']) {
      const motion = demoMotionFor(id);
      expect(motion === null ? 0 : figureFrame(NEUTRAL_POSE, motion.posture, motion.arms).rotateDeg, id).toBe(-90);
    }
  });
});
