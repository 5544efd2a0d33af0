import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { timedConfig } from '../../../../src/core/reps/counter-config';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { placedMs, timedPlacement } from '../../../../tools/clipgen/core/timed-truth';
import { recordedTracePath, trajectoryTruth } from '../../../support/clipgen/recorded-clip';
import { parseSampleTrace } from '../../../support/traces/sample-trace';

/**
 * The engine on the samples recorded from rendered body clips (fixtures/traces/<id>[.tfjs].samples.jsonl:
 * `npm run analyze -- [--backend tfjs] --trace` on the clip of fixtures/trajectories/<id>.json, then
 * tests/support/traces/record-sample-traces.ts), against the count the trajectory scripts.
 */
const CLIPS: readonly { readonly id: string; readonly backend: 'mediapipe' | 'tfjs' }[] = [
  { id: 'shoulder-circles', backend: 'mediapipe' },
  { id: 'shoulder-circles-incomplete', backend: 'mediapipe' },
  { id: 'shoulder-circles-still', backend: 'mediapipe' },
  { id: 'shoulder-circles', backend: 'tfjs' },
  { id: 'shoulder-circles-incomplete', backend: 'tfjs' },
  { id: 'shoulder-circles-still', backend: 'tfjs' },
  { id: 'shoulders-forward-back', backend: 'mediapipe' },
  { id: 'shoulders-forward-back-incomplete', backend: 'mediapipe' },
  { id: 'shoulders-forward-back-still', backend: 'mediapipe' },
  { id: 'shoulders-forward-back', backend: 'tfjs' },
  { id: 'shoulders-forward-back-incomplete', backend: 'tfjs' },
  { id: 'shoulders-forward-back-still', backend: 'tfjs' },
  { id: 'arms-flex-extend', backend: 'tfjs' },
  { id: 'supine-breathing', backend: 'mediapipe' },
  { id: 'supine-breathing-incomplete', backend: 'mediapipe' },
  { id: 'supine-breathing', backend: 'tfjs' },
  { id: 'supine-breathing-incomplete', backend: 'tfjs' },
];

for (const { id, backend } of CLIPS) {
  const trace = recordedTracePath(id, backend, 'samples');
  describe.skipIf(!existsSync(trace))(`${id} (recorded, ${backend})`, () => {
    it('counts what the trajectory scripts, on each side (a timer: the time the hands are placed)', () => {
      const truth = trajectoryTruth(id);
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
}
