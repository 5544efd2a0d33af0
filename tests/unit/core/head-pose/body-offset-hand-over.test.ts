import { describe, expect, it } from 'vitest';
import { BodyOffsetHandOver } from '../../../../src/core/head-pose/body-offset-hand-over';
import { fuseHeadSources } from '../../../../src/core/head-pose/fusion';
import type { SourceEstimate } from '../../../../src/core/head-pose/source-estimate';

const reading = (pitchDeg: number, confidence: number, yawDeg = 0): SourceEstimate => ({ angles: { yawDeg, pitchDeg, rollDeg: 1 }, confidence });

describe('BodyOffsetHandOver in a deep nod', () => {
  it('learns the body\'s pitch bias from a face in its range, not from one that under-reads flexion', () => {
    const handOver = new BodyOffsetHandOver();
    for (let t = 0; t <= 1000; t += 33) handOver.observe(reading(-5, 1), reading(-8, 0.8), t);
    const learned = handOver.current().pitchDeg;
    expect(learned).toBeCloseTo(3, 1);
    // Deep flexion: the face reads −32 where the body reads −45; the 13° gap is the face's error.
    for (let t = 1033; t <= 3000; t += 33) handOver.observe(reading(-32, 1), reading(-45, 0.8), t);
    expect(handOver.current().pitchDeg).toBeCloseTo(learned, 6);
  });
});

describe('BodyOffsetHandOver: the body\'s yaw bias', () => {
  const turned = (yawDeg: number, confidence: number): SourceEstimate => ({ angles: { yawDeg, pitchDeg: 0, rollDeg: 0 }, confidence });

  it('learns the yaw gap from a trusted near-frontal face and carries the body by it once the face is lost', () => {
    const handOver = new BodyOffsetHandOver();
    for (let t = 0; t <= 1000; t += 33) handOver.observe(turned(-1.5, 1), turned(0.5, 0.8), t);
    expect(handOver.current().yawDeg).toBeCloseTo(-2, 2);
    // Turned far: the face fades and under-reads (40° for a body's 62°); the learned gap stays.
    for (let t = 1033; t <= 2000; t += 33) handOver.observe(turned(40, 0.4), turned(62, 0.8), t);
    expect(handOver.current().yawDeg).toBeCloseTo(-2, 2);
    expect(fuseHeadSources(null, turned(80, 0.8), handOver.current())?.angles.yawDeg).toBeCloseTo(78, 2);
  });

  it('learns the gap of a head off the camera\'s axis, not one too large for a bias (one source misreads the view)', () => {
    // Off the camera's axis the matrix reads the neutral head as turned 12.5°, the body 0°.
    const offAxis = new BodyOffsetHandOver();
    for (let t = 0; t <= 1000; t += 33) offAxis.observe(turned(12.5, 1), turned(0, 0.8), t);
    expect(offAxis.current().yawDeg).toBeCloseTo(12.5, 1);
    const misread = new BodyOffsetHandOver();
    for (let t = 0; t <= 1000; t += 33) misread.observe(turned(12.5, 1), turned(-20, 0.8), t);
    expect(misread.current().yawDeg).toBe(0);
  });

  it('moves the body\'s share of a fading face\'s yaw by the gap', () => {
    const face = turned(40, 0.5);
    const body = turned(58, 0.8);
    const withGap = fuseHeadSources(face, body, { yawDeg: -2, pitchDeg: 0, rollDeg: 0 });
    const without = fuseHeadSources(face, body);
    expect(without && withGap && without.angles.yawDeg - withGap.angles.yawDeg).toBeCloseTo(2 * without!.bodyShare, 6);
  });
});
