import { describe, expect, it } from 'vitest';
import { unexpectedWarnings } from '../../../../scripts/clip-eval/clean-feedback';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../../tools/clipgen/core/trajectory';

/** Two turns of ±35° (out 1 s, held 0.4 s, back 1 s: a 65°/s peak), with the given options on each. */
function turns(options: Record<string, unknown> = {}): ReturnType<typeof buildGroundTruth> {
  const rep = (peakDeg: number): Record<string, unknown> => ({ kind: 'rep', axis: 'yaw', peakDeg, outMs: 1000, holdMs: 400, backMs: 1000, ...options });
  return buildGroundTruth(parseTrajectory({ id: 't', exercise: 'head-turns', fps: 15, segments: [rep(35), rep(-35)] }));
}

describe('warnings a clean clip should not get', () => {
  it('on clean reps, names every too-fast, jerky or asymmetric said, and nothing else', () => {
    const truth = turns();
    expect(unexpectedWarnings(truth, [{ feedback: [] }, { feedback: ['not-far-enough'] }], 150)).toEqual([]);
    expect(unexpectedWarnings(truth, [{ feedback: ['jerky'] }, { feedback: ['too-fast', 'asymmetric'] }], 150)).toEqual(['jerky', 'too-fast', 'asymmetric']);
    // Analysis files written before reps carried feedback read as none.
    expect(unexpectedWarnings(truth, [{}, {}], 150)).toEqual([]);
  });

  it('expects "too fast" where the scripted speed is over the limit, and does not judge within 10% of it', () => {
    const truth = turns();
    const peak = Math.max(...truth.reps.map((r) => r.peakSpeedDegPerS));
    expect(unexpectedWarnings(truth, [{ feedback: ['too-fast'] }], peak / 1.2)).toEqual([]);
    expect(unexpectedWarnings(truth, [{ feedback: ['too-fast'] }], peak)).toBeNull();
    expect(unexpectedWarnings(truth, [{ feedback: ['too-fast'] }], peak * 1.2)).toEqual(['too-fast']);
  });

  it('expects no warning at all where the speed is not judged (face down: the signal steps)', () => {
    const truth = turns();
    expect(unexpectedWarnings(truth, [{ feedback: ['too-fast'] }, { feedback: ['not-far-enough'] }], null)).toEqual(['too-fast']);
    expect(unexpectedWarnings(truth, [{ feedback: [] }, {}], null)).toEqual([]);
  });

  it('does not judge clips with a jerky, fast or uncounted rep', () => {
    for (const options of [{ profile: 'jerky' }, { tempo: 'too-fast' }, { counts: false }]) {
      expect(unexpectedWarnings(turns(options), [{ feedback: ['jerky'] }], 150)).toBeNull();
    }
  });
});
