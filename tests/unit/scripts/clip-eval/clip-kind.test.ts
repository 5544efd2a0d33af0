import { describe, expect, it } from 'vitest';
import { clipKind } from '../../../../scripts/clip-eval/clip-kind';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../../tools/clipgen/core/trajectory';

function truthOf(segments: readonly object[]): ReturnType<typeof buildGroundTruth> {
  return buildGroundTruth(parseTrajectory({ id: 't', exercise: 'head-turns', description: '', fps: 30, segments: [{ kind: 'hold', durationMs: 500 }, ...segments] }));
}

const turn = (peakDeg: number, counts = true): object => ({ kind: 'rep', axis: 'yaw', peakDeg, outMs: 500, holdMs: 0, backMs: 500, counts });

describe('clipKind (from the truth, not the name)', () => {
  it('no rep at all: a negative, even if the head drifts', () => {
    expect(clipKind(truthOf([{ kind: 'move', to: { yawDeg: 3 }, durationMs: 500 }, { kind: 'hold', durationMs: 300 }]))).toBe('negative');
  });

  it('a rep the truth says does not count: wrong form, even among good ones', () => {
    expect(clipKind(truthOf([turn(30), turn(8, false), turn(-30)]))).toBe('wrong-form');
    expect(clipKind(truthOf([turn(8, false)]))).toBe('wrong-form');
  });

  it('only reps that count: exact', () => {
    expect(clipKind(truthOf([turn(30), turn(-30)]))).toBe('exact');
  });
});
