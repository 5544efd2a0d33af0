import { expect, test } from '@playwright/test';
import { runScript } from '../support/run-analyze';

/**
 * The smoke subset of `npm run eval:clips`: the project's own committed clips (fixtures/clips, no
 * ../shared needed), scored as eval:clips scores them, on both backends. A still negative and a
 * clip with two full and two too-shallow head turns; face down, two turns toward a floor camera at
 * the left (read on frames turned head-up, `--camera-side left`); arms held out 1.4 m away, four
 * ±12° turns that must not count (no face is found there on the whole frame: TF.js finds it from
 * the body's face points; its body alone read the turns as 21–31° and counted two): exact counts on both.
 */
const SMOKE_CLIPS = ['scan-head-turns-shallow', 'scan-head-turns-still', 'prone-near-left', 'arms-out-head-turns-scan-incomplete'];

interface EvalSummary {
  readonly exercises: number;
  readonly clips: number;
  readonly exactCounts: number;
  readonly backends: readonly string[];
  readonly exactCountsByBackend: Readonly<Record<string, number>>;
  readonly perExercise: Readonly<Record<string, { readonly kinds: Readonly<Record<string, number>> }>>;
  readonly guided: readonly string[];
}

test('eval:clips --committed: exact counts on the committed clips on MediaPipe and TF.js', async () => {
  test.setTimeout(300_000);
  const run = await runScript('scripts/eval-clips.ts', ['--committed', '--only', SMOKE_CLIPS.join(',')]);
  expect(run.code, run.stderr).toBe(0);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  const summary = JSON.parse(last) as EvalSummary;
  expect(summary.backends).toEqual(['mediapipe', 'tfjs']);
  expect({ exercises: summary.exercises, clips: summary.clips }).toEqual({ exercises: 3, clips: SMOKE_CLIPS.length });
  // The kinds come from the truth: one clip with reps that must not count, one without any rep.
  expect(summary.perExercise['head-turns']?.kinds).toEqual({ exact: 0, 'wrong-form': 1, negative: 1 });
  expect(summary.perExercise['prone-ear-to-floor']?.kinds).toEqual({ exact: 1, 'wrong-form': 0, negative: 0 });
  expect(summary.perExercise['arms-out-head-turns']?.kinds).toEqual({ exact: 0, 'wrong-form': 1, negative: 0 });
  expect(summary.exactCountsByBackend, run.stdout).toEqual({ mediapipe: SMOKE_CLIPS.length, tfjs: SMOKE_CLIPS.length });
  expect(summary.exactCounts).toBe(2 * SMOKE_CLIPS.length);
  expect(summary.guided).toEqual([]);
});
