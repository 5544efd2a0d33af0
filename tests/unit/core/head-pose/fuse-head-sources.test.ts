import { describe, expect, it } from 'vitest';
import { fuseHeadSources } from '../../../../src/core/head-pose/fusion';
import type { SourceEstimate } from '../../../../src/core/head-pose/source-estimate';

const reading = (yawDeg: number, confidence: number): SourceEstimate => ({ angles: { yawDeg, pitchDeg: 3, rollDeg: -2 }, confidence });

describe('fuseHeadSources: yaw', () => {
  it('lets the body carry a turn the faded face under-reads, on the same side', () => {
    const fused = fuseHeadSources(reading(50, 0.02), reading(68, 0.8));
    expect(fused?.angles.yawDeg ?? NaN).toBeGreaterThan(66);
  });

  it('keeps a face turned past 30° when the body reads the other side (the body is wrong)', () => {
    // AFLW2000 image00251: the face read +54°, the body network −60°.
    expect(fuseHeadSources(reading(54, 0.02), reading(-60, 0.8))?.angles.yawDeg).toBe(54);
    expect(fuseHeadSources(reading(-40, 0.3), reading(25, 0.8))?.angles.yawDeg).toBe(-40);
  });

  it('blends a near-frontal face with a body on the other side of zero', () => {
    const fused = fuseHeadSources(reading(4, 0.5), reading(-6, 0.8));
    expect(fused?.angles.yawDeg ?? NaN).toBeLessThan(4);
    expect(fused?.angles.yawDeg ?? NaN).toBeGreaterThan(-6);
  });
});
