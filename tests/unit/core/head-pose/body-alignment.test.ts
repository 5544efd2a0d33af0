import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { BodyAlignment } from '../../../../src/core/head-pose/body-alignment';
import type { HeadAngles } from '../../../../src/core/head-pose/head-angles';
import type { SourceEstimate } from '../../../../src/core/head-pose/source-estimate';

const OFFSET_TOLERANCE_DEG = 0.1;

function source(angles: HeadAngles, confidence: number): SourceEstimate {
  return { rotation: anglesToMatrix(angles), angles, confidence };
}

describe('BodyAlignment', () => {
  it('learns the face − body offset while the face is trusted and applies it to the body', () => {
    const alignment = new BodyAlignment();
    for (let t = 0; t <= 3000; t += 33) {
      alignment.observe(source({ yawDeg: 20, pitchDeg: 10, rollDeg: 0 }, 0.9), source({ yawDeg: 8, pitchDeg: 15, rollDeg: 1 }, 0.7), t);
    }
    const aligned = alignment.apply(source({ yawDeg: 30, pitchDeg: 15, rollDeg: 1 }, 0.7));
    expect(Math.abs(aligned.angles.yawDeg - 42)).toBeLessThan(OFFSET_TOLERANCE_DEG);
    expect(Math.abs(aligned.angles.pitchDeg - 10)).toBeLessThan(OFFSET_TOLERANCE_DEG);
    expect(Math.abs(aligned.angles.rollDeg)).toBeLessThan(OFFSET_TOLERANCE_DEG);
    expect(alignment.unapply(aligned.angles).yawDeg).toBeCloseTo(30, 9);
  });

  it('freezes the offset while the face is not trusted, and forgets it on reset', () => {
    const alignment = new BodyAlignment();
    alignment.observe(source({ yawDeg: 20, pitchDeg: 0, rollDeg: 0 }, 0.9), source({ yawDeg: 10, pitchDeg: 0, rollDeg: 0 }, 0.7), 0);
    alignment.observe(source({ yawDeg: 55, pitchDeg: 0, rollDeg: 0 }, 0.1), source({ yawDeg: 80, pitchDeg: 0, rollDeg: 0 }, 0.7), 33);
    expect(alignment.current().yawDeg).toBeCloseTo(10, 9);
    alignment.reset();
    expect(alignment.current()).toEqual({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
  });

  it('ignores repeated and out-of-order times', () => {
    const alignment = new BodyAlignment();
    alignment.observe(source({ yawDeg: 20, pitchDeg: 0, rollDeg: 0 }, 0.9), source({ yawDeg: 10, pitchDeg: 0, rollDeg: 0 }, 0.7), 100);
    alignment.observe(source({ yawDeg: 90, pitchDeg: 0, rollDeg: 0 }, 0.9), source({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, 0.7), 100);
    alignment.observe(source({ yawDeg: 90, pitchDeg: 0, rollDeg: 0 }, 0.9), source({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }, 0.7), 50);
    expect(alignment.current().yawDeg).toBeCloseTo(10, 9);
  });
});
