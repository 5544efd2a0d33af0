import { describe, expect, it } from 'vitest';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { buildTimeline } from '../../../../tools/clipgen/core/timeline';
import { parseTrajectory } from '../../../../tools/clipgen/core/trajectory';
import { UNITS_PER_CM } from '../../../../tools/clipgen/core/scan-body';
import { SCAN_METRES_PER_UNIT } from '../../../../tools/clipgen/core/scan-rig';

const shrugs = parseTrajectory({
  id: 'shrugs',
  exercise: 'shoulder-shrug-hold',
  subject: 'scan',
  fps: 10,
  segments: [
    { kind: 'hold', durationMs: 1000 },
    { kind: 'body-rep', channel: 'elevation', peak: 5, outMs: 500, holdMs: 3000, backMs: 500 },
    { kind: 'body-rep', channel: 'elevation', peak: 1.5, outMs: 500, holdMs: 3000, backMs: 500, counts: false },
    { kind: 'body-rep', channel: 'protraction', peak: -3, outMs: 500, backMs: 500 },
  ],
});

describe('the body\'s timeline', () => {
  it('moves the girdle out, holds and back while the head stays still', () => {
    const t = buildTimeline(shrugs);
    expect(t.bodyAt(0).elevationCm).toBe(0);
    expect(t.bodyAt(1500).elevationCm).toBe(5);
    expect(t.bodyAt(3000).elevationCm).toBe(5);
    expect(t.bodyAt(5000).elevationCm).toBe(0);
    expect(t.bodyAt(9500).protractionCm).toBe(-3);
    for (const ms of [0, 1200, 3000, 9500]) expect(t.poseAt(ms)).toEqual({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 });
    expect(t.durationMs).toBe(1000 + 4000 + 4000 + 1000);
  });

  it('circles the girdle from the top round through the front (forward) and back to the top', () => {
    const t = buildTimeline(parseTrajectory({
      id: 'c', exercise: 'shoulder-circles', subject: 'scan',
      segments: [{ kind: 'body-move', to: { elevationCm: 2 }, durationMs: 100 }, { kind: 'body-circle', radiusCm: 2, durationMs: 4000, direction: 'forward', profile: 'linear' }],
    }));
    expect(t.bodyAt(100)).toMatchObject({ elevationCm: 2, protractionCm: 0 });
    expect(t.bodyAt(1100).protractionCm).toBeCloseTo(2, 9);
    expect(t.bodyAt(1100).elevationCm).toBeCloseTo(0, 9);
    expect(t.bodyAt(2100).elevationCm).toBeCloseTo(-2, 9);
    expect(t.bodyAt(3100).protractionCm).toBeCloseTo(-2, 9);
    expect(t.bodyAt(4100).elevationCm).toBeCloseTo(2, 9);
  });
});

describe('the ground truth of a body clip', () => {
  it('counts body reps by side and gives each frame the body\'s exact values and joints', () => {
    const truth = buildGroundTruth(shrugs);
    expect(truth.expectedCount).toEqual({ total: 2, bySide: { up: 1, back: 1 } });
    expect(truth.reps.map((r) => [r.motion, r.side, r.counts])).toEqual([['elevation', 'up', true], ['elevation', 'up', false], ['protraction', 'back', true]]);
    const peak = truth.frames[truth.reps[0]!.peakFrame]!;
    expect(peak.body?.elevationCm).toBe(5);
    const rest = truth.frames[0]!;
    // The shoulder joints rise by exactly the shrug (metres).
    expect((peak.body!.left.shoulder[1] - rest.body!.left.shoulder[1]) / SCAN_METRES_PER_UNIT / UNITS_PER_CM).toBeCloseTo(5, 9);
    expect(rest.body?.left.elbowFlexionDeg).toBeCloseTo(peak.body!.left.elbowFlexionDeg, 9);
  });
});
