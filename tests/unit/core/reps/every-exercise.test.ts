import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import type { ExerciseSample } from '../../../../src/core/reps/exercise-sample';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { exerciseScript } from '../../../support/traces/exercise-scripts';
import { absentBetween, dropFrames, render, repeatTimestamps, swapNeighbours, withAngleNoise, withPoseNoise } from '../../../support/traces/synthetic-traces';

const REPS = 3;
/** Head-angle noise a smoothed webcam estimate still has, degrees (1 sd). */
const ANGLE_NOISE_DEG = 0.7;
/** Landmark noise, normalised image units (1 sd ≈ 1 px at 640 px). */
const POSE_NOISE = 0.0015;

type Disturb = (samples: ExerciseSample[]) => ExerciseSample[];
const DISTURBANCES: Record<string, Disturb> = {
  clean: (s) => s,
  noisy: (s) => withPoseNoise(withAngleNoise(s, ANGLE_NOISE_DEG), POSE_NOISE),
  'dropped frames (25%)': (s) => dropFrames(s, 0.25),
  'out-of-order frames (10% swapped)': (s) => swapNeighbours(s, 0.1),
  'repeated timestamps with wild values (10%)': (s) => repeatTimestamps(s, 0.1),
};

function summaryOf(id: string, samples: ExerciseSample[]): ReturnType<typeof summarizeEvents> {
  return summarizeEvents(runEngine(createEngineForExercise(id), samples).events);
}

const ids = PROTOCOL.exercises.map((e) => e.id);

describe('every protocol exercise has a synthetic trace that counts exactly', () => {
  it('covers all 22 exercises', () => {
    expect(ids).toHaveLength(22);
    for (const id of ids) expect(() => exerciseScript(id, 1)).not.toThrow();
  });

  for (const [name, disturb] of Object.entries(DISTURBANCES)) {
    it.each(ids)(`${name}: %s`, (id) => {
      const script = exerciseScript(id, REPS);
      const summary = summaryOf(id, disturb(render(script.segments)));
      expect(summary.bySide).toEqual(script.expected);
      expect(summary.incomplete).toBe(0);
      if (script.timedComplete !== undefined) expect(summary.timedComplete).toBe(script.timedComplete);
    });
  }

  it.each(ids.filter((id) => exerciseScript(id, 1).firstRep !== undefined))('person leaving in the middle of the first rep: %s', (id) => {
    // Slow reps: after coming back, the settle period ends before the next rep starts.
    const script = exerciseScript(id, REPS, 0.5);
    const first = script.firstRep;
    if (first === undefined) throw new Error('no first rep');
    const leaveMs = first.startMs + 0.4 * first.durationMs;
    const events = runEngine(createEngineForExercise(id), absentBetween(render(script.segments), leaveMs, leaveMs + 400)).events;
    expect(summarizeEvents(events).bySide).toEqual({ ...script.expected, [first.side]: (script.expected[first.side] ?? 0) - 1 });
    expect(events.some((e) => e.type === 'paused' && e.reason === 'left-frame')).toBe(true);
  });

  const SPEEDS: Record<string, number> = { slow: 0.5, fast: 1.6 };
  for (const [name, speed] of Object.entries(SPEEDS)) {
    it.each(ids.filter((id) => exerciseScript(id, 1).timedComplete === undefined))(`${name} reps: %s`, (id) => {
      const script = exerciseScript(id, REPS, speed);
      expect(summaryOf(id, render(script.segments)).bySide).toEqual(script.expected);
    });
  }
});
