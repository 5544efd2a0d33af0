import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import {
  buildSessionPlan,
  createSessionState,
  isGroupLocked,
  toSessionExercise,
  reduceSession,
  selectActivity,
  selectRepProgress,
  selectRestRemainingMs,
  selectSummary,
  selectUpcomingExercise,
  type SessionPlan,
  type SessionState,
} from '../../../../src/core/session';
import {
  CALIBRATED,
  CHIN_TO_CHEST,
  HEAD_TURNS,
  MASSAGE,
  PALM_FOREHEAD,
  SHOULDER_CIRCLES,
  START,
  SUPINE_BREATHING,
  TEST_CATALOG,
  rep,
  run,
} from './session-fixtures';

const REST_MS = 5000;
const plan = (exercises: SessionPlan['exercises'], mode: SessionPlan['mode'] = 'remission'): SessionPlan => ({
  mode,
  exercises,
  restMs: REST_MS,
});

/** Chin to chest done (its two reps): the session rests before the palm press. */
const restAfterChinToChest = (): SessionState =>
  run(createSessionState('s', plan([CHIN_TO_CHEST, PALM_FOREHEAD])), [
    START,
    CALIBRATED,
    { type: 'rep-completed', tMs: 2000, rep: rep('down', 30) },
    { type: 'rep-completed', tMs: 3000, rep: rep('down', 30) },
  ]);

describe('reduceSession: phases', () => {
  it('goes setup → calibration → exercise → rest → exercise → summary', () => {
    const s0 = createSessionState('s1', plan([HEAD_TURNS, CHIN_TO_CHEST]));
    expect(s0.phase).toBe('setup');
    const s1 = reduceSession(s0, START);
    expect(s1.phase).toBe('calibration');
    expect(s1.startedAtIso).toBe('2026-11-24T08:00:00.000Z');
    const s2 = reduceSession(s1, CALIBRATED);
    expect(s2.phase).toBe('exercise');
    expect(s2.neutral).toEqual({ yawDeg: 1, pitchDeg: -2, rollDeg: 0 });
    expect(s2.results[0]?.status).toBe('active');
    expect(selectActivity(s2)).toBe('active');

    const s3 = run(s2, [
      { type: 'rep-completed', tMs: 2000, rep: rep('left', 40) },
      { type: 'rep-completed', tMs: 3000, rep: rep('left', 45) },
      { type: 'rep-completed', tMs: 4000, rep: rep('right', 38) },
    ]);
    expect(s3.phase).toBe('exercise');
    expect(selectRepProgress(s3)).toEqual({ counted: [2, 1], target: 2 });

    const s4 = reduceSession(s3, { type: 'rep-completed', tMs: 5000, rep: rep('right', 41) });
    expect(s4.phase).toBe('rest');
    expect(s4.results[0]?.status).toBe('done');
    expect(selectRestRemainingMs(s4, 6000)).toBe(REST_MS - 1000);
    expect(selectUpcomingExercise(s4)?.id).toBe('chin-to-chest');

    const s5 = reduceSession(s4, { type: 'tick', tMs: 5000 + REST_MS - 1 });
    expect(s5.phase).toBe('rest');
    const s6 = reduceSession(s5, { type: 'tick', tMs: 5000 + REST_MS });
    expect(s6.phase).toBe('exercise');
    expect(s6.exerciseIndex).toBe(1);

    const s7 = run(s6, [
      { type: 'rep-completed', tMs: 11_000, rep: rep('down', 30) },
      { type: 'rep-completed', tMs: 12_000, rep: rep('down', 32) },
    ]);
    expect(s7.phase).toBe('summary');
    expect(s7.endReason).toBe('completed');
    expect(s7.endedAtMs).toBe(12_000);
    expect(s7.results.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('the next action ends the rest early', () => {
    const inRest = restAfterChinToChest();
    expect(inRest.phase).toBe('rest');
    const moved = reduceSession(inRest, { type: 'next', tMs: 3100 });
    expect(moved.phase).toBe('exercise');
    expect(moved.results[1]?.status).toBe('active');
    expect(moved.results[1]?.startedAtMs).toBe(3100);
  });

  it('a per-side exercise is not done until every direction reaches its target', () => {
    const state = run(createSessionState('s', plan([SHOULDER_CIRCLES])), [
      START,
      CALIBRATED,
      ...[2000, 3000, 4000, 5000].map((tMs) => ({ type: 'rep-completed' as const, tMs, rep: rep('clockwise', 10) })),
      { type: 'rep-completed', tMs: 6000, rep: rep('counterclockwise', 10) },
    ]);
    expect(state.phase).toBe('exercise');
    expect(selectRepProgress(state)?.counted).toEqual([4, 1]);
  });

  it('ignores actions earlier than the last accepted one, and everything after the summary', () => {
    const s = run(createSessionState('s', plan([CHIN_TO_CHEST])), [START, CALIBRATED]);
    expect(reduceSession(s, { type: 'rep-completed', tMs: 500, rep: rep('down', 30) })).toBe(s);
    expect(reduceSession(s, { type: 'rep-completed', tMs: Number.NaN, rep: rep('down', 30) })).toBe(s);
    const done = reduceSession(s, { type: 'stop', tMs: 2000 });
    expect(done.phase).toBe('summary');
    expect(reduceSession(done, { type: 'resume', tMs: 3000 })).toBe(done);
    expect(reduceSession(done, { type: 'start', tMs: 3000, atIso: '2026-11-24T09:00:00.000Z' })).toBe(done);
  });
});

describe('reduceSession: results', () => {
  it('keeps reps, incompletes, best peak per direction and smoothness means', () => {
    const s = run(createSessionState('s', plan([{ ...HEAD_TURNS, repsTarget: 10 }])), [
      START,
      CALIBRATED,
      { type: 'rep-completed', tMs: 2000, rep: rep('left', 40, { sparc: -1.5, ldj: -5 }) },
      { type: 'rep-completed', tMs: 3000, rep: rep('left', 52, { sparc: -2.5, ldj: -7 }) },
      { type: 'rep-completed', tMs: 4000, rep: rep('left', 60, { complete: false, sparc: null, ldj: null }) },
      { type: 'rep-incomplete', tMs: 4500, side: 'right', peakDeg: 12 },
      { type: 'rep-completed', tMs: 5000, rep: rep('right', 33) },
      { type: 'feedback', tMs: 5100, code: 'too-fast', severity: 'warning' },
      { type: 'feedback', tMs: 5200, code: 'too-fast', severity: 'warning' },
      { type: 'feedback', tMs: 5300, code: 'good', severity: 'info' },
      { type: 'feedback', tMs: 5400, code: '__proto__', severity: 'warning' },
    ]);
    const [summary] = selectSummary(s);
    expect(summary?.warnings).toEqual({ 'too-fast': 2 });
    const left = summary?.sides.find((side) => side.side === 'left');
    const right = summary?.sides.find((side) => side.side === 'right');
    expect(left).toMatchObject({ reps: 2, incomplete: 1, bestPeakDeg: 60 });
    expect(left?.meanSparc).toBeCloseTo(-2, 9);
    expect(left?.meanLdj).toBeCloseTo(-6, 9);
    expect(right).toMatchObject({ reps: 1, incomplete: 1, bestPeakDeg: 33 });
    expect(summary?.sides.map((side) => side.side)).toEqual(['left', 'right']);
  });

  it('counts completed holds toward the target, not broken ones', () => {
    const s = run(createSessionState('s', plan([PALM_FOREHEAD, CHIN_TO_CHEST])), [
      START,
      CALIBRATED,
      { type: 'hold-completed', tMs: 5000, side: 'none', heldMs: 3000 },
      { type: 'hold-broken', tMs: 7000, side: 'none', heldMs: 1200 },
      { type: 'hold-broken', tMs: 9000, side: 'none', heldMs: 800 },
    ]);
    expect(s.phase).toBe('exercise');
    expect(s.results[0]?.sides.none).toMatchObject({ reps: 1, holdsCompleted: 1, holdsBroken: 2 });
    const done = reduceSession(s, { type: 'hold-completed', tMs: 13_000, side: 'none', heldMs: 3000 });
    expect(done.phase).toBe('rest');
  });

  it('a timed exercise counts active time without paused time, and ends on its completed timer', () => {
    const s = run(createSessionState('s', plan([MASSAGE, CHIN_TO_CHEST])), [
      START,
      CALIBRATED, // active from 1000
      { type: 'tick', tMs: 5000 },
      { type: 'pause', tMs: 6000 }, // 5000 ms active
      { type: 'tick', tMs: 20_000 },
      { type: 'resume', tMs: 30_000 },
      { type: 'tick', tMs: 40_000 },
    ]);
    expect(s.phase).toBe('exercise');
    expect(s.results[0]?.activeMs).toBe(15_000);
    const done = reduceSession(s, { type: 'hold-completed', tMs: 40_500, side: 'none', heldMs: 10_000 });
    expect(done.phase).toBe('rest');
    expect(done.results[0]).toMatchObject({ status: 'done', activeMs: 15_500 });
  });
});

describe('reduceSession: pause, person lost, skip, stop', () => {
  const started = run(createSessionState('s', plan([CHIN_TO_CHEST, PALM_FOREHEAD])), [START, CALIBRATED]);

  it('ignores engine events while paused and counts them again after resume', () => {
    const paused = reduceSession(started, { type: 'pause', tMs: 2000 });
    expect(selectActivity(paused)).toBe('paused');
    const ignored = reduceSession(paused, { type: 'rep-completed', tMs: 2500, rep: rep('down', 30) });
    expect(ignored.results[0]?.sides.down).toBeUndefined();
    const resumed = run(paused, [
      { type: 'resume', tMs: 3000 },
      { type: 'rep-completed', tMs: 3500, rep: rep('down', 30) },
    ]);
    expect(selectActivity(resumed)).toBe('active');
    expect(resumed.results[0]?.sides.down?.reps).toBe(1);
    expect(resumed.results[0]?.activeMs).toBe(1000 + 500);
  });

  it('pauses while the person is away; a user pause outlasts the person coming back', () => {
    const lost = reduceSession(started, { type: 'person-lost', tMs: 2000 });
    expect(selectActivity(lost)).toBe('paused');
    expect(selectActivity(reduceSession(lost, { type: 'person-back', tMs: 2500 }))).toBe('active');
    const both = run(lost, [
      { type: 'pause', tMs: 2100 },
      { type: 'person-back', tMs: 2200 },
    ]);
    expect(selectActivity(both)).toBe('paused');
    expect(selectActivity(reduceSession(both, { type: 'resume', tMs: 2300 }))).toBe('active');
  });

  it('skip marks the exercise skipped and starts the next; skipping the last ends the session', () => {
    const skipped = reduceSession(started, { type: 'skip', tMs: 2000 });
    expect(skipped.results[0]?.status).toBe('skipped');
    expect(skipped.results[1]?.status).toBe('active');
    expect(skipped.phase).toBe('exercise');
    const end = reduceSession(skipped, { type: 'skip', tMs: 2500 });
    expect(end.phase).toBe('summary');
    expect(end.endReason).toBe('completed');
  });

  it('stop ends the session with the current exercise stopped', () => {
    const stopped = reduceSession(started, { type: 'stop', tMs: 2000 });
    expect(stopped.phase).toBe('summary');
    expect(stopped.endReason).toBe('stopped');
    expect(stopped.results.map((r) => r.status)).toEqual(['stopped', 'pending']);
  });
});

describe('reduceSession: pain', () => {
  it('stops the exercise and the session at once and records it', () => {
    const s = run(createSessionState('s', plan([HEAD_TURNS, CHIN_TO_CHEST])), [
      START,
      CALIBRATED,
      { type: 'rep-completed', tMs: 2000, rep: rep('left', 40) },
      { type: 'pain-reported', tMs: 2100 },
    ]);
    expect(s.phase).toBe('summary');
    expect(s.endReason).toBe('pain');
    expect(s.pain).toEqual({ tMs: 2100, exerciseId: 'head-turns' });
    expect(s.results[0]).toMatchObject({ status: 'pain', pain: true, endedAtMs: 2100 });
    expect(s.results[0]?.sides.left?.reps).toBe(1);
    expect(s.results[1]?.status).toBe('pending');
  });

  it('during a rest flags the exercise just done', () => {
    const s = reduceSession(restAfterChinToChest(), { type: 'pain-reported', tMs: 3500 });
    expect(s.endReason).toBe('pain');
    expect(s.results[0]).toMatchObject({ status: 'done', pain: true });
    expect(s.pain?.exerciseId).toBe('chin-to-chest');
  });

  it('during calibration ends the session with no exercise blamed', () => {
    const s = run(createSessionState('s', plan([CHIN_TO_CHEST])), [START, { type: 'pain-reported', tMs: 500 }]);
    expect(s).toMatchObject({ phase: 'summary', endReason: 'pain', pain: { tMs: 500, exerciseId: null } });
  });
});

describe('exacerbation locks', () => {
  it('buildSessionPlan leaves out simple series A and the first complex, and says why', () => {
    const built = buildSessionPlan(TEST_CATALOG, 'exacerbation', {
      kind: 'custom',
      exerciseIds: ['head-turns', 'palm-forehead-press', 'supine-breathing', 'shoulder-circles', 'nope', 'palm-forehead-press'],
    });
    expect(built.plan.exercises.map((e) => e.id)).toEqual(['palm-forehead-press', 'shoulder-circles']);
    expect(built.excluded).toEqual([
      { exerciseId: 'head-turns', reason: 'locked-in-exacerbation' },
      { exerciseId: 'supine-breathing', reason: 'locked-in-exacerbation' },
      { exerciseId: 'nope', reason: 'unknown-exercise' },
      { exerciseId: 'palm-forehead-press', reason: 'duplicate' },
    ]);
    const remission = buildSessionPlan(TEST_CATALOG, 'remission', { kind: 'set', group: 'complex-1' });
    expect(remission.plan.exercises.map((e) => e.id)).toEqual(['supine-breathing']);
    const lockedSet = buildSessionPlan(TEST_CATALOG, 'exacerbation', { kind: 'set', group: 'simple-a' });
    expect(lockedSet.plan.exercises).toEqual([]);
  });

  it('the reducer never runs a locked exercise even if a plan contains one', () => {
    const s0 = createSessionState('s', plan([HEAD_TURNS, SUPINE_BREATHING, PALM_FOREHEAD], 'exacerbation'));
    expect(s0.results.map((r) => r.status)).toEqual(['locked', 'locked', 'pending']);
    const s = run(s0, [START, CALIBRATED]);
    expect(s.exerciseIndex).toBe(2);
    expect(s.results.map((r) => r.status)).toEqual(['locked', 'locked', 'active']);
    const end = reduceSession(s, { type: 'skip', tMs: 2000 });
    expect(end.phase).toBe('summary');
    expect(end.results.map((r) => r.status)).toEqual(['locked', 'locked', 'skipped']);
  });

  it('a plan with nothing runnable ends at start', () => {
    const s = run(createSessionState('s', plan([HEAD_TURNS], 'exacerbation')), [START]);
    expect(s).toMatchObject({ phase: 'summary', endReason: 'completed' });
  });
});

describe('plans from the protocol', () => {
  const catalog = PROTOCOL.exercises.map((definition) => toSessionExercise(definition));

  it('locks exactly simple series A and the first complex during an exacerbation', () => {
    const locked = (['simple-a', 'simple-b', 'complex-1', 'complex-2'] as const).filter((group) =>
      isGroupLocked(group, 'exacerbation'),
    );
    expect(locked).toEqual(['simple-a', 'complex-1']);
    expect(isGroupLocked('simple-a', 'remission')).toBe(false);
    const all = buildSessionPlan(catalog, 'exacerbation', { kind: 'custom', exerciseIds: catalog.map((e) => e.id) });
    expect(new Set(all.plan.exercises.map((e) => e.group))).toEqual(new Set(['simple-b', 'complex-2']));
    expect(all.excluded.every((exclusion) => exclusion.reason === 'locked-in-exacerbation')).toBe(true);
  });

  it('takes the dose lower bound as target, per side when the protocol says so, and 1 for timed exercises', () => {
    const byId = new Map(catalog.map((exercise) => [exercise.id, exercise]));
    expect(byId.get('head-turns')).toMatchObject({ perSide: true, directions: ['left', 'right'], repsTarget: 7, holdMs: null });
    expect(byId.get('palm-forehead-press')).toMatchObject({ perSide: false, holdMs: 3000 });
    expect(byId.get('neck-self-massage')).toMatchObject({ repsTarget: 1, durationMs: 180_000 });
  });
});
