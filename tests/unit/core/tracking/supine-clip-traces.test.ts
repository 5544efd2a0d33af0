import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { ExerciseEvent } from '../../../../src/core/reps/exercise-events';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { ExerciseTracker } from '../../../../src/core/tracking/exercise-tracker';
import { describeRecordedClips, recordedOn, type RecordedClip } from '../../../support/clipgen/recorded-clip';
import { parsePoseTrace } from '../../../support/traces/pose-trace';

/**
 * The whole tracker (quality gate included, as `analyze` runs it) on the body landmarks recorded
 * from the rendered lying clips (fixtures/traces/<id>[.tfjs].poses.jsonl; no face is seen from the
 * side), against the count the trajectory scripts. The body's head regression reads a lying head
 * seen from the side as flipping 80–100° of yaw between frames: when the gate compared head angles
 * there it paused these clips as "jumpy" (TF.js: 0 of 3 rises, 0 of 2 raises; MediaPipe: 2 of 3).
 */
const CLIPS: readonly RecordedClip[] = [
  ...recordedOn('mediapipe', ['supine-rise-neck-stretch']),
  ...recordedOn('tfjs', ['supine-rise-neck-stretch', 'supine-neck-raise-hold']),
];

describeRecordedClips(CLIPS, 'poses', (_clip, truth, trace) => {
  it('counts what the trajectory scripts through the tracker', () => {
    const { frames } = parsePoseTrace(readFileSync(trace, 'utf8'));
    const tracker = new ExerciseTracker({ neutral: 'auto' });
    tracker.startExercise(getExercise(truth.exercise));
    const events: ExerciseEvent[] = [];
    let jumpy = 0;
    for (const frame of frames) {
      const out = tracker.step(frame);
      events.push(...out.events);
      if (out.qualityProblem === 'jumpy') jumpy++;
    }
    events.push(...tracker.finish().events);
    const summary = summarizeEvents(events);
    expect(jumpy).toBe(0);
    expect(summary.reps).toBe(truth.expectedCount.total);
    expect(summary.incomplete).toBe(0);
  });
});
