import { stringEnum, type EnumValue } from '../../src/core/string-enum';
import type { LandmarkerBackend } from '../../src/vision/landmarkers';
import { CAMERA_SIDES, isCameraSide, type CameraSide } from '../../src/core/protocol/camera-side';

/** The command line of `npm run analyze` (stable: accuracy and counting are evaluated through it). */
export const OUTPUT_FORMATS = stringEnum('jsonl', 'csv');
export type OutputFormat = EnumValue<typeof OUTPUT_FORMATS>;

/**
 * MediaPipe's pose models. The default is `full`: on the real AFLW2000 photos it reads the head
 * 5.3° off, lite 6.8° (docs/head-pose.md). The live coach runs `lite` (unless its probe picks
 * TF.js): `--pose-model lite` reads a recording as the live session did.
 */
export const POSE_MODELS = ['full', 'lite'] as const;
export type AnalyzePoseModel = (typeof POSE_MODELS)[number];

/**
 * The landmark backends of the app: MediaPipe tasks-vision (default), or TF.js (BlazePose lite and
 * FaceMesh, src/vision/tfjs/), which the live coach's first-run probe picks on slower machines.
 */
export const ANALYZE_BACKENDS = ['mediapipe', 'tfjs'] as const satisfies readonly LandmarkerBackend[];
export type AnalyzeBackend = (typeof ANALYZE_BACKENDS)[number];

export interface AnalyzeArgs {
  readonly exercise: string | null;
  readonly backend: AnalyzeBackend;
  /** MediaPipe's pose model (the TF.js backend has one, BlazePose lite). */
  readonly poseModel: AnalyzePoseModel;
  readonly format: OutputFormat;
  /**
   * Face down (an exercise whose position has a sided camera): which side of the person the floor
   * camera was on. The frames are turned head-up that way and the turns toward it are counted.
   */
  readonly cameraSide: CameraSide;
  readonly listExercises: boolean;
  readonly trace: string | null;
  /** FILEs are traces written by --trace: their observations go through the core again, no browser. */
  readonly replay: boolean;
  /**
   * A JSON file of the body network's weights (as scripts/train-head-regressor.ts writes them) to
   * read the head with instead of the backend's shipped ones: to score a trained network through
   * the same chain (`eval:range -- --head-weights FILE`); null: the shipped weights.
   */
  readonly headWeights: string | null;
  readonly help: boolean;
  readonly files: readonly string[];
}

export const USAGE = `Usage: npm run analyze -- [--exercise ID] [--backend mediapipe|tfjs] [--format jsonl|csv] [--pose-model full|lite] [--camera-side left|right] [--list-exercises] [--trace OUT.jsonl | --replay] [--head-weights FILE] FILE...

Runs Atlas's landmark pipeline headless in Chromium on every frame of each image or video FILE
and prints one line per frame (and, with --exercise, one per repetition and a summary per file).

  --exercise ID     count the repetitions of a protocol exercise (ids: --list-exercises)
  --backend B       the app's landmarkers to run: mediapipe (default, MediaPipe tasks-vision) or
                    tfjs (TF.js BlazePose lite and FaceMesh, as the live coach runs them)
  --format F        jsonl (default) or csv
  --pose-model M    mediapipe only: full (default, the more accurate) or lite (what the live
                    coach runs)
  --camera-side S   face down (prone-ear-to-floor): the floor camera was at the person's left
                    (default) or right; the frames are turned head-up that way and the turns
                    toward that side are counted
  --list-exercises  print the protocol's exercise ids, one per line, and exit
  --trace OUT       also write every frame's raw landmarks (numbers only) to OUT, as JSON lines
  --replay          each FILE is a trace written by --trace: its frames go through the same core
                    again, without the landmarkers (prints what analyze printed on the clip, with
                    the estimator and counters as they are now)
  --head-weights F  read the head from the body with the network weights in F (JSON, as
                    \`npm run train:head-regressor\` writes them) instead of the backend's own:
                    to score a newly trained network (docs/head-pose.md)
  -h, --help        this text`;

export type ParseResult = { readonly ok: true; readonly args: AnalyzeArgs } | { readonly ok: false; readonly error: string };

function isPoseModel(value: string): value is AnalyzePoseModel {
  return (POSE_MODELS as readonly string[]).includes(value);
}

function isBackend(value: string): value is AnalyzeBackend {
  return (ANALYZE_BACKENDS as readonly string[]).includes(value);
}

function isFormat(value: string): value is OutputFormat {
  return value === OUTPUT_FORMATS.jsonl || value === OUTPUT_FORMATS.csv;
}

class UsageError extends Error {}

function isText(value: string): value is string {
  return value.length > 0;
}

/** Accepts `--flag value` and `--flag=value`; `--` ends the options. */
export function parseAnalyzeArgs(argv: readonly string[]): ParseResult {
  let exercise: string | null = null;
  let backend: AnalyzeBackend | null = null;
  let poseModel: AnalyzePoseModel | null = null;
  let format: OutputFormat = OUTPUT_FORMATS.jsonl;
  let cameraSide: CameraSide = CAMERA_SIDES.left;
  let listExercises = false;
  let trace: string | null = null;
  let replay = false;
  let headWeights: string | null = null;
  let help = false;
  const files: string[] = [];
  let optionsEnded = false;
  try {
    for (let i = 0; i < argv.length; i += 1) {
      const arg = argv[i] ?? '';
      if (optionsEnded || !arg.startsWith('-') || arg === '-') {
        files.push(arg);
        continue;
      }
      if (arg === '--') {
        optionsEnded = true;
        continue;
      }
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      const takeValue = (): string | null => {
        if (eq >= 0) return arg.slice(eq + 1);
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) return null;
        i += 1;
        return value;
      };
      /** The option's value, or a usage error when it is missing or not one `accepts` takes. */
      const take = <T extends string>(accepts: (value: string) => value is T, error: string): T => {
        const value = takeValue();
        if (!value || !accepts(value)) throw new UsageError(error);
        return value;
      };
      switch (name) {
        case '--exercise': exercise = take(isText, '--exercise needs an exercise id (see --list-exercises)'); break;
        case '--format': format = take(isFormat, '--format must be jsonl or csv'); break;
        case '--backend': backend = take(isBackend, `--backend must be ${ANALYZE_BACKENDS.join(' or ')}`); break;
        case '--pose-model': poseModel = take(isPoseModel, '--pose-model must be full or lite'); break;
        case '--camera-side': cameraSide = take(isCameraSide, '--camera-side must be left or right'); break;
        case '--trace': trace = take(isText, '--trace needs an output file'); break;
        case '--replay':
          replay = true;
          break;
        case '--head-weights': headWeights = take(isText, '--head-weights needs a JSON file of network weights'); break;
        case '--list-exercises':
          listExercises = true;
          break;
        case '-h':
        case '--help':
          help = true;
          break;
        default:
          return { ok: false, error: `unknown option ${name}` };
      }
    }
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, error: error.message };
    throw error;
  }
  if (!help && !listExercises && files.length === 0) return { ok: false, error: 'no FILE given' };
  if (replay && trace !== null) return { ok: false, error: '--replay reads traces; it cannot also write one (--trace)' };
  if (replay && backend !== null) return { ok: false, error: '--replay takes the backend from the trace; --backend does not apply' };
  if (backend === 'tfjs' && poseModel !== null) return { ok: false, error: '--pose-model applies to the mediapipe backend only (tfjs runs BlazePose lite)' };
  return { ok: true, args: { exercise, backend: backend ?? 'mediapipe', poseModel: poseModel ?? 'full', format, cameraSide, listExercises, trace, replay, headWeights, help, files } };
}
