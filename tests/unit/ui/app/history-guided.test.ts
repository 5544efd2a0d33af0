import { describe, expect, it } from 'vitest';
import type { ExerciseSummary } from '../../../../src/core/session';
import { guidedExercises } from '../../../../src/ui/app/history-screen';
import type { SessionRecord } from '../../../../src/store/store-records';

const side = (confirmed: number | undefined): ExerciseSummary['sides'][number] => ({
  side: 'left', reps: confirmed ?? 3, incomplete: 0, holdsCompleted: 0, holdsBroken: 0, confirmed, bestPeakDeg: null, meanSparc: null, meanLdj: null,
});
const exercise = (exerciseId: string, tracking: ExerciseSummary['tracking'], confirmed: number | undefined): ExerciseSummary => ({
  exerciseId, status: 'done', pain: false, activeMs: 1000, sides: [side(confirmed)], warnings: {}, tracking,
});
const record = (summary: readonly ExerciseSummary[] | null): SessionRecord => ({
  id: 's', status: 'finished', startedAtIso: '2026-11-24T08:00:00.000Z', startedAtTMs: 0, plan: { mode: 'remission', exercises: [], restMs: 0 },
  endedAtIso: null, endReason: 'completed', countedReps: 0, summary,
});

describe('guided exercises in the history', () => {
  it('lists the confirmed counts of guided exercises only', () => {
    const session = record([exercise('prone-ear-to-floor', 'guided', 4), exercise('head-turns', 'measured', 0), exercise('head-circles', 'guided', 0)]);
    expect(guidedExercises(session)).toEqual([{ exerciseId: 'prone-ear-to-floor', confirmed: 4 }]);
  });

  it('reads records stored before guided exercises existed as measured', () => {
    expect(guidedExercises(record([exercise('head-turns', undefined, undefined)]))).toEqual([]);
    expect(guidedExercises(record(null))).toEqual([]);
  });
});
