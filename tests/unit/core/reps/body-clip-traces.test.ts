import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { timedConfig } from '../../../../src/core/reps/counter-config';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { placedMs, timedPlacement } from '../../../../tools/clipgen/core/timed-truth';
import { describeRecordedClips, recordedOn, type RecordedClip } from '../../../support/clipgen/recorded-clip';
import { parseSampleTrace } from '../../../support/traces/sample-trace';

/**
 * The engine on the samples recorded from rendered body clips (fixtures/traces/<id>[.tfjs].samples.jsonl:
 * `npm run analyze -- [--backend tfjs] --trace` on the clip of fixtures/trajectories/<id>.json, then
 * tests/support/traces/record-sample-traces.ts), against the count the trajectory scripts.
 */
const CLIPS: readonly RecordedClip[] = [
  ...recordedOn('mediapipe', ['shoulder-circles', 'shoulder-circles-incomplete', 'shoulder-circles-still']),
  ...recordedOn('tfjs', ['shoulder-circles', 'shoulder-circles-incomplete', 'shoulder-circles-still']),
  ...recordedOn('mediapipe', ['shoulders-forward-back', 'shoulders-forward-back-incomplete', 'shoulders-forward-back-still']),
  ...recordedOn('tfjs', ['shoulders-forward-back', 'shoulders-forward-back-incomplete', 'shoulders-forward-back-still']),
  ...recordedOn('tfjs', ['arms-flex-extend']),
  ...recordedOn('mediapipe', ['supine-breathing', 'supine-breathing-incomplete']),
  ...recordedOn('tfjs', ['supine-breathing', 'supine-breathing-incomplete']),
];

/** Clean clips (minimum-jerk, normal tempo): their reps must not be told they are jerky, however noisy the backend. */
const CLEAN: ReadonlySet<string> = new Set(['shoulder-circles', 'shoulders-forward-back', 'arms-flex-extend']);

describeRecordedClips(CLIPS, 'samples', (clip, truth, trace) => {
  // Registered for the clean clips only (not skipped for the others: nothing to check there).
  if (CLEAN.has(clip.id)) {
    it('tells no clean rep it is jerky (TF.js\'s shoulder jitter read as jerk before)', () => {
      const { samples } = parseSampleTrace(readFileSync(trace, 'utf8'));
      const events = runEngine(createEngineForExercise(truth.exercise), samples).events;
      expect(events.filter((event) => event.type === 'rep' && event.complete)).toHaveLength(truth.expectedCount.total);
      expect(events.filter((event) => event.type === 'feedback' && event.kind === 'jerky')).toEqual([]);
    });
  }

  it('counts what the trajectory scripts, on each side (a timer: the time the hands are placed)', () => {
    const { samples } = parseSampleTrace(readFileSync(trace, 'utf8'));
    const summary = summarizeEvents(runEngine(createEngineForExercise(truth.exercise), samples).events);
    const exercise = getExercise(truth.exercise);
    const placement = timedPlacement(exercise);
    if (placement !== null) {
      // Within the timer's grace, as eval:clips scores it (TF.js read 8.9 s of 11.8 s here before).
      expect(Math.abs(summary.activeMs - placedMs(truth, placement))).toBeLessThanOrEqual(timedConfig(exercise).graceMs);
    }
    expect(summary.reps).toBe(truth.expectedCount.total);
    expect(summary.bySide).toEqual(Object.fromEntries(Object.entries(truth.expectedCount.bySide).filter(([, n]) => n > 0)));
  });
});
