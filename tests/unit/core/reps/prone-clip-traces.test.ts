import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { describeRecordedClips, recordedOn } from '../../../support/clipgen/recorded-clip';
import { parseSampleTrace } from '../../../support/traces/sample-trace';

/**
 * Face down, the camera on the floor 1 m away at one side: the face's turn toward it as the tracker
 * gave it to the engine (fixtures/traces/prone-near-*[.tfjs].samples.jsonl: `npm run eval:clips --
 * --record-traces DIR` on the prone-near clips, frames turned head-up, then
 * tests/support/traces/record-sample-traces.ts --camera-side S), against the trajectory's count.
 */
const IDS = ['prone-near-left', 'prone-near-left-incomplete', 'prone-near-left-still', 'prone-near-right', 'prone-near-right-incomplete', 'prone-near-right-still'];

describeRecordedClips([...recordedOn('mediapipe', IDS), ...recordedOn('tfjs', IDS)], 'samples', (clip, truth, trace) => {
  it('counts the turns toward the camera the trajectory scripts, on its side, and no stopped-short one', () => {
    const { events } = runEngine(createEngineForExercise(truth.exercise), parseSampleTrace(readFileSync(trace, 'utf8')).samples);
    const summary = summarizeEvents(events);
    expect(summary.reps).toBe(truth.expectedCount.total);
    expect(summary.bySide).toEqual(Object.fromEntries(Object.entries(truth.expectedCount.bySide).filter(([, n]) => n > 0)));
    // Face down without a face is the start, not the person leaving.
    expect(events.filter((event) => event.type === 'paused')).toEqual([]);
  });

  if (truth.expectedCount.total > 0) {
    it('tells no full turn "not far enough" and leaves no half turn inside a full one', () => {
      const { events } = runEngine(createEngineForExercise(truth.exercise), parseSampleTrace(readFileSync(trace, 'utf8')).samples);
      expect(events.filter((event) => event.type === 'rep' && !event.complete)).toEqual([]);
      expect(events.filter((event) => event.type === 'feedback' && event.kind !== 'good')).toEqual([]);
    });
  }
});
