/**
 * `npm run eval:clips -- [--backend mediapipe,tfjs] [--only ID,ID] [--committed] [--clips DIR] [--photo PHOTO.jpg] [--reuse-analysis] [--record-traces DIR | --replay-traces DIR] [--sweep]`
 * Renders (or reuses, when trajectory, subject and renderer are unchanged) a clip per trajectory
 * in fixtures/trajectories, each with its subject (photo or scan), or with --committed takes the
 * project's committed camera clips (fixtures/clips/*.mp4 with their .truth.json; no ../shared
 * needed), runs each through `npm run analyze -- --exercise ID --backend B` on every backend and
 * prints per clip and backend: exact count or not, peak-angle error per rep by axis, speeds and
 * smoothness, too-fast reps flagged; then per exercise and backend the exact counts, the jerky
 * against the smooth trajectory (SPARC), and last one JSON object with the coverage of the
 * protocol. `--record-traces DIR` also writes the landmarks each backend read; `--replay-traces DIR`
 * reads them back instead of running the landmarkers: nothing is rendered and ../shared is not needed
 * (the truth comes from the trajectories). `--sweep` instead measures single frames over a range of
 * angles. See docs/clipgen.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { errorStats } from '../tools/clipgen/core/clip-scoring';
import { buildGroundTruth, type GroundTruth } from '../tools/clipgen/core/ground-truth';
import { relativeAngles } from '../tools/clipgen/core/relative-angles';
import { SUBJECTS } from '../tools/clipgen/core/trajectory';
import { mp4For, type AnalyzerResult } from '../tools/clipgen/node/analyzer-run';
import { ClipBrowser, DEFAULT_PHOTO, REPO_ROOT } from '../tools/clipgen/node/clip-browser';
import { clipPaths, readTrajectoryFile } from '../tools/clipgen/node/write-clip';
import { timedPlacement } from '../tools/clipgen/core/timed-truth';
import { findExercise, PROTOCOL } from '../src/core/protocol/protocol';
import { CAMERA_SIDES, type CameraSide } from '../src/core/protocol/camera-side';
import { headUpSideFor } from '../src/core/protocol/positions';
import type { HeadAngles } from '../src/core/head-pose/head-angles';
import { ANALYZE_BACKENDS, type AnalyzeBackend } from './analyze/analyze-args';
import { analyzeGroup } from './clip-eval/analyze-group';
import { clipKind, type ClipKind } from './clip-eval/clip-kind';
import { clipCoverage, type ClipRun } from './clip-eval/coverage';
import { ensureClips, missingSourceFile, subjectSources } from './clip-eval/render-clips';
import { scoreClip, smoothnessPairs, type ClipScore } from './clip-eval/score-clip';
import { backendStatus } from './docs/exercise-table';

const TRAJECTORY_DIR = path.join(REPO_ROOT, 'fixtures/trajectories');
const COMMITTED_DIR = path.join(REPO_ROOT, 'fixtures/clips');
const DEFAULT_CLIPS_DIR = path.join(REPO_ROOT, 'fixtures/generated/clips');
const LABEL = 'eval:clips';

interface Args {
  readonly backends: readonly AnalyzeBackend[];
  /** Trajectory (clip) ids. */
  readonly only: readonly string[] | null;
  readonly committed: boolean;
  readonly clipsDir: string;
  readonly photo: string;
  readonly sweep: boolean;
  /** Use the analyzer output kept from an earlier run (newer than the clip) instead of re-running. */
  readonly reuseAnalysis: boolean;
  /** Keep each exercise's landmarks per backend here (`<exercise>.<backend>.trace.jsonl`). */
  readonly recordTraces: string | null;
  /** Re-score from traces kept by --record-traces: the core again, no browser (about a minute). */
  readonly replayTraces: string | null;
}

function parseBackends(value: string): AnalyzeBackend[] {
  const names = value.split(',').filter(Boolean);
  const backends = ANALYZE_BACKENDS.filter((b) => names.includes(b));
  if (names.length === 0 || backends.length !== new Set(names).size) throw new Error(`--backend: expected a list of ${ANALYZE_BACKENDS.join(', ')}`);
  return backends;
}

function parseArgs(argv: readonly string[]): Args {
  let backends: readonly AnalyzeBackend[] = ANALYZE_BACKENDS;
  let only: string[] | null = null;
  let committed = false;
  let clipsDir = DEFAULT_CLIPS_DIR;
  let photo = process.env.CLIPGEN_PHOTO ?? DEFAULT_PHOTO;
  let sweep = false;
  let reuseAnalysis = false;
  let recordTraces: string | null = null;
  let replayTraces: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--backend') backends = parseBackends(argv[++i] ?? '');
    else if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--committed') committed = true;
    else if (arg === '--clips') clipsDir = path.resolve(argv[++i] ?? clipsDir);
    else if (arg === '--photo') photo = argv[++i] ?? photo;
    else if (arg === '--sweep') sweep = true;
    else if (arg === '--reuse-analysis') reuseAnalysis = true;
    else if (arg === '--record-traces') recordTraces = path.resolve(argv[++i] ?? '.');
    else if (arg === '--replay-traces') replayTraces = path.resolve(argv[++i] ?? '.');
    else throw new Error(`unknown argument ${arg}`);
  }
  if (recordTraces !== null) mkdirSync(recordTraces, { recursive: true });
  return { backends, only, committed, clipsDir, photo, sweep, reuseAnalysis, recordTraces, replayTraces };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A clip to read: its exact truth and the mp4 the analyzer reads. */
interface EvalClip {
  readonly truth: GroundTruth;
  readonly mp4: string;
  readonly kind: ClipKind;
}

/** The clip's kind; a timed exercise's is read from its placement. */
function kindOf(truth: GroundTruth): ClipKind {
  const definition = findExercise(truth.exercise);
  return clipKind(truth, definition === undefined ? null : timedPlacement(definition));
}

function selected(args: Args, trajectoryId: string): boolean {
  return args.only === null || args.only.includes(trajectoryId);
}

/** The committed camera clips (fixtures/clips: `<id>.mp4` beside `<id>.truth.json`). */
function committedClips(args: Args): EvalClip[] {
  return readdirSync(COMMITTED_DIR)
    .filter((f) => f.endsWith('.truth.json'))
    .sort()
    .flatMap((f) => {
      const truth = JSON.parse(readFileSync(path.join(COMMITTED_DIR, f), 'utf8')) as GroundTruth;
      const mp4 = path.join(COMMITTED_DIR, f.replace(/\.truth\.json$/, '.mp4'));
      return selected(args, truth.trajectoryId) && existsSync(mp4) ? [{ truth, mp4, kind: kindOf(truth) }] : [];
    });
}

/**
 * Every selected trajectory rendered with its subject (skipped, with a message, when the subject's
 * files are absent). A replay reads its frames from the traces: it needs neither the clips nor what
 * they are rendered from, only their truth, which the renderer computes from the trajectory alone
 * (the clips' paths then only name the traces' frames, matched by file name).
 */
async function renderedClips(args: Args): Promise<EvalClip[]> {
  const jobs = readdirSync(TRAJECTORY_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readTrajectoryFile(path.join(TRAJECTORY_DIR, f)))
    .filter((job) => selected(args, job.trajectory.id));
  if (args.replayTraces !== null) {
    return jobs.map((job) => {
      const truth = buildGroundTruth(job.trajectory);
      return { truth, mp4: clipPaths(args.clipsDir, truth.trajectoryId).y4m.replace(/\.y4m$/, '.mp4'), kind: kindOf(truth) };
    });
  }
  const sources = subjectSources(args.photo);
  const absent = new Map(SUBJECTS.map((subject) => [subject, missingSourceFile(sources[subject])]));
  const renderable = jobs.filter((job) => {
    const missing = absent.get(job.trajectory.subject);
    if (missing) say(`${job.trajectory.id}: skipped, ${missing} is absent (the ${job.trajectory.subject} subject needs ../shared)`);
    return !missing;
  });
  const records = await ensureClips(renderable, args.clipsDir, sources, LABEL);
  return Promise.all(records.map(async (truth) => ({ truth, mp4: await mp4For(clipPaths(args.clipsDir, truth.trajectoryId).y4m), kind: kindOf(truth) })));
}

/** The backends that read an exercise: those on which the app measures it. */
function readingBackends(exercise: string, args: Args): AnalyzeBackend[] {
  const definition = findExercise(exercise);
  return args.backends.filter((backend) => definition !== undefined && backendStatus(definition, backend).status === 'measured');
}

type GroupResults = Map<string, AnalyzerResult>;

/** Clips by their floor camera's side where the exercise's position has one (face down), else all under null. */
function byCameraSide(clips: readonly EvalClip[]): Map<CameraSide | null, EvalClip[]> {
  const groups = new Map<CameraSide | null, EvalClip[]>();
  for (const clip of clips) {
    const definition = findExercise(clip.truth.exercise);
    const side = definition === undefined ? null : headUpSideFor(definition, clip.truth.scanView?.camera.side ?? CAMERA_SIDES.left);
    groups.set(side, [...(groups.get(side) ?? []), clip]);
  }
  return groups;
}

/**
 * Every exercise's clips through the analyzer: one chain of exercises per backend, the backends
 * side by side (one browser each), so that neither waits for the other. Results by backend, then exercise.
 */
async function analyzeAll(byExercise: ReadonlyMap<string, readonly EvalClip[]>, args: Args): Promise<Map<AnalyzeBackend, Map<string, GroupResults>>> {
  const chains = args.backends.map(async (backend) => {
    const own = new Map<string, GroupResults>();
    for (const [exercise, clips] of byExercise) {
      if (!readingBackends(exercise, args).includes(backend)) continue;
      const results: GroupResults = new Map();
      // Face down each clip's floor camera is on one side: one analyze run per side (--camera-side).
      for (const [side, sideClips] of byCameraSide(clips)) {
        const name = side === null ? exercise : `${exercise}.${side}`;
        const trace = (dir: string): string => path.join(dir, `${name}.${backend}.trace.jsonl`);
        // What is kept beside a clip is what the landmarkers read in it, not a replay's.
        const keep = !args.committed && args.replayTraces === null;
        const options = { backend, poseModel: 'full', reuse: args.reuseAnalysis, keep, label: LABEL, ...(side === null ? {} : { cameraSide: side }) } as const;
        const traced = args.replayTraces !== null ? { replayTrace: trace(args.replayTraces) } : args.recordTraces !== null ? { recordTrace: trace(args.recordTraces) } : {};
        for (const [file, result] of await analyzeGroup(exercise, sideClips.map((c) => c.mp4), { ...options, ...traced })) results.set(file, result);
      }
      own.set(exercise, results);
    }
    return [backend, own] as const;
  });
  return new Map(await Promise.all(chains));
}

/** Scores and prints one exercise's clips on the backends that read them. */
function scoreExercise(exercise: string, clips: readonly EvalClip[], results: ReadonlyMap<AnalyzeBackend, ReadonlyMap<string, GroupResults>>, args: Args): ClipScore[] {
  const backends = readingBackends(exercise, args);
  say(`${exercise}:${backends.length < args.backends.length ? ` (not read on ${args.backends.filter((b) => !backends.includes(b)).join(', ')}: the app does not check it there)` : ''}`);
  const scores: ClipScore[] = [];
  for (const clip of clips) {
    say(`  ${clip.truth.trajectoryId} (${clip.truth.subject}, ${clip.kind}):`);
    for (const backend of backends) {
      const result = results.get(backend)?.get(exercise)?.get(path.resolve(clip.mp4));
      if (result === undefined) {
        say(`    ${backend}: NOT ANALYZED (counted as wrong)`);
        scores.push({ id: clip.truth.trajectoryId, exercise, backend, exact: false, errors: [], meanSparc: null, tooFastOk: null, cleanOk: null });
        continue;
      }
      const scored = scoreClip(clip.truth, result, backend);
      for (const line of scored.lines) say(`    ${line}`);
      scores.push(scored.score);
    }
  }
  return scores;
}

const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

function perBackend<T>(backends: readonly AnalyzeBackend[], value: (backend: AnalyzeBackend) => T): Partial<Record<AnalyzeBackend, T>> {
  return Object.fromEntries(backends.map((backend) => [backend, value(backend)]));
}

async function evaluate(args: Args): Promise<void> {
  const clips = args.committed ? committedClips(args) : await renderedClips(args);
  if (clips.length === 0) throw new Error('no clip selected');
  const guided = clips.filter((clip) => {
    const definition = findExercise(clip.truth.exercise);
    return definition !== undefined && args.backends.every((backend) => backendStatus(definition, backend).status === 'guided');
  });
  for (const clip of guided) say(`${clip.truth.trajectoryId}: ${clip.truth.exercise} is guided only in the app (nothing counted); not read`);
  const byExercise = new Map<string, EvalClip[]>();
  for (const clip of clips) if (!guided.includes(clip)) byExercise.set(clip.truth.exercise, [...(byExercise.get(clip.truth.exercise) ?? []), clip]);

  const results = await analyzeAll(byExercise, args);
  const scores = [...byExercise].flatMap(([exercise, own]) => scoreExercise(exercise, own, results, args));

  const pairs = smoothnessPairs(scores);
  for (const { jerky, smooth, ok } of pairs) {
    say(`smoothness (${jerky.backend}): ${jerky.id} SPARC ${jerky.meanSparc?.toFixed(2) ?? 'n/a'} vs ${smooth.id} ${smooth.meanSparc?.toFixed(2) ?? 'n/a'}: ${ok ? 'jerky scores worse (ok)' : 'NOT worse'}`);
  }
  const runs: ClipRun[] = scores.map((s) => ({ id: s.id, exercise: s.exercise, backend: s.backend, exact: s.exact }));
  const coverage = clipCoverage(PROTOCOL.exercises, backendStatus, args.backends, clips.map((c) => ({ id: c.truth.trajectoryId, exercise: c.truth.exercise, kind: c.kind })), runs);

  say(`\nexact counts per exercise (clips: exact / wrong-form / negative)`);
  say(`${'exercise'.padEnd(28)} ${'clips'.padEnd(9)} ${args.backends.map((b) => b.padEnd(10)).join(' ')}`);
  for (const [exercise, row] of Object.entries(coverage.perExercise)) {
    const cells = args.backends.map((b) => (row[b] === undefined ? 'not read' : `${row[b].exact}/${row[b].clips}`).padEnd(10));
    say(`${exercise.padEnd(28)} ${`${row.kinds.exact}/${row.kinds['wrong-form']}/${row.kinds.negative}`.padEnd(9)} ${cells.join(' ')}`);
  }
  say(`${'all'.padEnd(28)} ${String(coverage.clips).padEnd(9)} ${args.backends.map((b) => `${coverage.exactCountsByBackend[b] ?? 0}/${coverage.clips}`.padEnd(10)).join(' ')}`);
  if (coverage.missing.length > 0) say(`no clip: ${coverage.missing.join(', ')}`);
  if (coverage.guided.length > 0) say(`guided only in the app (not counted): ${coverage.guided.join(', ')}`);

  const errors = (backend: AnalyzeBackend): ReturnType<typeof errorStats> =>
    errorStats(scores.filter((s) => s.backend === backend).flatMap((s) => s.errors.map((e) => e.errorDeg)));
  const { exercises, clips: clipCount, exactCounts, backends, ...rest } = coverage;
  say(
    JSON.stringify({
      exercises,
      clips: clipCount,
      exactCounts,
      backends,
      ...rest,
      peakErrMeanDeg: perBackend(args.backends, (b) => round2(errors(b).meanAbsDeg)),
      peakErrMaxDeg: perBackend(args.backends, (b) => round2(errors(b).maxAbsDeg)),
      smoothOrderOk: perBackend(args.backends, (b) => {
        const own = pairs.filter((p) => p.jerky.backend === b);
        return own.length > 0 ? own.every((p) => p.ok) : null;
      }),
      tooFastOk: perBackend(args.backends, (b) => {
        const own = scores.filter((s) => s.backend === b && s.tooFastOk !== null);
        return own.length > 0 ? own.every((s) => s.tooFastOk === true) : null;
      }),
      // Clean clips (every rep counted, minimum-jerk, normal tempo) given a warning they should not have got.
      cleanWarned: perBackend(args.backends, (b) => scores.filter((s) => s.backend === b && s.cleanOk === false).length),
      cleanClips: perBackend(args.backends, (b) => scores.filter((s) => s.backend === b && s.cleanOk !== null).length),
    }),
  );
}

/** Single frames over a range of angles, fresh landmarkers each: where the face stops reading true. */
async function sweep(args: Args): Promise<void> {
  const f1 = (v: number): string => v.toFixed(1);
  const browser = await ClipBrowser.start(args.photo);
  try {
    const zero: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
    const neutral = (await browser.measure(zero, { fresh: true })).faceAngles;
    if (neutral === null) throw new Error('no face at neutral');
    const grid: Record<'yawDeg' | 'pitchDeg' | 'rollDeg', number[]> = {
      yawDeg: [-80, -70, -60, -50, -40, -30, -20, -10, 10, 20, 30, 40, 50, 60, 70, 80],
      pitchDeg: [-50, -40, -30, -20, -10, 10, 20, 30, 40, 50],
      rollDeg: [-40, -30, -20, -10, 10, 20, 30, 40],
    };
    say('axis applied → read (yaw pitch roll, relative to neutral), face found, pose found');
    for (const [key, values] of Object.entries(grid) as ['yawDeg' | 'pitchDeg' | 'rollDeg', number[]][]) {
      for (const v of values) {
        const m = await browser.measure({ ...zero, [key]: v }, { fresh: true, withPose: true });
        const r = m.faceAngles ? relativeAngles(m.faceAngles, neutral) : null;
        say(`${key} ${v} → ${r ? `${f1(r.yawDeg)} ${f1(r.pitchDeg)} ${f1(r.rollDeg)} (err ${f1(r[key] - v)})` : 'no face'} face=${m.faceFound} pose=${m.poseFound}`);
      }
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.sweep && !existsSync(args.photo)) {
    process.stderr.write(`${LABEL}: photo not found: ${args.photo} (needs ../shared/fixtures, or --photo); nothing measured\n`);
    process.exit(1);
  }
  await (args.sweep ? sweep(args) : evaluate(args));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${LABEL}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
