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

describe('fuseHeadSources: a face misread past its range', () => {
  const faceAt = (yawDeg: number, rollDeg: number): SourceEstimate => ({ angles: { yawDeg, pitchDeg: 0, rollDeg }, confidence: 0.9 });
  const bodyAt = (yawDeg: number): SourceEstimate => ({ angles: { yawDeg, pitchDeg: 2, rollDeg: 1 }, confidence: 0.8 });

  it('is not used, and says so: a head last read at −70° with the body agreeing, and a face snapping to −22°', () => {
    const fused = fuseHeadSources(faceAt(-22, 30), bodyAt(-72), undefined, -70);
    expect(fused?.face).toBeNull();
    expect(fused?.angles.yawDeg).toBe(-72);
    expect(fused?.angles.rollDeg).toBe(1);
  });

  it('is used, and named, when the head was not turned far before', () => {
    const face = faceAt(-22, 3);
    const fused = fuseHeadSources(face, bodyAt(-30), undefined, -20);
    expect(fused?.face).toBe(face);
    expect(fused?.angles.rollDeg).toBe(3);
  });
});
