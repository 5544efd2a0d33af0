/**
 * `npm run eval:range -- [--only ID,ID] [--subject scan|photo] [--pose-model full|lite] [--backend mediapipe|tfjs] [--frame subject|camera] [--reuse-analysis] [--record-traces DIR | --replay-traces DIR] [--head-weights FILE] [--clips DIR] [--check-renderer]`
 * Renders the range clips (fixtures/trajectories/range/*.json; cached in fixtures/generated/range,
 * regenerated when trajectory, subject files or renderer change), runs each through the real
 * `npm run analyze -- --exercise ID --format jsonl`, and prints per clip and overall the error of
 * the analyzer's angles (relative to its neutral, the clip's lead-in hold) against the truth
 * (relative to the clip's first frame) per angle bin, both in the neutral head's own axes as the
 * counters read them (`--frame subject`, the default; the photo head's clips in the camera's:
 * relative-angles.ts says why) or all in the camera's (`--frame camera`); coverage, the largest
 * frame-to-frame error step and the peak error per rep; the same for the plain face matrix
 * (analyze's faceMatrixAngles).
 * `--pose-model lite` reads the bodies with the pose model the live coach runs (default: full, as
 * analyze); `--backend tfjs` with the TF.js landmarkers (BlazePose lite and FaceMesh: no face
 * matrix, so no matrix columns). `--record-traces DIR` also keeps the landmarks (one `<exercise>.<model>.trace.jsonl` per
 * exercise); `--replay-traces DIR` then evaluates from them through `analyze --replay` without the
 * landmarkers and without the rendered clips or ../shared (the truth comes from the trajectories;
 * minutes become seconds: for retraining the head network, docs/head-pose.md);
 * `--head-weights FILE` reads the head with a trained network's weights instead of the shipped ones
 * (`analyze --head-weights`; the plot is not rewritten then).
 * Last line: one JSON object. The default run (MediaPipe, full) also writes docs/head-pose-sweep.svg
 * from the scan-yaw-sweep clip.
 * `--check-renderer` instead reads the real AFLW2000 photos and the scan rendered at their labels'
 * angles with the face landmarker, and the pose landmarker's nose/eyes/ears visibility on the scan
 * turned 30–90°. See docs/clipgen.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, neutralFrames } from '../tools/clipgen/core/clip-scoring';
import { buildGroundTruth, type GroundTruth } from '../tools/clipgen/core/ground-truth';
import {
  BINS,
  binErrors,
  emptyBins,
  frameErrors,
  maxErrorStep,
  mergeBins,
  repPeakErrors,
  summarizeBins,
  type BinSummary,
  type BinTable,
  type MaybeAngles,
  type RepWindow,
} from '../tools/clipgen/core/range-scoring';
import { COMPARISON_FRAMES, relativeAnglesFor, type ComparisonFrame, type RelativeAngles } from '../tools/clipgen/core/relative-angles';
import { unexpectedWarnings } from './clip-eval/clean-feedback';
import { findExercise } from '../src/core/protocol/protocol';
import { linePlotSvg } from '../tools/clipgen/core/sweep-svg';
import { isHeadMotion } from '../tools/clipgen/core/timeline';
import { SUBJECTS, type Axis, type Subject } from '../tools/clipgen/core/trajectory';
import { mp4For, type AnalyzerResult } from '../tools/clipgen/node/analyzer-run';
import { REPO_ROOT } from '../tools/clipgen/node/clip-browser';
import { runRendererCheck } from '../tools/clipgen/node/renderer-check';
import { clipPaths, readTrajectoryFile } from '../tools/clipgen/node/write-clip';
import { analysisModel, analyzeGroup } from './clip-eval/analyze-group';
import { ensureClips, missingSourceFile, subjectSources } from './clip-eval/render-clips';
import type { HeadAngles } from '../src/core/head-pose/head-angles';

const TRAJECTORY_DIR = path.join(REPO_ROOT, 'fixtures/trajectories/range');
const DEFAULT_CLIPS_DIR = path.join(REPO_ROOT, 'fixtures/generated/range');
const SWEEP_CLIP = 'scan-yaw-sweep';
const SWEEP_SVG = path.join(REPO_ROOT, 'docs/head-pose-sweep.svg');

interface Args {
  readonly only: readonly string[] | null;
  readonly subject: Subject | null;
  readonly clipsDir: string;
  readonly reuseAnalysis: boolean;
  readonly checkRenderer: boolean;
  readonly poseModel: 'full' | 'lite';
  readonly backend: 'mediapipe' | 'tfjs';
  readonly recordTraces: string | null;
  readonly replayTraces: string | null;
  readonly headWeights: string | null;
  readonly frame: ComparisonFrame;
}

function parseArgs(argv: readonly string[]): Args {
  let only: string[] | null = null;
  let subject: Subject | null = null;
  let clipsDir = DEFAULT_CLIPS_DIR;
  let reuseAnalysis = false;
  let checkRenderer = false;
  let poseModel: 'full' | 'lite' = 'full';
  let backend: 'mediapipe' | 'tfjs' = 'mediapipe';
  let recordTraces: string | null = null;
  let replayTraces: string | null = null;
  let headWeights: string | null = null;
  let frame: ComparisonFrame = 'subject';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--subject') {
      const value = argv[++i];
      subject = SUBJECTS.find((s) => s === value) ?? null;
      if (subject === null) throw new Error(`--subject: expected ${SUBJECTS.join(' or ')}`);
    } else if (arg === '--clips') clipsDir = path.resolve(argv[++i] ?? clipsDir);
    else if (arg === '--reuse-analysis') reuseAnalysis = true;
    else if (arg === '--check-renderer') checkRenderer = true;
    else if (arg === '--pose-model') {
      const value = argv[++i];
      if (value !== 'full' && value !== 'lite') throw new Error('--pose-model: expected full or lite');
      poseModel = value;
    } else if (arg === '--backend') {
      const value = argv[++i];
      if (value !== 'mediapipe' && value !== 'tfjs') throw new Error('--backend: expected mediapipe or tfjs');
      backend = value;
    } else if (arg === '--record-traces') recordTraces = path.resolve(argv[++i] ?? '.');
    else if (arg === '--replay-traces') replayTraces = path.resolve(argv[++i] ?? '.');
    else if (arg === '--head-weights') {
      const value = argv[++i];
      if (!value) throw new Error('--head-weights: expected a JSON file of network weights');
      headWeights = path.resolve(value);
    } else if (arg === '--frame') {
      const value = COMPARISON_FRAMES.find((f) => f === argv[i + 1]);
      if (value === undefined) throw new Error(`--frame: expected ${COMPARISON_FRAMES.join(' or ')}`);
      frame = value;
      i++;
    }
    else throw new Error(`unknown argument ${arg}`);
  }
  if (recordTraces !== null && replayTraces !== null) throw new Error('--record-traces and --replay-traces exclude each other');
  return { only, subject, clipsDir, reuseAnalysis, checkRenderer, poseModel, backend, recordTraces, replayTraces, headWeights, frame };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : v.toFixed(1));
const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

const SOURCES = subjectSources();

/** The trace of one exercise's clips in a --record-traces / --replay-traces folder. */
function groupTrace(dir: string, exercise: string, args: Pick<Args, 'backend' | 'poseModel'>): string {
  return path.join(dir, `${exercise}.${analysisModel(args)}.trace.jsonl`);
}

/** Runs the analyzer on one exercise's clips (with --reuse-analysis, only on those without kept output; or from a recorded trace). */
async function analyzeRangeGroup(exercise: string, mp4s: readonly string[], args: Args): Promise<Map<string, AnalyzerResult>> {
  const options = {
    backend: args.backend,
    poseModel: args.poseModel,
    reuse: args.reuseAnalysis,
    // What is kept beside a clip is what the landmarkers read in it, not a replay's.
    keep: args.replayTraces === null,
    label: 'eval:range',
    ...(args.headWeights === null ? {} : { headWeights: args.headWeights }),
  } as const;
  if (args.replayTraces !== null) {
    const trace = groupTrace(args.replayTraces, exercise, args);
    if (!existsSync(trace)) throw new Error(`${trace} not found (record it with --record-traces)`);
    return analyzeGroup(exercise, mp4s, { ...options, replayTrace: trace });
  }
  return analyzeGroup(exercise, mp4s, args.recordTraces === null ? options : { ...options, recordTrace: groupTrace(args.recordTraces, exercise, args) });
}

/** Angles relative to the median over the clip's lead-in hold (as the analyzer's own neutral), by `relativeAngles` (relativeAnglesFor). */
function relativeToLeadIn(truth: GroundTruth, raw: readonly MaybeAngles[], relativeAngles: RelativeAngles): MaybeAngles[] {
  const { start, end } = neutralFrames(truth);
  const still = raw.slice(start, end + 1).filter((a): a is HeadAngles => a !== null);
  if (still.length === 0) return raw.map(() => null);
  const neutral: HeadAngles = {
    yawDeg: median(still.map((a) => a.yawDeg)) ?? 0,
    pitchDeg: median(still.map((a) => a.pitchDeg)) ?? 0,
    rollDeg: median(still.map((a) => a.rollDeg)) ?? 0,
  };
  return raw.map((a) => (a === null ? null : relativeAngles(a, neutral)));
}

function anglesOrNull(a: { yawDeg: number | null; pitchDeg: number | null; rollDeg: number | null } | undefined): MaybeAngles {
  return a === undefined || a.yawDeg === null || a.pitchDeg === null || a.rollDeg === null ? null : { yawDeg: a.yawDeg, pitchDeg: a.pitchDeg, rollDeg: a.rollDeg };
}

function repWindows(truth: GroundTruth): RepWindow[] {
  return truth.reps.map((rep) => {
    const extremes: { axis: Axis; sign: 1 | -1 }[] = !isHeadMotion(rep.motion)
      ? []
      : rep.motion === 'circle'
        ? [{ axis: 'yaw', sign: 1 }, { axis: 'yaw', sign: -1 }, { axis: 'pitch', sign: 1 }, { axis: 'pitch', sign: -1 }]
        : rep.side === 'none'
          ? [{ axis: rep.motion, sign: 1 }, { axis: rep.motion, sign: -1 }]
          : [{ axis: rep.motion, sign: rep.excursionDeg > 0 ? 1 : -1 }];
    return { startFrame: rep.startFrame, endFrame: rep.endFrame, extremes };
  });
}

interface Scored {
  readonly bins: BinTable;
  readonly frames: number;
  readonly found: number;
  readonly maxStep: number;
  readonly peaks: (number | null)[];
}

function score(truthRel: readonly HeadAngles[], estimate: readonly MaybeAngles[], reps: readonly RepWindow[]): Scored {
  const errors = frameErrors(truthRel, estimate);
  return {
    bins: binErrors(truthRel, errors),
    frames: truthRel.length,
    found: estimate.filter((e) => e !== null).length,
    maxStep: maxErrorStep(errors),
    peaks: repPeakErrors(reps, truthRel, estimate),
  };
}

interface ClipScore {
  readonly est: Scored;
  readonly mat: Scored;
  readonly estWhereFace: BinTable;
}

const meanOf = (v: readonly number[]): number | null => (v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length);

/** The scores of several clips, summed (all clips, or one subject's). */
class RangeTotals {
  readonly est = emptyBins();
  readonly matrix = emptyBins();
  readonly estWhereFace = emptyBins();
  clips = 0;
  frames = 0;
  private found = 0;
  private matrixFound = 0;
  private maxStep = 0;
  private matrixMaxStep = 0;
  private readonly peaks: number[] = [];
  private readonly matrixPeaks: number[] = [];

  add({ est, mat, estWhereFace }: ClipScore): void {
    mergeBins(this.est, est.bins);
    mergeBins(this.matrix, mat.bins);
    mergeBins(this.estWhereFace, estWhereFace);
    this.clips += 1;
    this.frames += est.frames;
    this.found += est.found;
    this.matrixFound += mat.found;
    this.maxStep = Math.max(this.maxStep, est.maxStep);
    this.matrixMaxStep = Math.max(this.matrixMaxStep, mat.maxStep);
    this.peaks.push(...est.peaks.filter((p): p is number => p !== null));
    this.matrixPeaks.push(...mat.peaks.filter((p): p is number => p !== null));
  }

  summary(): Record<string, unknown> {
    const share = (k: number): number | null => round2(this.frames === 0 ? 0 : k / this.frames);
    return {
      bins: summarizeBins(this.est),
      coverage: share(this.found),
      maxStepErrDeg: round2(this.maxStep),
      peakErrMeanDeg: round2(meanOf(this.peaks)),
      matrixBins: summarizeBins(this.matrix),
      matrixCoverage: share(this.matrixFound),
      matrixMaxStepErrDeg: round2(this.matrixMaxStep),
      matrixPeakErrMeanDeg: round2(meanOf(this.matrixPeaks)),
      binsWhereFace: summarizeBins(this.estWhereFace),
    };
  }
}

function binLine(name: string, est: BinSummary | undefined, matrix: BinSummary | undefined): string {
  const cell = (s: BinSummary | undefined): string =>
    s === undefined ? '–' : `cov ${(100 * (s.coverage ?? 0)).toFixed(0)}% MAE y/p/r ${f1(s.mae.yaw)}/${f1(s.mae.pitch)}/${f1(s.mae.roll)} max ${f1(s.max.yaw)}/${f1(s.max.pitch)}/${f1(s.max.roll)}`;
  return `    ${name.padEnd(11)} n=${String(est?.frames ?? 0).padStart(4)}  estimate ${cell(est)} | matrix ${cell(matrix)}`;
}

function printBins(est: BinTable, matrix: BinTable): void {
  const e = summarizeBins(est), m = summarizeBins(matrix);
  for (const bin of BINS) if (e[bin.name] !== undefined) say(binLine(bin.name, e[bin.name], m[bin.name]));
}

function writeSweepSvg(truthRel: readonly HeadAngles[], estimate: readonly MaybeAngles[], matrix: readonly MaybeAngles[], fps: number): void {
  const t = (i: number): number => i / fps;
  const svg = linePlotSvg({
    title: 'Scan yaw sweep 0→+90→0→−90→0 (camera 1 m, eye level): npm run eval:range -- --only scan-yaw-sweep',
    xLabel: 'time (s)',
    yLabel: 'yaw relative to neutral (°)',
    yMin: -100,
    yMax: 100,
    yStep: 20,
    series: [
      { label: 'truth', colour: '#222', points: truthRel.map((a, i) => ({ t: t(i), v: a.yawDeg })) },
      { label: 'analyze (estimate)', colour: '#1f6fd1', points: estimate.map((a, i) => ({ t: t(i), v: a?.yawDeg ?? null })) },
      { label: 'plain face matrix', colour: '#e07b12', dashed: true, points: matrix.map((a, i) => ({ t: t(i), v: a?.yawDeg ?? null })) },
    ],
  });
  writeFileSync(SWEEP_SVG, svg);
  say(`wrote ${path.relative(REPO_ROOT, SWEEP_SVG)}`);
}

async function evaluate(args: Args): Promise<void> {
  const files = readdirSync(TRAJECTORY_DIR).filter((f) => f.endsWith('.json')).sort();
  const jobs = files
    .map((f) => readTrajectoryFile(path.join(TRAJECTORY_DIR, f)))
    .filter((j) => (args.only === null || args.only.includes(j.trajectory.id)) && (args.subject === null || j.trajectory.subject === args.subject));
  if (jobs.length === 0) throw new Error('no range trajectory selected');
  // A replay reads its frames from the traces: it needs neither the clips nor what they are
  // rendered from, only their truth, which the renderer computes from the trajectory alone.
  const replay = args.replayTraces !== null;
  if (!replay) {
    for (const subject of new Set(jobs.map((j) => j.trajectory.subject))) {
      const missing = missingSourceFile(SOURCES[subject]);
      if (missing !== null) throw new Error(`${subject}: ${missing} not found (needs ../shared); nothing evaluated`);
    }
  }
  if (args.recordTraces !== null) mkdirSync(args.recordTraces, { recursive: true });
  const records: readonly GroundTruth[] = replay ? jobs.map((job) => buildGroundTruth(job.trajectory)) : await ensureClips(jobs, args.clipsDir, SOURCES, 'eval:range');
  const byExercise = new Map<string, GroundTruth[]>();
  for (const r of records) byExercise.set(r.exercise, [...(byExercise.get(r.exercise) ?? []), r]);

  const overall = new RangeTotals();
  const bySubject = new Map<Subject, RangeTotals>();
  const perClip: Record<string, { coverage: number; maxStepErrDeg: number; peakErrMeanDeg: number | null; unexpectedWarnings: string[] | null }> = {};
  let cleanJudged = 0;
  let cleanWarned = 0;
  for (const [exercise, clips] of byExercise) {
    // Replayed, the clips' names only label the traces' frames (matched by file name).
    const y4ms = clips.map((c) => clipPaths(args.clipsDir, c.trajectoryId).y4m);
    const mp4s = replay ? y4ms.map((y4m) => y4m.replace(/\.y4m$/, '.mp4')) : await Promise.all(y4ms.map(mp4For));
    const results = await analyzeRangeGroup(exercise, mp4s, args);
    clips.forEach((truth, k) => {
      const result = results.get(path.resolve(mp4s[k] ?? ''));
      if (result === undefined) {
        say(`${truth.trajectoryId}: NOT ANALYZED`);
        return;
      }
      const zero = truth.frames[0];
      const relativeAngles = relativeAnglesFor(args.frame, truth.subject);
      const truthRel = truth.frames.map((f) => (zero === undefined ? f : relativeAngles(f, zero)));
      const n = truthRel.length;
      const estimate = relativeToLeadIn(truth, Array.from({ length: n }, (_, i) => anglesOrNull(result.frames[i])), relativeAngles);
      const matrix = relativeToLeadIn(truth, Array.from({ length: n }, (_, i) => anglesOrNull(result.frames[i]?.faceMatrixAngles)), relativeAngles);
      const reps = repWindows(truth);
      const clip: ClipScore = {
        est: score(truthRel, estimate, reps),
        mat: score(truthRel, matrix, reps),
        // The estimate on the very frames where the face matrix has a reading: the like-for-like comparison.
        estWhereFace: binErrors(truthRel, frameErrors(truthRel, estimate.map((e, i) => (matrix[i] === null ? null : e)))),
      };
      const { est, mat } = clip;
      const peaks = est.peaks.filter((p): p is number => p !== null);
      const peakMean = peaks.length === 0 ? null : peaks.reduce((s, v) => s + v, 0) / peaks.length;
      say(`${truth.trajectoryId} (${truth.subject}, ${truth.exercise}, ${n} frames${result.frames.length !== n ? `, analyzer gave ${result.frames.length}` : ''}):`);
      say(`  coverage ${(100 * est.found / n).toFixed(1)}% (matrix ${(100 * mat.found / n).toFixed(1)}%); max error step ${f1(est.maxStep)}° (matrix ${f1(mat.maxStep)}°)`);
      say(`  peak error per rep: ${est.peaks.map(f1).join(' ')}° (matrix ${mat.peaks.map(f1).join(' ')}°); count ${result.summary?.reps ?? '–'}/${truth.expectedCount.total}`);
      const unexpected = unexpectedWarnings(truth, result.reps, findExercise(truth.exercise)?.maxSpeedPerS ?? Infinity);
      if (unexpected !== null) {
        cleanJudged++;
        if (unexpected.length > 0) cleanWarned++;
        say(`  warnings on clean reps: ${unexpected.length === 0 ? 'none' : unexpected.join(', ')}`);
      }
      printBins(est.bins, mat.bins);
      overall.add(clip);
      const subjectTotals = bySubject.get(truth.subject) ?? new RangeTotals();
      subjectTotals.add(clip);
      bySubject.set(truth.subject, subjectTotals);
      perClip[truth.trajectoryId] = { coverage: round2(est.found / n) ?? 0, maxStepErrDeg: round2(est.maxStep) ?? 0, peakErrMeanDeg: round2(peakMean), unexpectedWarnings: unexpected };
      // The plot in docs/ is of what `analyze` gives by default (MediaPipe, full body model).
      if (truth.trajectoryId === SWEEP_CLIP && args.backend === 'mediapipe' && args.poseModel === 'full' && args.headWeights === null) writeSweepSvg(truthRel, estimate, matrix, truth.fps);
    });
  }
  for (const [subject, totals] of bySubject) {
    say(`${subject} (${totals.clips} clips, ${totals.frames} frames):`);
    printBins(totals.est, totals.matrix);
    say('  where the face matrix has a reading:');
    printBins(totals.estWhereFace, totals.matrix);
  }
  say(`overall (${overall.clips} clips, ${overall.frames} frames):`);
  printBins(overall.est, overall.matrix);
  say(
    JSON.stringify({
      frame: args.frame,
      ...overall.summary(),
      bySubject: Object.fromEntries([...bySubject].map(([subject, totals]) => [subject, totals.summary()])),
      // Clean clips (clean-feedback.ts) the coach warned although it should not have.
      cleanWarnedClips: cleanWarned,
      cleanJudgedClips: cleanJudged,
      clips: perClip,
    }),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.checkRenderer) await runRendererCheck(say);
  else await evaluate(args);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`eval:range: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
