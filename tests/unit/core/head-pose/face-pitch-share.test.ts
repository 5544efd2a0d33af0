import { describe, expect, it } from 'vitest';
import { DEFAULT_FACE_PITCH_BAND, facePitchShare } from '../../../../src/core/head-pose/face-pitch-share';
import { fuseHeadSources } from '../../../../src/core/head-pose/fusion';
import type { SourceEstimate } from '../../../../src/core/head-pose/source-estimate';

const reading = (pitchDeg: number, confidence: number, yawDeg = 0): SourceEstimate => ({ angles: { yawDeg, pitchDeg, rollDeg: 1 }, confidence });

describe('facePitchShare', () => {
  it('believes the face in full near neutral and in extension up to its band', () => {
    expect(facePitchShare(0)).toBe(1);
    expect(facePitchShare(-DEFAULT_FACE_PITCH_BAND.fullFlexionDeg)).toBe(1);
    expect(facePitchShare(40)).toBe(1);
  });

  it('hands deep flexion to the body sooner than extension of the same size (the mesh under-reads flexion)', () => {
    expect(facePitchShare(-35)).toBe(0);
    expect(facePitchShare(35)).toBe(1);
    expect(facePitchShare(-22)).toBeGreaterThan(0);
    expect(facePitchShare(-22)).toBeLessThan(1);
  });

  it('falls as flexion deepens, never rising', () => {
    let last = 1;
    for (let pitch = 0; pitch >= -60; pitch -= 0.5) {
      const share = facePitchShare(pitch);
      expect(share).toBeLessThanOrEqual(last);
      last = share;
    }
  });
});

describe('fuseHeadSources: pitch in a deep nod', () => {
  it('takes the body\'s pitch where a confident face reads deep flexion (which it under-reads)', () => {
    const fused = fuseHeadSources(reading(-33, 1), reading(-47, 0.8));
    expect(fused?.angles.pitchDeg).toBeCloseTo(-47, 6);
  });

  it('keeps the face\'s pitch near neutral and in extension, even with a body that disagrees', () => {
    expect(fuseHeadSources(reading(-8, 1), reading(-20, 0.8))?.angles.pitchDeg).toBe(-8);
    expect(fuseHeadSources(reading(38, 1), reading(50, 0.8))?.angles.pitchDeg).toBe(38);
  });

  it('keeps the face\'s pitch in a deep nod when the body reads it shallower or the other way (the face does not over-read)', () => {
    // The photo head flexed 30°: the face read −31°, the body network (not trained on that body) −19°.
    expect(fuseHeadSources(reading(-31, 1), reading(-19, 0.8))?.angles.pitchDeg).toBe(-31);
    expect(fuseHeadSources(reading(-40, 1), reading(4, 0.8))?.angles.pitchDeg).toBe(-40);
    // …nor does the hand-over offset make a shallower body pull it back.
    expect(fuseHeadSources(reading(-40, 1), reading(-42, 0.8), { yawDeg: 0, pitchDeg: 5, rollDeg: 0 })?.angles.pitchDeg).toBe(-40);
  });

  it('moves the body by the hand-over offset when it takes the pitch over', () => {
    const fused = fuseHeadSources(reading(-40, 1), reading(-47, 0.8), { yawDeg: 0, pitchDeg: 2, rollDeg: 0 });
    expect(fused?.angles.pitchDeg).toBeCloseTo(-45, 6);
  });
});
