import { describe, expect, it } from 'vitest';
import { anglesToMatrix } from '../../../../src/core/geometry/euler';
import { lyingToWorld } from '../../../../tools/clipgen/core/lying-rig';
import { lyingTruth, SCAN_EAR } from '../../../../tools/clipgen/core/lying-truth';
import { onHead } from '../../../../tools/clipgen/core/scan-arms';
import { onSide } from '../../../../tools/clipgen/core/scan-body';

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
  it('gives the head\'s turn about the body\'s long axis face down: the neck\'s yaw, > 0 the face to the subject\'s left', () => {
    expect(lyingTruth(NEUTRAL, FLAT, 'prone').headTurnDeg).toBe(0);
    expect(lyingTruth({ ...NEUTRAL, yawDeg: 80 }, FLAT, 'prone').headTurnDeg).toBe(80);
    expect(lyingTruth({ ...NEUTRAL, yawDeg: -80 }, FLAT, 'prone').headTurnDeg).toBe(-80);
  });

  it('turning the face to the subject\'s left face down lowers the right ear toward the floor', () => {
    const ear = (yawDeg: number, side: number): number => lyingToWorld(onHead(onSide(SCAN_EAR, side), anglesToMatrix({ ...NEUTRAL, yawDeg })), 'prone')[1];
    expect(ear(80, -1)).toBeLessThan(ear(0, -1) - 0.05);
    expect(ear(80, 1)).toBeGreaterThan(ear(0, 1) + 0.05);
    expect(ear(-80, 1)).toBeLessThan(ear(0, 1) - 0.05);
  });

  it('reads the same turn with the camera on the right face down (the near side changes, not the turn)', () => {
    const right = { side: 'right' } as const;
    expect(lyingTruth({ ...NEUTRAL, yawDeg: -80 }, FLAT, 'prone', right).headTurnDeg).toBe(-80);
    expect(lyingTruth(NEUTRAL, FLAT, 'prone', right).neckRiseDeg).toBeCloseTo(lyingTruth(NEUTRAL, FLAT, 'prone').neckRiseDeg, 9);
  });
});
