import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../../tools/clipgen/core/trajectory';
import { parseSampleTrace } from '../../../support/traces/sample-trace';

/**
 * The engine on the samples recorded from rendered body clips (fixtures/traces/<id>[.tfjs].samples.jsonl:
 * `npm run analyze -- [--backend tfjs] --trace` on the clip of fixtures/trajectories/<id>.json, then
 * tests/support/traces/record-sample-traces.ts), against the count the trajectory scripts.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CLIPS: readonly { readonly id: string; readonly backend: 'mediapipe' | 'tfjs' }[] = [
  { id: 'shoulder-circles', backend: 'mediapipe' },
  { id: 'shoulder-circles-incomplete', backend: 'mediapipe' },
  { id: 'shoulder-circles-still', backend: 'mediapipe' },
  { id: 'shoulders-forward-back', backend: 'mediapipe' },
  { id: 'shoulders-forward-back-incomplete', backend: 'mediapipe' },
  { id: 'shoulders-forward-back-still', backend: 'mediapipe' },
  { id: 'shoulders-forward-back', backend: 'tfjs' },
  { id: 'shoulders-forward-back-incomplete', backend: 'tfjs' },
  { id: 'shoulders-forward-back-still', backend: 'tfjs' },
  { id: 'arms-flex-extend', backend: 'tfjs' },
];

for (const { id, backend } of CLIPS) {
  const trace = path.join(ROOT, 'fixtures/traces', `${id}${backend === 'tfjs' ? '.tfjs' : ''}.samples.jsonl`);
  describe.skipIf(!existsSync(trace))(`${id} (recorded, ${backend})`, () => {
    it('counts what the trajectory scripts, on each side', () => {
      const truth = buildGroundTruth(parseTrajectory(JSON.parse(readFileSync(path.join(ROOT, 'fixtures/trajectories', `${id}.json`), 'utf8'))));
      const { samples } = parseSampleTrace(readFileSync(trace, 'utf8'));
      const summary = summarizeEvents(runEngine(createEngineForExercise(truth.exercise), samples).events);
      expect(summary.reps).toBe(truth.expectedCount.total);
      expect(summary.bySide).toEqual(Object.fromEntries(Object.entries(truth.expectedCount.bySide).filter(([, n]) => n > 0)));
    });
  });
}
