/** The command line of `npm run analyze` (stable: accuracy and counting are evaluated through it). */
export const OUTPUT_FORMATS = { jsonl: 'jsonl', csv: 'csv' } as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[keyof typeof OUTPUT_FORMATS];

export interface AnalyzeArgs {
  readonly exercise: string | null;
  readonly format: OutputFormat;
  readonly listExercises: boolean;
  readonly trace: string | null;
  readonly help: boolean;
  readonly files: readonly string[];
}

export const USAGE = `Usage: npm run analyze -- [--exercise ID] [--format jsonl|csv] [--list-exercises] [--trace OUT.jsonl] FILE...

Runs Atlas's landmark pipeline headless in Chromium on every frame of each image or video FILE
and prints one line per frame (and, with --exercise, one per repetition and a summary per file).

  --exercise ID     count the repetitions of a protocol exercise (ids: --list-exercises)
  --format F        jsonl (default) or csv
  --list-exercises  print the protocol's exercise ids, one per line, and exit
  --trace OUT       also write every frame's raw landmarks (numbers only) to OUT, as JSON lines
  -h, --help        this text`;

export type ParseResult = { readonly ok: true; readonly args: AnalyzeArgs } | { readonly ok: false; readonly error: string };

function isFormat(value: string): value is OutputFormat {
  return value === OUTPUT_FORMATS.jsonl || value === OUTPUT_FORMATS.csv;
}

/** Accepts `--flag value` and `--flag=value`; `--` ends the options. */
export function parseAnalyzeArgs(argv: readonly string[]): ParseResult {
  let exercise: string | null = null;
  let format: OutputFormat = OUTPUT_FORMATS.jsonl;
  let listExercises = false;
  let trace: string | null = null;
  let help = false;
  const files: string[] = [];
  let optionsEnded = false;
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
    switch (name) {
      case '--exercise': {
        const value = takeValue();
        if (!value) return { ok: false, error: '--exercise needs an exercise id (see --list-exercises)' };
        exercise = value;
        break;
      }
      case '--format': {
        const value = takeValue();
        if (!value || !isFormat(value)) return { ok: false, error: '--format must be jsonl or csv' };
        format = value;
        break;
      }
      case '--trace': {
        const value = takeValue();
        if (!value) return { ok: false, error: '--trace needs an output file' };
        trace = value;
        break;
      }
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
  if (!help && !listExercises && files.length === 0) return { ok: false, error: 'no FILE given' };
  return { ok: true, args: { exercise, format, listExercises, trace, help, files } };
}
