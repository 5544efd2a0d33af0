import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { ExerciseEvent } from '../../../../src/core/reps/exercise-events';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { ExerciseTracker } from '../../../../src/core/tracking/exercise-tracker';
import { recordedTracePath, trajectoryTruth } from '../../../support/clipgen/recorded-clip';
import { parsePoseTrace } from '../../../support/traces/pose-trace';

/**
 * The whole tracker (quality gate included, as `analyze` runs it) on the body landmarks recorded
 * from the rendered lying clips (fixtures/traces/<id>[.tfjs].poses.jsonl; no face is seen from the
 * side), against the count the trajectory scripts. The body's head regression reads a lying head
 * seen from the side as flipping 80–100° of yaw between frames: when the gate compared head angles
 * there it paused these clips as "jumpy" (TF.js: 0 of 3 rises, 0 of 2 raises; MediaPipe: 2 of 3).
 */
const CLIPS: readonly { readonly id: string; readonly backend: 'mediapipe' | 'tfjs' }[] = [
  { id: 'supine-rise-neck-stretch', backend: 'mediapipe' },
  { id: 'supine-rise-neck-stretch', backend: 'tfjs' },
  { id: 'supine-neck-raise-hold', backend: 'tfjs' },
];

for (const { id, backend } of CLIPS) {
  const trace = recordedTracePath(id, backend, 'poses');
  describe.skipIf(!existsSync(trace))(`${id} (recorded, ${backend})`, () => {
    it('counts what the trajectory scripts through the tracker', () => {
      const truth = trajectoryTruth(id);
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
}
