import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import {
  createSessionState,
  reduceSession,
  toSessionExercise,
  type PeakSample,
  type RepMetrics,
  type SessionAction,
  type SessionState,
} from '../../../../src/core/session';
import { createLocalizer } from '../../../../src/i18n/localizer';
import { buildSummaryView, smoothnessGrade, SPARC_FAIR_MIN, SPARC_SMOOTH_MIN } from '../../../../src/ui/app/summary-builder';

const localizer = createLocalizer(null, ['en']);

function rep(side: 'left' | 'right', peakDeg: number): RepMetrics {
  return { side, peakDeg, durationMs: 2_000, peakVelDegS: 50, sparc: -1.5, ldj: -6, velocityPeaks: 1, complete: true };
}

function runSession(id: string, peaks: readonly { side: 'left' | 'right'; peakDeg: number }[]): SessionState {
  const plan = { mode: 'remission' as const, restMs: 10_000, exercises: [toSessionExercise(getExercise('head-turns'), 3), toSessionExercise(getExercise('no-shakes'))] };
  let state = createSessionState(id, plan);
  let tMs = 0;
  const actions: SessionAction[] = [
    { type: 'start', tMs, atIso: '2026-11-24T10:00:00.000Z' },
    { type: 'calibrated', tMs: (tMs += 10), neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } },
    ...peaks.map((p): SessionAction => ({ type: 'rep-completed', tMs: (tMs += 1_000), rep: rep(p.side, p.peakDeg) })),
    { type: 'feedback', tMs: (tMs += 10), code: 'too-fast', severity: 'warning' },
    { type: 'stop', tMs: (tMs += 10) },
  ];
  for (const action of actions) state = reduceSession(state, action);
  return state;
}

function samples(sessionId: string, day: string, side: 'left' | 'right', values: readonly number[]): PeakSample[] {
  return values.map((peakDeg, i) => ({ sessionId, exerciseId: 'head-turns', side, peakDeg, atIso: `${day}T10:00:0${i}.000Z` }));
}

describe('buildSummaryView', () => {
  it('reports reps per side, best range against the target, and progress only beyond the noise', () => {
    const now = [
      { side: 'left' as const, peakDeg: 50 },
      { side: 'left' as const, peakDeg: 52 },
      { side: 'right' as const, peakDeg: 40 },
      { side: 'left' as const, peakDeg: 51 },
      { side: 'right' as const, peakDeg: 41 },
    ];
    const state = runSession('today', now);
    const peaks = [
      ...samples('yesterday', '2026-11-23', 'left', [38, 39, 40]),
      ...samples('yesterday', '2026-11-23', 'right', [40, 41, 39]),
      ...samples('today', '2026-11-24', 'left', [50, 52, 51]),
      ...samples('today', '2026-11-24', 'right', [40, 41]),
    ];
    const view = buildSummaryView(state, peaks, localizer);
    const turns = view.exercises.find((exercise) => exercise.exerciseId === 'head-turns');
    expect(turns?.title).toBe(localizer.pick(getExercise('head-turns').title));
    expect(turns?.reps).toEqual([
      { side: 'left', count: 3 },
      { side: 'right', count: 2 },
    ]);
    const left = turns?.ranges.find((range) => range.direction === 'left');
    expect(left).toMatchObject({ reachedDeg: 52, previousDeg: 40, change: 'progress' });
    expect(left?.deltaDeg).toBeCloseTo(51 - 39, 9);
    const right = turns?.ranges.find((range) => range.direction === 'right');
    expect(right?.change).not.toBe('progress');
    expect(turns?.warnings).toEqual([{ code: 'too-fast', count: 1 }]);
    expect(turns?.smoothness).toBe('smooth');
    expect(turns?.status).toBe('stopped');
  });

  it('calls the first session with an exercise the first time', () => {
    const state = runSession('first', [{ side: 'left', peakDeg: 30 }]);
    const view = buildSummaryView(state, samples('first', '2026-11-24', 'left', [30]), localizer);
    expect(view.exercises[0]?.ranges.find((range) => range.direction === 'left')?.change).toBe('first');
    expect(view.endedForPain).toBe(false);
  });
});

describe('smoothnessGrade', () => {
  it('grades SPARC by its thresholds', () => {
    expect(smoothnessGrade(SPARC_SMOOTH_MIN + 0.1)).toBe('smooth');
    expect(smoothnessGrade((SPARC_SMOOTH_MIN + SPARC_FAIR_MIN) / 2)).toBe('fair');
    expect(smoothnessGrade(SPARC_FAIR_MIN - 0.1)).toBe('jerky');
    expect(smoothnessGrade(null)).toBeNull();
  });
});
