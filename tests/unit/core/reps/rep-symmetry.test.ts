import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { Direction } from '../../../../src/core/protocol/exercise-definition';
import type { RepEvent } from '../../../../src/core/reps/exercise-events';
import { EMPTY_REP_STATS, repFeedback, updateStats } from '../../../../src/core/reps/rep-feedback';

function rep(side: Direction, peakDeg: number): RepEvent {
  return { type: 'rep', kind: 'movement', tMs: 1000, side, complete: true, incompleteReason: null, peakDeg, targetDeg: 1, personalBestDeg: null, isPersonalBest: false, durationMs: 2000, peakVelDegS: 10, sparc: -1.5, ldj: -7, velocityPeaks: 2 };
}

/** The feedback on `second` after `first` (one rep of each side). */
function after(exercise: string, first: RepEvent, second: RepEvent): string[] {
  const stats = updateStats(EMPTY_REP_STATS, first);
  return repFeedback(getExercise(exercise), second, stats, {}).map((event) => (event.type === 'feedback' ? event.kind : ''));
}

describe('symmetry is judged between mirror movements only', () => {
  it('says "asymmetric" when one turn goes much less far than the other', () => {
    expect(after('head-turns', rep('left', 60), rep('right', 30))).toContain('asymmetric');
    expect(after('head-turns', rep('left', 60), rep('right', 55))).not.toContain('asymmetric');
  });

  it('does not compare protraction with retraction (their normal ranges differ)', () => {
    expect(after('shoulders-forward-back', rep('forward', 20), rep('back', 10))).not.toContain('asymmetric');
  });
});
