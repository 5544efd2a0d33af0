import type { ExerciseDefinition } from '../../src/core/protocol/exercise-definition';
import type { AnalyzeBackend } from '../analyze/analyze-args';
import type { BackendStatus } from '../docs/exercise-table';
import { CLIP_KINDS, type ClipKind } from './clip-kind';

/** A clip that was evaluated. */
export interface EvaluatedClip {
  readonly id: string;
  readonly exercise: string;
  readonly kind: ClipKind;
}

/** One clip read on one backend: whether its count was exact. */
export interface ClipRun {
  readonly id: string;
  readonly exercise: string;
  readonly backend: AnalyzeBackend;
  readonly exact: boolean;
}

export interface BackendTally {
  readonly clips: number;
  readonly exact: number;
}

export type ExerciseCoverage = { readonly kinds: Readonly<Record<ClipKind, number>> } & Partial<Readonly<Record<AnalyzeBackend, BackendTally>>>;

export interface Coverage {
  /** Measured exercises with at least one clip. */
  readonly exercises: number;
  readonly clips: number;
  /** Clips × backends read. */
  readonly runs: number;
  /** Exact counts over every run (clip × backend). */
  readonly exactCounts: number;
  readonly exactCountsByBackend: Readonly<Partial<Record<AnalyzeBackend, number>>>;
  readonly backends: readonly AnalyzeBackend[];
  readonly perExercise: Readonly<Record<string, ExerciseCoverage>>;
  /** Measured exercises of the protocol without any clip. */
  readonly missing: readonly string[];
  /** Exercises with clips that lack a kind (exact, wrong-form, negative). */
  readonly missingKinds: Readonly<Record<string, readonly ClipKind[]>>;
  /** Exercises the app runs guided only (no camera can follow them): never counted here. */
  readonly guided: readonly string[];
  /** Per backend, exercises the app says that backend cannot check (their clips are not read on it). */
  readonly notChecked: Readonly<Partial<Record<AnalyzeBackend, readonly string[]>>>;
}

type StatusOf = (exercise: ExerciseDefinition, backend: AnalyzeBackend) => BackendStatus;

/** The coverage of the protocol by the evaluated clips, per exercise and backend. */
export function clipCoverage(
  protocol: readonly ExerciseDefinition[],
  statusOf: StatusOf,
  backends: readonly AnalyzeBackend[],
  clips: readonly EvaluatedClip[],
  runs: readonly ClipRun[],
): Coverage {
  const guided = protocol.filter((exercise) => backends.every((backend) => statusOf(exercise, backend).status === 'guided')).map((e) => e.id);
  const notChecked: Partial<Record<AnalyzeBackend, readonly string[]>> = {};
  for (const backend of backends) {
    const ids = protocol.filter((exercise) => statusOf(exercise, backend).status === 'not-checked').map((e) => e.id);
    if (ids.length > 0) notChecked[backend] = ids;
  }
  const measuredClips = clips.filter((clip) => !guided.includes(clip.exercise));
  const perExercise: Record<string, ExerciseCoverage> = {};
  for (const exercise of [...new Set(measuredClips.map((clip) => clip.exercise))].sort()) {
    const own = measuredClips.filter((clip) => clip.exercise === exercise);
    const kinds = Object.fromEntries(CLIP_KINDS.map((kind) => [kind, own.filter((clip) => clip.kind === kind).length])) as Record<ClipKind, number>;
    const tallies: Partial<Record<AnalyzeBackend, BackendTally>> = {};
    for (const backend of backends) {
      const read = runs.filter((run) => run.exercise === exercise && run.backend === backend);
      if (read.length > 0) tallies[backend] = { clips: read.length, exact: read.filter((run) => run.exact).length };
    }
    perExercise[exercise] = { kinds, ...tallies };
  }
  const missingKinds: Record<string, readonly ClipKind[]> = {};
  for (const [exercise, { kinds }] of Object.entries(perExercise)) {
    const lacking = CLIP_KINDS.filter((kind) => kinds[kind] === 0);
    if (lacking.length > 0) missingKinds[exercise] = lacking;
  }
  const countedRuns = runs.filter((run) => !guided.includes(run.exercise));
  const exactCountsByBackend: Partial<Record<AnalyzeBackend, number>> = {};
  for (const backend of backends) exactCountsByBackend[backend] = countedRuns.filter((run) => run.backend === backend && run.exact).length;
  return {
    exercises: Object.keys(perExercise).length,
    clips: measuredClips.length,
    runs: countedRuns.length,
    exactCounts: countedRuns.filter((run) => run.exact).length,
    exactCountsByBackend,
    backends,
    perExercise,
    missing: protocol.filter((exercise) => !guided.includes(exercise.id) && perExercise[exercise.id] === undefined).map((e) => e.id),
    missingKinds,
    guided,
    notChecked,
  };
}
