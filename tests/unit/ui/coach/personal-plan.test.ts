import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { RepRecord, SessionRecord } from '../../../../src/store/store-records';
import { pastExercises, personalPlans, robustPersonalBests } from '../../../../src/ui/coach/personal-plan';

const HEAD_TURNS = getExercise('head-turns');

function reps(sessionId: string, day: number, side: 'left' | 'right', peaks: readonly number[]): RepRecord[] {
  return peaks.map((peakDeg, index) => ({
    sessionId, seq: index, exerciseId: 'head-turns', mode: 'remission', atIso: `2026-11-${String(day).padStart(2, '0')}T08:00:${String(index).padStart(2, '0')}.000Z`,
    tMs: index * 1000, side, peakDeg, durationMs: 2000, peakVelDegS: 50, sparc: -1.6, ldj: -6, velocityPeaks: 1, complete: true,
  }));
}
const session = (id: string, day: number, endReason: SessionRecord['endReason']): SessionRecord => ({
  id, status: 'finished', startedAtIso: `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`, startedAtTMs: 0,
  plan: { mode: 'remission', exercises: [], restMs: 0 }, endedAtIso: null, endReason, countedReps: 0, summary: null,
});

/** Three sessions of head turns: 9 per side each, peaks near 50°; one glitch of 170° on day 3. */
const HISTORY: RepRecord[] = [1, 2, 3].flatMap((day) => [
  ...reps(`s${day}`, day, 'left', [48, 50, 52, 49, 51, 50, 47, 53, day === 3 ? 170 : 50]),
  ...reps(`s${day}`, day, 'right', [45, 46, 44, 47, 45, 46, 44, 45, 46]),
]);

describe('the personal plan from stored reps', () => {
  it('counts each session by its weaker side, and rises one above the recent median (capped at the dose: 7–10)', () => {
    expect(pastExercises([...HISTORY, ...reps('s3', 3, 'left', [50])], HEAD_TURNS, null).map((past) => past.counted)).toEqual([9, 9, 9]);
    const plans = personalPlans([HEAD_TURNS], HISTORY, [session('s3', 3, 'completed')], 'remission', null);
    expect(plans.get('head-turns')).toEqual({ repsTarget: 10, reason: { kind: 'at-max' } });
    const fewer = HISTORY.filter((rep) => !(rep.side === 'right' && rep.seq >= 7));
    expect(personalPlans([HEAD_TURNS], fewer, [], 'remission', null).get('head-turns')).toEqual({ repsTarget: 8, reason: { kind: 'rising', recentMedian: 7 } });
  });

  it('holds back after a pain stop and in a flare-up; a reset forgets the history', () => {
    expect(personalPlans([HEAD_TURNS], HISTORY, [session('s3', 3, 'pain')], 'remission', null).get('head-turns')?.reason.kind).toBe('held-pain');
    expect(personalPlans([HEAD_TURNS], HISTORY, [session('s3', 3, 'completed')], 'exacerbation', null).get('head-turns')?.repsTarget).toBe(7);
    expect(personalPlans([HEAD_TURNS], HISTORY, [], 'remission', '2026-11-04T00:00:00.000Z').get('head-turns')).toEqual({ repsTarget: 7, reason: { kind: 'first' } });
  });

  it('a 170° glitch does not become the best', () => {
    const bests = robustPersonalBests(HISTORY, null);
    const left = bests.find((best) => best.side === 'left')?.peakDeg ?? Number.NaN;
    expect(left).toBeGreaterThanOrEqual(50);
    expect(left).toBeLessThan(54);
    expect(bests.find((best) => best.side === 'right')?.peakDeg).toBe(46);
  });
});
