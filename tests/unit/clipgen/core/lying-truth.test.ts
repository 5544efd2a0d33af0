import { describe, expect, it } from 'vitest';
import { lyingTruth } from '../../../../tools/clipgen/core/lying-truth';

const NEUTRAL = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
const FLAT = { torsoRiseDeg: 0, breathCm: 0 };

describe('lyingTruth', () => {
  it('reads the torso\'s rise as the scripted angle, and the neck\'s line relative to it stays when the whole torso rises', () => {
    const flat = lyingTruth(NEUTRAL, FLAT);
    expect(flat.torsoRiseDeg).toBeCloseTo(0, 9);
    const risen = lyingTruth(NEUTRAL, { torsoRiseDeg: 35, breathCm: 0 });
    expect(risen.torsoRiseDeg).toBeCloseTo(35, 9);
    expect(risen.neckRiseDeg).toBeCloseTo(flat.neckRiseDeg, 9);
  });

  it('raises the neck\'s line when the head flexes off the floor (pitch < 0), more for a larger flexion, the torso staying', () => {
    const flat = lyingTruth(NEUTRAL, FLAT).neckRiseDeg;
    const small = lyingTruth({ ...NEUTRAL, pitchDeg: -8 }, FLAT);
    const full = lyingTruth({ ...NEUTRAL, pitchDeg: -35 }, FLAT);
    expect(full.torsoRiseDeg).toBeCloseTo(0, 9);
    expect(small.neckRiseDeg - flat).toBeGreaterThan(2);
    expect(small.neckRiseDeg - flat).toBeLessThan(10);
    // The exercise counts a lift of 10° or more: a 35° flexion of the 6 cm neck gives about 23°.
    expect(full.neckRiseDeg - flat).toBeGreaterThan(15);
    expect(full.neckRiseDeg - flat).toBeLessThan(35);
  });

  it('passes the breath through', () => {
    expect(lyingTruth(NEUTRAL, { torsoRiseDeg: 0, breathCm: 1.5 }).breathCm).toBe(1.5);
  });
});
