import { describe, expect, it } from 'vitest';
import { PROTOCOL, findExercise } from '../../../../src/core/protocol/protocol';
import { QUALITY_PROBLEMS, QUALITY_STATUSES, gateSample, qualityOptionsFor, type TrackingQuality } from '../../../../src/core/quality';
import { createExerciseEngine } from '../../../../src/core/reps/exercise-engine';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { exerciseScript } from '../../../support/traces/exercise-scripts';
import { render } from '../../../support/traces/synthetic-traces';

const GOOD: TrackingQuality = { status: QUALITY_STATUSES.good, sinceMs: 0 };
const POOR: TrackingQuality = { status: QUALITY_STATUSES.poor, reason: QUALITY_PROBLEMS.jumpy, sinceMs: 0 };
/** How long the quality stays poor in the middle of the first rep (ms). */
const FAULT_MS = 400;
const REPS = 3;

function completeReps(samples: readonly ExerciseSample[], qualityAt: (tMs: number) => TrackingQuality): Record<string, number> {
  const exercise = findExercise('head-turns');
  if (exercise === undefined) throw new Error('head-turns is not in the protocol');
  const engine = createExerciseEngine(exercise);
  let state = engine.initial;
  const counts: Record<string, number> = {};
  for (const sample of samples) {
    const step = engine.step(state, gateSample(sample, qualityAt(sample.tMs)));
    state = step.state;
    for (const event of step.events) if (event.type === 'rep' && event.complete) counts[event.side] = (counts[event.side] ?? 0) + 1;
  }
  return counts;
}

describe('gateSample', () => {
  it('passes samples through while the quality is good, and marks them absent while poor', () => {
    const [sample] = render(exerciseScript('head-turns', 1).segments);
    if (sample === undefined) throw new Error('empty script');
    expect(gateSample(sample, GOOD)).toBe(sample);
    expect(gateSample(sample, POOR)).toEqual({ ...sample, present: false });
  });

  it('a poor stretch in the middle of a rep loses that rep and invents none; the others count', () => {
    const script = exerciseScript('head-turns', REPS);
    const samples = render(script.segments);
    const first = script.firstRep;
    if (first === undefined) throw new Error('the script has no first rep');
    const clean = completeReps(samples, () => GOOD);
    expect(clean).toEqual(script.expected);
    const faultFrom = first.startMs + first.durationMs / 3;
    const disturbed = completeReps(samples, (tMs) => (tMs >= faultFrom && tMs < faultFrom + FAULT_MS ? POOR : GOOD));
    expect(disturbed[first.side]).toBe((clean[first.side] ?? 0) - 1);
    for (const [side, count] of Object.entries(disturbed)) expect(count).toBeLessThanOrEqual(clean[side] ?? 0);
  });
});

describe('qualityOptionsFor', () => {
  it('expects a hidden face exactly in the hand-on-head exercises', () => {
    const expecting = PROTOCOL.exercises.filter((exercise) => qualityOptionsFor(exercise).handAtFaceExpected).map((exercise) => exercise.id);
    expect(expecting).toEqual(expect.arrayContaining(['palm-forehead-press', 'palm-temple-press', 'neck-self-massage', 'hands-behind-head-press']));
    expect(expecting).not.toContain('head-turns');
    expect(expecting).not.toContain('shoulder-shrug-hold');
  });

  it('compares head angles for jumps exactly where the camera sees the head from the front', () => {
    const notCompared = PROTOCOL.exercises.filter((exercise) => !qualityOptionsFor(exercise).headAnglesCompared).map((exercise) => exercise.id);
    expect(notCompared).toEqual(PROTOCOL.exercises.filter((exercise) => exercise.view === 'side').map((exercise) => exercise.id));
    expect(notCompared).toEqual(expect.arrayContaining(['supine-rise-neck-stretch', 'supine-neck-raise-hold', 'supine-breathing']));
  });
});
