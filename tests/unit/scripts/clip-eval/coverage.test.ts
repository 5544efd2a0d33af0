import { describe, expect, it } from 'vitest';
import { clipCoverage, type ClipRun, type EvaluatedClip } from '../../../../scripts/clip-eval/coverage';
import { backendStatus, type BackendStatus } from '../../../../scripts/docs/exercise-table';
import type { ExerciseDefinition } from '../../../../src/core/protocol/exercise-definition';
import { PROTOCOL, findExercise } from '../../../../src/core/protocol/protocol';

const BOTH = ['mediapipe', 'tfjs'] as const;

function exercise(id: string): ExerciseDefinition {
  const found = findExercise(id);
  if (found === undefined) throw new Error(id);
  return found;
}

const clips: EvaluatedClip[] = [
  { id: 'turns', exercise: 'head-turns', kind: 'exact' },
  { id: 'turns-shallow', exercise: 'head-turns', kind: 'wrong-form' },
  { id: 'turns-still', exercise: 'head-turns', kind: 'negative' },
  { id: 'nods', exercise: 'yes-nods', kind: 'exact' },
  { id: 'prone', exercise: 'prone-ear-to-floor', kind: 'exact' },
];
const runs: ClipRun[] = [
  { id: 'turns', exercise: 'head-turns', backend: 'mediapipe', exact: true },
  { id: 'turns', exercise: 'head-turns', backend: 'tfjs', exact: false },
  { id: 'turns-shallow', exercise: 'head-turns', backend: 'mediapipe', exact: true },
  { id: 'turns-shallow', exercise: 'head-turns', backend: 'tfjs', exact: true },
  { id: 'turns-still', exercise: 'head-turns', backend: 'mediapipe', exact: true },
  { id: 'turns-still', exercise: 'head-turns', backend: 'tfjs', exact: true },
  { id: 'nods', exercise: 'yes-nods', backend: 'mediapipe', exact: false },
  { id: 'nods', exercise: 'yes-nods', backend: 'tfjs', exact: true },
];

/** As the app treated face down before it was measured: guided only on both backends. */
const proneGuided = (definition: ExerciseDefinition, backend: 'mediapipe' | 'tfjs'): BackendStatus =>
  definition.id === 'prone-ear-to-floor' ? { status: 'guided' } : backendStatus(definition, backend);

describe('clipCoverage', () => {
  const coverage = clipCoverage(PROTOCOL.exercises, proneGuided, BOTH, clips, runs);

  it('tallies exact counts per exercise and backend, and the kinds of clip each exercise has', () => {
    expect(coverage.perExercise['head-turns']).toEqual({ kinds: { exact: 1, 'wrong-form': 1, negative: 1 }, mediapipe: { clips: 3, exact: 3 }, tfjs: { clips: 3, exact: 2 } });
    expect(coverage.perExercise['yes-nods']).toEqual({ kinds: { exact: 1, 'wrong-form': 0, negative: 0 }, mediapipe: { clips: 1, exact: 0 }, tfjs: { clips: 1, exact: 1 } });
    expect(coverage.missingKinds).toEqual({ 'yes-nods': ['wrong-form', 'negative'] });
    expect({ exercises: coverage.exercises, clips: coverage.clips, runs: coverage.runs, exactCounts: coverage.exactCounts }).toEqual({ exercises: 2, clips: 4, runs: 8, exactCounts: 6 });
    expect(coverage.exactCountsByBackend).toEqual({ mediapipe: 3, tfjs: 3 });
  });

  it('reports the guided-only exercise as guided, never as counted or missing', () => {
    expect(coverage.guided).toEqual(['prone-ear-to-floor']);
    expect(coverage.perExercise['prone-ear-to-floor']).toBeUndefined();
    expect(coverage.missing).not.toContain('prone-ear-to-floor');
  });

  it('lists every other protocol exercise without a clip as missing', () => {
    expect(coverage.missing).toHaveLength(PROTOCOL.exercises.length - 3);
    expect(coverage.missing).toContain('shoulder-circles');
    expect(coverage.missing).not.toContain('head-turns');
  });

  it('names the exercises a backend cannot check', () => {
    const noDepthOnTfjs = (definition: ExerciseDefinition, backend: 'mediapipe' | 'tfjs'): BackendStatus =>
      backend === 'tfjs' && definition.id === 'shoulder-circles' ? { status: 'not-checked', missing: ['body-depth'] } : backendStatus(definition, backend);
    const withGap = clipCoverage([exercise('shoulder-circles'), exercise('head-turns')], noDepthOnTfjs, BOTH, [], []);
    expect(withGap.notChecked).toEqual({ tfjs: ['shoulder-circles'] });
    expect(withGap.missing).toEqual(['shoulder-circles', 'head-turns']);
  });
});
