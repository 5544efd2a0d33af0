import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL } from '../../../../src/core/protocol/protocol';
import { createEngineForExercise, runEngine } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { parseSampleTrace } from '../../../support/traces/sample-trace';

/**
 * Replays the landmark traces recorded from the labelled clips (fixtures/traces, made by
 * tests/support/traces/record-sample-traces.ts from `npm run analyze --trace`) through the
 * engine with its default options. Labels: ../shared/fixtures/video/*\/labels.csv.
 */
const TRACE_DIR = path.resolve(import.meta.dirname, '../../../../fixtures/traces');
const tracePath = (clip: string): string => path.join(TRACE_DIR, `${clip}.samples.jsonl`);
const HEAD_SIGNALS: readonly string[] = ['yaw', 'pitch', 'roll', 'head-path'];
const HEAD_EXERCISES = PROTOCOL.exercises.filter((e) => HEAD_SIGNALS.includes(e.signal)).map((e) => e.id);

function countOn(clip: string, exerciseId: string): ReturnType<typeof summarizeEvents> & { repTimesMs: number[] } {
  const { samples } = parseSampleTrace(readFileSync(tracePath(clip), 'utf8'));
  const { events } = runEngine(createEngineForExercise(exerciseId), samples);
  const repTimesMs = events.flatMap((e) => (e.type === 'rep' && e.complete ? [e.tMs] : []));
  return { ...summarizeEvents(events), repTimesMs };
}

const LABELLED = ['head_turning', 'head_nodding'];
const STILL = ['head_stationary', 'head_turning_fake', 'd0', 'd13', 'd19'];
const missing = [...LABELLED, ...STILL].filter((clip) => !existsSync(tracePath(clip)));
if (missing.length > 0) console.warn(`real-clip traces missing (${missing.join(', ')}): record them with tests/support/traces/record-sample-traces.ts`);

describe.skipIf(!existsSync(tracePath('head_turning')))('head_turning.mp4 (14 shake cycles)', () => {
  it('counts exactly 14 no-shakes', () => {
    expect(countOn('head_turning', 'no-shakes').reps).toBe(14);
  });
});

describe.skipIf(!existsSync(tracePath('head_nodding')))('head_nodding.mp4 (4 clear nods, strict)', () => {
  it('counts exactly 4 yes-nods, at the labelled nods and not the laugh-bobs or tilts', () => {
    const result = countOn('head_nodding', 'yes-nods');
    expect(result.reps).toBe(4);
    // Lowest points labelled near 4.7, 5.6, 6.4 and 8.1 s; a nod is counted on its way back up.
    const LABELLED_BOTTOMS_MS = [4700, 5600, 6400, 8100];
    const MAX_COUNT_DELAY_MS = 1300;
    result.repTimesMs.forEach((t, i) => {
      const bottom = LABELLED_BOTTOMS_MS[i] ?? Number.NaN;
      expect(t).toBeGreaterThanOrEqual(bottom);
      expect(t - bottom).toBeLessThanOrEqual(MAX_COUNT_DELAY_MS);
    });
  });
});

for (const clip of STILL) {
  describe.skipIf(!existsSync(tracePath(clip)))(`${clip} (no head repetition)`, () => {
    it.each(HEAD_EXERCISES)('counts 0 reps of %s', (exerciseId) => {
      expect(countOn(clip, exerciseId).reps).toBe(0);
    });
  });
}
