/**
 * `npm run analyze -- [--exercise ID] [--backend mediapipe|tfjs] [--format jsonl|csv] [--pose-model full|lite] [--camera-side left|right] [--list-exercises] [--trace OUT.jsonl | --replay] [--head-weights FILE] FILE...`
 * (each option: USAGE in analyze/analyze-args.ts, which `--help` prints).
 * The landmarkers (MediaPipe's or the app's TF.js ones) run in headless Chromium (analyze.html) and only hand back observations; the
 * pure core (head pose, exercise engine) runs here in Node on them. With --replay the
 * observations come from traces instead, through the same core. See docs/analyze.md.
 */
import { accessSync, constants, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAnalyzeArgs, USAGE, type AnalyzeArgs, type AnalyzeBackend } from './analyze/analyze-args';
import { BrowserAnalyzer } from './analyze/browser-analyzer';
import { ffmpegAvailable, transcodeToH264 } from './analyze/ffmpeg-fallback';
import type { CameraSide } from '../src/core/protocol/camera-side';
import { headUpSideFor } from '../src/core/protocol/positions';
import { createCoreFileRunner, headPoseFor, type CoreFileResult, type CoreFileRunner } from './analyze/core-runner';
import { csvColumns, csvHeader, formatLine, repLine, roundOutput, summaryLine, type OutputLine } from './analyze/output-lines';
import { parseTraceLine, traceBackend, traceLineText, traceRounded, type TraceLine } from '../tools/analyze/trace-format';
import type { FrameObservation } from '../src/core/landmarks';
import { COUNTING_KINDS, type ExerciseDefinition } from '../src/core/protocol/exercise-definition';
import { matrixToAngles } from '../src/core/geometry/euler';
import type { DenseNetworkJson } from '../src/core/head-pose/regression/dense-network';
import { poseHeadRegressorMaker } from '../src/core/head-pose/regression/pose-head-regressor';
import { PROTOCOL, findExercise } from '../src/core/protocol/protocol';

const EXIT_OK = 0;
const EXIT_NOTHING_READ = 1;
const EXIT_USAGE = 2;

function warn(file: string | null, message: string): void {
  process.stderr.write(`analyze: ${file === null ? '' : `${file}: `}${message}\n`);
}

/** --head-weights: the network's weights, checked as the core would lay them out, or why they cannot be used. */
function readBodyWeights(file: string): DenseNetworkJson | Error {
  try {
    const weights = JSON.parse(readFileSync(file, 'utf8')) as DenseNetworkJson;
    poseHeadRegressorMaker(weights)();
    return weights;
  } catch (error) {
    return new Error(`not usable as --head-weights: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Files Node can read at all; the others are reported and skipped before the browser starts. */
function readableFiles(files: readonly string[]): string[] {
  return files.filter((file) => {
    try {
      if (!statSync(file).isFile()) {
        warn(file, 'not a regular file; skipped.');
        return false;
      }
      accessSync(file, constants.R_OK);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      warn(file, code === 'ENOENT' ? 'no such file; skipped.' : `cannot be read (${code ?? 'error'}); skipped.`);
      return false;
    }
  });
}

class Output {
  private readonly columns: readonly string[];
  private readonly args: AnalyzeArgs;

  constructor(args: AnalyzeArgs) {
    this.args = args;
    this.columns = csvColumns(args.exercise !== null);
    if (args.format === 'csv') process.stdout.write(`${csvHeader(this.columns)}\n`);
  }

  print(line: OutputLine): void {
    process.stdout.write(`${formatLine(line, this.args.format, this.columns)}\n`);
  }
}

function writeTrace(trace: WriteStream | null, line: TraceLine): void {
  trace?.write(`${traceLineText(line)}\n`);
}

function printCounts(output: Output, file: string, exercise: ExerciseDefinition, counted: CoreFileResult, backend: AnalyzeBackend): void {
  counted.reps.forEach((rep, i) => output.print(repLine(file, rep, counted.feedback[i] ?? [])));
  output.print(summaryLine(file, exercise.id, counted.summary, backend, exercise.counting === COUNTING_KINDS.timed));
}

/** Where re-encoded copies go, and the list the server serves (an index may be pointed at a copy). */
interface FfmpegFallback {
  readonly served: string[];
  readonly workDir: string;
}

/** Runs one frame through the core and prints its line; returns whether a person was found. */
function printFrame(output: Output, file: string, observation: FrameObservation, core: CoreFileRunner): boolean {
  const result = core.frame(observation);
  const faceMatrix = observation.faces[0]?.matrix;
  const matrixAngles = faceMatrix ? matrixToAngles(faceMatrix) : null;
  output.print({
    type: 'frame',
    file,
    tMs: roundOutput(observation.tMs) ?? 0,
    face: result.face,
    pose: result.pose,
    yawDeg: roundOutput(result.angles?.yawDeg ?? null),
    pitchDeg: roundOutput(result.angles?.pitchDeg ?? null),
    rollDeg: roundOutput(result.angles?.rollDeg ?? null),
    ...(matrixAngles === null
      ? {}
      : { faceMatrixAngles: { yawDeg: roundOutput(matrixAngles.yawDeg), pitchDeg: roundOutput(matrixAngles.pitchDeg), rollDeg: roundOutput(matrixAngles.rollDeg) } }),
  });
  return result.face || result.pose;
}

/**
 * A trace written by --trace, through the core again: the same lines analyze printed on the
 * clips (file names as they were), with today's estimator and counters. Returns the files read.
 */
function replayTrace(traceFile: string, output: Output, exercise: ExerciseDefinition | null, cameraSide: CameraSide, bodyWeights: DenseNetworkJson | null): number {
  let current: { file: string; backend: AnalyzeBackend; core: CoreFileRunner; frames: number } | null = null;
  let read = 0;
  const finish = (): void => {
    if (current === null) return;
    const counted = current.frames > 0 ? current.core.finish() : null;
    if (counted && exercise) printCounts(output, current.file, exercise, counted, current.backend);
    read += 1;
    current = null;
  };
  const lines = readFileSync(traceFile, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '') continue;
    let line: TraceLine;
    try {
      line = parseTraceLine(text);
    } catch (error) {
      warn(traceFile, `line ${index + 1} is not a trace line (${error instanceof Error ? error.message : String(error)}); skipped.`);
      continue;
    }
    if (line.type === 'file') {
      finish();
      const backend = traceBackend(line);
      current = { file: line.file, backend, core: createCoreFileRunner(line.kind, exercise, headPoseFor(backend, bodyWeights), cameraSide), frames: 0 };
    } else if (current !== null && line.file === current.file) {
      printFrame(output, current.file, line.observation, current.core);
      current.frames += 1;
    }
  }
  finish();
  if (read === 0) warn(traceFile, 'no file in this trace; skipped.');
  return read;
}

/** Analyses one file; returns whether it could be read (at least opened and decoded). */
async function analyzeFile(
  analyzer: BrowserAnalyzer,
  index: number,
  file: string,
  output: Output,
  trace: WriteStream | null,
  exercise: ExerciseDefinition | null,
  fallback: FfmpegFallback | null,
  backend: AnalyzeBackend,
  cameraSide: CameraSide,
  bodyWeights: DenseNetworkJson | null,
): Promise<boolean> {
  // Face down the landmarkers read the frames turned head-up, as the live coach does.
  const headUp = headUpSideFor(exercise, cameraSide);
  let opened = await analyzer.open(index, headUp);
  if (!opened.ok && fallback && (opened.code === 'unsupported-codec' || opened.code === 'unsupported-format')) {
    const copy = transcodeToH264(file, fallback.workDir, index);
    if (copy.ok) {
      fallback.served[index] = copy.path;
      const reopened = await analyzer.open(index, headUp);
      if (reopened.ok) warn(file, `${opened.message} Decoded through an ffmpeg H.264 copy instead.`);
      opened = reopened;
    }
  }
  if (!opened.ok) {
    warn(file, `${opened.message} (${opened.code}); skipped.`);
    return false;
  }
  writeTrace(trace, { type: 'file', file, kind: opened.kind, width: opened.width, height: opened.height, backend });
  const core = createCoreFileRunner(opened.kind, exercise, headPoseFor(backend, bodyWeights), cameraSide);
  let frames = 0;
  let framesWithPerson = 0;
  for (;;) {
    const next = await analyzer.next();
    if (next.type === 'error') {
      warn(file, `${next.message} (${next.code}); stopped after ${frames} frame(s).`);
      break;
    }
    if (next.type === 'end') {
      if (next.damagedSegments > 0) {
        warn(file, `damaged: ${next.damagedSegments} stretch(es) could not be decoded and were skipped (decoding resumed at the next key frame).`);
      }
      if (next.missingFrames > 0) {
        warn(file, `truncated: ${next.missingFrames} frame(s) announced by the file are missing.`);
      }
      break;
    }
    const observation = traceRounded(next.observation);
    writeTrace(trace, { type: 'observation', file, observation });
    if (printFrame(output, file, observation, core)) framesWithPerson += 1;
    frames += 1;
  }
  await analyzer.closeFile();
  const counted = frames > 0 ? core.finish() : null;
  if (counted && exercise) printCounts(output, file, exercise, counted, backend);
  if (frames === 0) {
    warn(file, 'no frame could be decoded.');
    return false;
  }
  if (framesWithPerson === 0) warn(file, `no person found in ${frames} frame(s).`);
  return true;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseAnalyzeArgs(argv);
  if (!parsed.ok) {
    warn(null, parsed.error);
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.listExercises) {
    for (const exercise of PROTOCOL.exercises) process.stdout.write(`${exercise.id}\n`);
    return EXIT_OK;
  }
  const exercise = args.exercise === null ? null : (findExercise(args.exercise) ?? null);
  if (args.exercise !== null && exercise === null) {
    warn(null, `unknown exercise "${args.exercise}"; the ids are listed by --list-exercises.`);
    return EXIT_USAGE;
  }
  const files = readableFiles(args.files);
  if (files.length === 0) {
    warn(null, 'no file could be read.');
    return EXIT_NOTHING_READ;
  }
  const bodyWeights = args.headWeights === null ? null : readBodyWeights(args.headWeights);
  if (bodyWeights instanceof Error) {
    warn(args.headWeights, bodyWeights.message);
    return EXIT_USAGE;
  }
  if (args.replay) {
    const output = new Output(args);
    const read = files.reduce((sum, file) => sum + replayTrace(file, output, exercise, args.cameraSide, bodyWeights), 0);
    return read > 0 ? EXIT_OK : EXIT_NOTHING_READ;
  }
  let trace: WriteStream | null = null;
  if (args.trace) {
    try {
      // Opened synchronously so that a bad path is reported before any work is done.
      trace = createWriteStream(args.trace, { fd: openSync(args.trace, 'w') });
    } catch (error) {
      warn(null, `cannot write the trace ${args.trace}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return EXIT_USAGE;
    }
  }
  const output = new Output(args);
  const served = [...files];
  const fallback: FfmpegFallback | null = ffmpegAvailable() ? { served, workDir: mkdtempSync(path.join(tmpdir(), 'atlas-analyze-')) } : null;
  let analyzer: BrowserAnalyzer;
  try {
    analyzer = await BrowserAnalyzer.start(served, { backend: args.backend, poseModel: args.poseModel });
  } catch (error) {
    if (fallback) rmSync(fallback.workDir, { recursive: true, force: true });
    warn(null, `could not start headless Chromium and the analysis page (set CHROMIUM_PATH to a Chromium binary if it is elsewhere): ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_NOTHING_READ;
  }
  for (const warning of analyzer.setup.warnings) warn(null, warning);
  if (analyzer.setup.landmarkers.length === 0) {
    await analyzer.close();
    if (fallback) rmSync(fallback.workDir, { recursive: true, force: true });
    warn(null, 'no landmarker model could be loaded (run `npm run models`); nothing analysed.');
    return EXIT_NOTHING_READ;
  }
  let read = 0;
  try {
    for (const [index, file] of files.entries()) {
      if (await analyzeFile(analyzer, index, file, output, trace, exercise, fallback, args.backend, args.cameraSide, bodyWeights)) read += 1;
    }
  } finally {
    await analyzer.close();
    if (trace) await new Promise<void>((resolve) => trace.end(resolve));
    if (fallback) rmSync(fallback.workDir, { recursive: true, force: true });
  }
  if (analyzer.foreignRequests.length > 0) {
    warn(null, `blocked ${analyzer.foreignRequests.length} request(s) to other origins: ${analyzer.foreignRequests.join(', ')}`);
  }
  if (read === 0) warn(null, 'no file could be read.');
  return read > 0 ? EXIT_OK : EXIT_NOTHING_READ;
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    warn(null, error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = EXIT_NOTHING_READ;
  },
);
