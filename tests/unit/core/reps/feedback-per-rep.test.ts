import { describe, expect, it } from 'vitest';
import type { ExerciseEvent, RepEvent } from '../../../../src/core/reps/exercise-events';
import { feedbackPerRep } from '../../../../src/core/reps/feedback-per-rep';

const rep = (tMs: number): RepEvent =>
  ({ type: 'rep', kind: 'movement', tMs, side: 'left', complete: true, incompleteReason: null, peakDeg: 40, targetDeg: 20, personalBestDeg: null, isPersonalBest: false, durationMs: 2000, peakVelDegS: 50, sparc: -1.5, ldj: -7, velocityPeaks: 2 });

describe('feedback per rep', () => {
  it('gives each rep the feedback emitted with it, without "good", and no rep a later posture hint', () => {
    const events: ExerciseEvent[] = [
      rep(1000),
      { type: 'feedback', tMs: 1000, kind: 'good', side: 'left' },
      rep(3000),
      { type: 'feedback', tMs: 3000, kind: 'too-fast', side: 'left' },
      { type: 'feedback', tMs: 3000, kind: 'jerky', side: 'left' },
      { type: 'feedback', tMs: 3500, kind: 'posture', side: 'none' },
      rep(5000),
    ];
    expect(feedbackPerRep(events)).toEqual([[], ['too-fast', 'jerky'], []]);
  });
});
