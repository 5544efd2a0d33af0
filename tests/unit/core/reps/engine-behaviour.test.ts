import { describe, expect, it } from 'vitest';
import type { EngineOptions } from '../../../../src/core/reps/engine-options';
import type { ExerciseEvent, FeedbackKind, RepEvent } from '../../../../src/core/reps/exercise-events';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { seededRandom } from '../../../../tools/synthetic/seeded-random';
import { exerciseScript } from '../../../support/traces/exercise-scripts';
import { armsOutPose, FOREHEAD, frontPose, handAt, NECK, shruggedPose } from '../../../support/traces/synthetic-person';
import { absentBetween, excursion, minimumJerk, nods, ramp, render, still, type Frame, type Segment } from '../../../support/traces/synthetic-traces';

function run(id: string, samples: ExerciseSample[], options: EngineOptions = {}): ExerciseEvent[] {
  return runEngine(createEngineForExercise(id, options), samples).events;
}
const reps = (events: readonly ExerciseEvent[]): RepEvent[] => events.filter((e): e is RepEvent => e.type === 'rep');
const feedback = (events: readonly ExerciseEvent[]): FeedbackKind[] => events.flatMap((e) => (e.type === 'feedback' ? [e.kind] : []));

/** A turn to the left then one to the right, with rest around. */
function turns(leftDeg: number, rightDeg: number, moveMs = 1000): Segment[] {
  return [still(1000), excursion('yawDeg', leftDeg, moveMs), still(600), excursion('yawDeg', -rightDeg, moveMs), still(600)];
}

describe('settle period', () => {
  it('does not count a turn made while getting into position, and counts the same turn after', () => {
    const samples = render([still(200), excursion('yawDeg', 60, 600), still(2000), excursion('yawDeg', 60, 600), still(600)]);
    const events = run('head-turns', samples, { settleMs: 2000 });
    expect(summarizeEvents(events).bySide).toEqual({ left: 1 });
    expect(events.findIndex((e) => e.type === 'ready')).toBeLessThan(events.findIndex((e) => e.type === 'rep'));
  });
});

describe('leaving the frame', () => {
  const script = exerciseScript('head-turns', 3);
  // The second left turn runs from 1000 + 2 x 3200 + ... : find it from the script itself.
  const secondLeftStartMs = 1000 + (2000 + 600 + 2000 + 600);
  const samples = render(script.segments);

  it('discards a rep in progress as incomplete (left-frame) and counts the others', () => {
    const events = run('head-turns', absentBetween(samples, secondLeftStartMs + 700, secondLeftStartMs + 1100));
    const summary = summarizeEvents(events);
    expect(summary.bySide).toEqual({ left: 2, right: 3 });
    expect(summary.incomplete).toBe(1);
    expect(reps(events).find((r) => !r.complete)?.incompleteReason).toBe('left-frame');
    expect(events.some((e) => e.type === 'paused' && e.reason === 'left-frame')).toBe(true);
  });

  it('keeps a rep through a frame or two without the person (the landmarker missed them), not through 400 ms', () => {
    const blink = run('head-turns', absentBetween(samples, secondLeftStartMs + 700, secondLeftStartMs + 760));
    expect(summarizeEvents(blink).bySide).toEqual({ left: 3, right: 3 });
    expect(blink.some((e) => e.type === 'paused')).toBe(false);
  });

  it('treats a long loss of the head angles as a lost signal', () => {
    const lost = samples.map((s) => (s.tMs >= secondLeftStartMs + 600 && s.tMs < secondLeftStartMs + 1900 ? { ...s, angles: null } : s));
    const events = run('head-turns', lost);
    expect(reps(events).filter((r) => !r.complete).map((r) => r.incompleteReason)).toEqual(['lost-signal']);
    expect(summarizeEvents(events).bySide).toEqual({ left: 2, right: 3 });
  });
});

describe('incomplete and jittery movements', () => {
  it('reports a shallow turn as incomplete, with "not far enough"', () => {
    const events = run('head-turns', render(turns(14, 60)));
    expect(summarizeEvents(events)).toMatchObject({ bySide: { right: 1 }, incomplete: 1 });
    expect(feedback(events)).toContain('not-far-enough');
  });

  it('never counts jitter around the start threshold, and counts jitter around the count threshold once', () => {
    const random = seededRandom(7);
    const JITTER_DEG = 1.5;
    const hover = (level: number): Segment => ({ durationMs: 5000, frame: () => ({ angles: { yawDeg: level + JITTER_DEG * (2 * random() - 1) } }) });
    const atStart = run('head-turns', render([still(1000), hover(8), still(1000)]));
    expect(summarizeEvents(atStart).reps).toBe(0);
    const atCount = run('head-turns', render([still(1000), ramp('yawDeg', 0, 20, 500), hover(20), ramp('yawDeg', 20, 0, 500), still(1000)]));
    expect(summarizeEvents(atCount)).toMatchObject({ reps: 1, bySide: { left: 1 } });
  });

  it('closes a rep still in progress at the end as incomplete ("ended")', () => {
    const events = run('head-turns', render([still(1000), excursion('yawDeg', 60, 1000, 0, 0), still(500, { angles: { yawDeg: 60 } })]));
    expect(reps(events).map((r) => [r.complete, r.incompleteReason])).toEqual([[false, 'ended']]);
  });

  it('abandons a rep when the head jumps faster than it can move (a video cut)', () => {
    const jump: Segment = { durationMs: 600, frame: (t) => ({ angles: { yawDeg: t < 300 ? 30 : -10 } }) };
    const events = run('head-turns', render([still(1000), excursion('yawDeg', 30, 800, 0, 0), jump, still(1000)]));
    expect(reps(events).map((r) => r.incompleteReason)).toEqual(['jump']);
  });

  it('does not read head jumps in a side view of a lying body (its head angles flip there), and still counts', () => {
    const script = exerciseScript('supine-rise-neck-stretch', 3);
    const flipping = render(script.segments).map((s, i) => ({ ...s, angles: { yawDeg: i % 10 < 5 ? 50 : 140, pitchDeg: 0, rollDeg: 0 } }));
    expect(summarizeEvents(run('supine-rise-neck-stretch', flipping)).bySide).toEqual(script.expected);
  });

  it('counts a far turn through a roll step where the estimator hands pitch and roll to the body', () => {
    // At 70° of yaw the roll flips by 26° in one frame: the turn itself is smooth, so the rep counts.
    const flip: Segment = { durationMs: 400, frame: (t) => ({ angles: { yawDeg: 70, rollDeg: t < 200 ? -11 : 15 } }) };
    const events = run('head-turns', render([still(1000), ramp('yawDeg', 0, 70, 1000), flip, ramp('yawDeg', 70, 0, 1000), still(1000)]));
    expect(reps(events).map((r) => [r.side, r.complete])).toEqual([['left', true]]);
  });

  it('ignores repeated and older timestamps without any change', () => {
    const engine = createEngineForExercise('head-turns');
    const samples = render(turns(60, 60));
    let state = engine.initial;
    for (const s of samples.slice(0, 60)) state = engine.step(state, s).state;
    const last = samples[59];
    if (last === undefined) throw new Error('short trace');
    const repeated = engine.step(state, { ...last, angles: { yawDeg: 80, pitchDeg: 0, rollDeg: 0 } });
    expect(repeated.state).toBe(state);
    expect(repeated.events).toEqual([]);
    expect(engine.step(state, { ...last, tMs: last.tMs - 500 }).state).toBe(state);
  });
});

describe('feedback', () => {
  it('says "good" for a smooth, full, symmetric rep', () => {
    expect(new Set(feedback(run('head-turns', render(turns(60, 60)))))).toEqual(new Set(['good']));
  });

  it('says "too fast" above the exercise speed limit', () => {
    // 60° in 250 ms: a minimum-jerk peak of 1.875 · 60 / 0.25 = 450°/s (limit 150°/s).
    expect(feedback(run('head-turns', render(turns(60, 60, 250))))).toContain('too-fast');
  });

  it('says "jerky" for a stop-and-go turn', () => {
    const steps: Segment = {
      durationMs: 4000,
      frame: (t) => {
        const s = t < 2000 ? t / 2000 : 2 - t / 2000;
        return { angles: { yawDeg: (60 * (Math.floor(s * 4 - 1e-9) + minimumJerk((s * 4) % 1))) / 4 } };
      },
    };
    expect(feedback(run('head-turns', render([still(1000), steps, still(1000)])))).toContain('jerky');
  });

  it('says "asymmetric" when one side goes much less far than the other', () => {
    expect(feedback(run('head-turns', render(turns(70, 30))))).toContain('asymmetric');
  });

  it('says "too big" for nods larger than the protocol\'s small range', () => {
    expect(feedback(run('yes-nods', render([still(1000), nods(3, 55), still(600)])))).toContain('too-big');
    expect(summarizeEvents(run('yes-nods', render([still(1000), nods(3, 8), still(600)]))).reps).toBe(0);
  });
});

describe('the user\'s own range', () => {
  it('counts at 60% of the personal range and flags personal bests', () => {
    const personal = { personalRange: { left: 80, right: 80 } };
    expect(summarizeEvents(run('head-turns', render(turns(40, 40)), personal))).toMatchObject({ reps: 0, incomplete: 2 });
    const events = run('head-turns', render([...turns(60, 60), excursion('yawDeg', 65, 1000), still(600), excursion('yawDeg', 60, 1000), still(600)]), personal);
    expect(reps(events).filter((r) => r.side === 'left').map((r) => r.isPersonalBest)).toEqual([true, true, false]);
    expect(reps(events)[0]?.targetDeg).toBe(48);
  });
});

describe('holds', () => {
  const hand = frontPose(handAt('right', FOREHEAD));
  it('breaks a press when the hand leaves, with the time held', () => {
    const events = run('palm-forehead-press', render([still(1000), still(1500, { pose: hand }), still(1000)]));
    const broken = events.find((e) => e.type === 'hold-broken');
    expect(broken).toMatchObject({ reason: 'hand-away' });
    const HELD_TOLERANCE_MS = 100;
    expect(Math.abs((broken?.type === 'hold-broken' ? broken.heldMs : 0) - 1500)).toBeLessThan(HELD_TOLERANCE_MS);
    expect(summarizeEvents(events)).toMatchObject({ reps: 0, incomplete: 1 });
  });

  it('breaks a press when the head moves, and runs the timer only while the position is right', () => {
    const moved = run('palm-forehead-press', render([still(1000), still(1000, { pose: hand }), excursion('yawDeg', 25, 500, 1000, 0, hand)]));
    expect(moved.find((e) => e.type === 'hold-broken')).toMatchObject({ reason: 'head-moved' });
    // A 200 ms glitch (shorter than the grace) does not break the hold, but is not counted as held.
    const glitch = render([still(1000), still(1500, { pose: hand }), still(200), still(2000, { pose: hand }), still(500)]);
    const completed = reps(run('palm-forehead-press', glitch)).filter((r) => r.complete);
    expect(completed).toHaveLength(1);
    expect(completed[0]?.tMs).toBeGreaterThanOrEqual(1000 + 1500 + 200 + 1500);
  });

  it('breaks a shrug hold when the shoulders drop ("released")', () => {
    const events = run('shoulder-shrug-hold', render([still(1000), still(2000, { pose: shruggedPose(0.3) }), still(1000)]));
    expect(events.find((e) => e.type === 'hold-broken')).toMatchObject({ reason: 'released', side: 'up' });
  });
});

describe('timed exercises', () => {
  it('pauses the massage timer while the hands are away and resumes it after', () => {
    const atNeck = { pose: frontPose(handAt('left', NECK)) };
    const events = run('neck-self-massage', render([still(1000), still(100_000, atNeck), still(5000), still(81_000, atNeck)], 10));
    expect(events.find((e) => e.type === 'timer-paused')).toMatchObject({ reason: 'hand-away' });
    const done = events.find((e) => e.type === 'timer-completed');
    expect(done?.tMs).toBeGreaterThan(1000 + 180_000 + 5000 - 1000);
    expect(summarizeEvents(events).timedComplete).toBe(true);
  });
});

describe('posture checks', () => {
  it('tells once when the arms are not out at shoulder level, and still counts the turns', () => {
    const down = run('arms-out-head-turns', render(turns(60, 60)));
    expect(feedback(down).filter((k) => k === 'posture')).toHaveLength(1);
    expect(summarizeEvents(down).reps).toBe(2);
    const out = armsOutPose(0);
    const up = run('arms-out-head-turns', render([still(1000, { pose: out }), excursion('yawDeg', 60, 1000, 0, 1000, out), still(600, { pose: out })]));
    expect(feedback(up)).not.toContain('posture');
  });
});

describe('loop directions follow the angle convention', () => {
  /** Chin up → to the subject's right (yaw < 0) → down → to the left (yaw > 0): clockwise as the subject sees it. */
  it('counts up → right → down → left as clockwise', () => {
    const RADIUS_DEG = 10;
    const PERIOD_MS = 3000;
    const LOOPS = 2.1;
    const circle: Segment = {
      durationMs: LOOPS * PERIOD_MS,
      frame: (t) => {
        const phase = (2 * Math.PI * t) / PERIOD_MS;
        return { angles: { pitchDeg: RADIUS_DEG * Math.cos(phase), yawDeg: -RADIUS_DEG * Math.sin(phase) } };
      },
    };
    const toTop = ramp('pitchDeg', 0, RADIUS_DEG, 500);
    const events = run('head-circles', render([still(1000), toTop, circle, still(500, { angles: { pitchDeg: RADIUS_DEG } })]));
    expect(summarizeEvents(events).bySide).toEqual({ clockwise: 2 });
  });

  it('counts every circle after tilting forward, even when the tilt drifts a little sideways first', () => {
    // As generated clips read through the landmarkers: the head tilts forward (yaw drifting 2° on
    // the way), then circles from the lowest point around a centre the counter has not reached.
    const RADIUS_DEG = 10;
    const PERIOD_MS = 2500;
    const centre = { yawDeg: -2, pitchDeg: -10 };
    const bottom: Frame = { angles: { yawDeg: centre.yawDeg, pitchDeg: centre.pitchDeg - RADIUS_DEG } };
    /** One circle from the bottom; clockwise (subject's view) goes to the subject's left (yaw > 0) first. */
    const circle = (clockwise: boolean): Segment => ({
      durationMs: PERIOD_MS,
      frame: (t) => {
        const phase = 2 * Math.PI * minimumJerk(t / PERIOD_MS);
        return { angles: { yawDeg: centre.yawDeg + (clockwise ? 1 : -1) * RADIUS_DEG * Math.sin(phase), pitchDeg: centre.pitchDeg - RADIUS_DEG * Math.cos(phase) } };
      },
    });
    const tilt: Segment = {
      durationMs: 800,
      frame: (t) => ({ angles: { yawDeg: centre.yawDeg * minimumJerk(t / 800), pitchDeg: (centre.pitchDeg - RADIUS_DEG) * minimumJerk(t / 800) } }),
    };
    const script = [still(1200), tilt, circle(true), still(200, bottom), circle(true), still(200, bottom), circle(false), still(200, bottom), circle(false), still(600, bottom)];
    const events = run('head-circles', render(script));
    expect(summarizeEvents(events).bySide).toEqual({ clockwise: 2, counterclockwise: 2 });
    expect(summarizeEvents(events).incomplete).toBe(0);
  });
});

describe('neck, not trunk', () => {
  const samples = render(turns(50, 50));
  const withTrunk = (yawDeg: number, rollDeg = 0): ExerciseSample[] => samples.map((s) => ({ ...s, trunkTurn: { yawDeg, rollDeg } }));

  it('says "turn the neck, not the body" once when the trunk stays turned in a rotation, and counts the reps', () => {
    const events = run('head-turns', withTrunk(10));
    expect(feedback(events).filter((k) => k === 'trunk-turned')).toHaveLength(1);
    expect(summarizeEvents(events).bySide).toEqual({ left: 1, right: 1 });
  });

  it('says nothing of the trunk when it stays square, or when it only leans in a rotation', () => {
    expect(feedback(run('head-turns', withTrunk(0)))).not.toContain('trunk-turned');
    expect(feedback(run('head-turns', withTrunk(0, 10)))).not.toContain('trunk-turned');
  });
});
