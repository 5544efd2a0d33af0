import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FIELDS, GOLDEN_FILE, GOLDEN_RUNS, runGolden, STORE_EVERY, type GoldenRun } from '../../../support/head-pose-golden/golden-runs';

/**
 * The estimator gives what it gave when fixtures/traces/head-pose-golden.json was recorded, to
 * within rounding: recorded bodies and jittered synthetic faces through a HeadPoseTracker
 * (tests/support/head-pose-golden/golden-runs.ts). A change to the arithmetic of a kernel (a
 * faster tanh, a reordered sum) moves the angles by ~1e-12°; a change of behaviour by far more.
 */
const TOLERANCE = 1e-9;

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as { fields: string[]; storeEvery: number; runs: GoldenRun[] };

function expectClose(actual: number | null, expected: number | null, tolerance: number, where: string): void {
  if (expected === null || actual === null) {
    expect(actual, where).toBe(expected);
    return;
  }
  if (!(Math.abs(actual - expected) <= tolerance)) expect.fail(`${where}: ${actual} differs from ${expected} by ${Math.abs(actual - expected)}`);
}

describe('the head-pose estimator on recorded traces', () => {
  it('reads the recording it is compared with', () => {
    expect(golden.fields).toEqual(GOLDEN_FIELDS);
    expect(golden.storeEvery).toBe(STORE_EVERY);
    expect(golden.runs.map((r) => r.name)).toEqual(GOLDEN_RUNS.map((r) => r.name));
  });

  for (const spec of GOLDEN_RUNS) {
    it(`gives the recorded angles and confidences: ${spec.name}`, () => {
      const expected = golden.runs.find((r) => r.name === spec.name);
      if (!expected) throw new Error(`no recording of ${spec.name}`);
      const actual = runGolden(spec);
      expect(actual.frames).toBe(expected.frames);
      expect(actual.sources).toBe(expected.sources);
      expect(actual.counts).toEqual(expected.counts);
      actual.rows.forEach((row, r) => row.forEach((value, i) => expectClose(value, expected.rows[r]?.[i] ?? null, TOLERANCE, `frame ${r * STORE_EVERY} ${GOLDEN_FIELDS[i]}`)));
      actual.sums.forEach((sum, i) => expectClose(sum, expected.sums[i] ?? null, TOLERANCE * actual.frames, `sum of ${GOLDEN_FIELDS[i]}`));
    });
  }
});
