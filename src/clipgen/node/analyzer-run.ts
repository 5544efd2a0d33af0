import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './clip-browser';

const run = promisify(execFile);

/** A clip for the analyzer: `analyze` reads mp4 (not y4m), so the y4m is encoded near-losslessly. */
export async function mp4For(y4m: string): Promise<string> {
  const mp4 = y4m.replace(/\.y4m$/, '.mp4');
  if (existsSync(mp4) && statSync(mp4).mtimeMs >= statSync(y4m).mtimeMs) return mp4;
  // CRF 12, no B-frames: compression far below the landmarkers' own noise; one key frame a second.
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', y4m, '-c:v', 'libx264', '-preset', 'fast', '-crf', '12', '-bf', '0', '-g', '30', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', mp4]);
  return mp4;
}

export interface AnalyzerFrame {
  readonly type: 'frame';
  readonly file: string;
  readonly tMs: number;
  readonly face: boolean;
  readonly pose: boolean;
  readonly yawDeg: number | null;
  readonly pitchDeg: number | null;
  readonly rollDeg: number | null;
  /** The plain face matrix's angles (jsonl, when a face was found; absent from older analyzers). */
  readonly faceMatrixAngles?: { readonly yawDeg: number | null; readonly pitchDeg: number | null; readonly rollDeg: number | null };
}

export interface AnalyzerRep {
  readonly type: 'rep';
  readonly file: string;
  readonly side: string | null;
  readonly peakDeg: number | null;
  readonly durationMs: number | null;
  readonly peakVelDegS: number | null;
  readonly sparc: number | null;
  readonly complete: boolean;
  /** Not printed by every analyzer version; when absent, speed is judged from peakVelDegS. */
  readonly tooFast?: boolean;
}

export interface AnalyzerSummary {
  readonly type: 'summary';
  readonly file: string;
  readonly exercise: string;
  readonly reps: number;
  readonly bySide: Readonly<Record<string, number>>;
  readonly incomplete: number;
}

export interface AnalyzerResult {
  readonly frames: AnalyzerFrame[];
  readonly reps: AnalyzerRep[];
  readonly summary: AnalyzerSummary | null;
}

type AnalyzerLine = AnalyzerFrame | AnalyzerRep | AnalyzerSummary;

function parseLines(text: string): AnalyzerLine[] {
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as AnalyzerLine];
    } catch {
      return [];
    }
  });
}

function collect(files: readonly string[], lines: readonly AnalyzerLine[]): Map<string, AnalyzerResult> {
  const results = new Map<string, AnalyzerResult>(files.map((f) => [path.resolve(f), { frames: [], reps: [], summary: null }]));
  for (const line of lines) {
    const result = results.get(path.resolve(line.file));
    if (result === undefined) continue;
    if (line.type === 'frame') result.frames.push(line);
    else if (line.type === 'rep') result.reps.push(line);
    else if (line.type === 'summary') results.set(path.resolve(line.file), { ...result, summary: line });
  }
  return results;
}

export interface AnalyzerRunOptions {
  /** `analyze --pose-model` (default full). */
  readonly poseModel?: 'full' | 'lite';
  /** Also write the landmarks of every frame to this trace (`analyze --trace`). */
  readonly recordTrace?: string;
  /** Read the frames from this trace instead of the clips (`analyze --replay`): no landmarkers run. */
  readonly replayTrace?: string;
}

/** Where the analyzer's output for a clip is kept: `<clip>.analysis.jsonl` (full pose model) or `<clip>.analysis.lite.jsonl` beside its mp4. */
export function analysisPath(mp4: string, poseModel: 'full' | 'lite' = 'full'): string {
  return mp4.replace(/\.mp4$/, poseModel === 'full' ? '.analysis.jsonl' : `.analysis.${poseModel}.jsonl`);
}

/** A kept analysis newer than its mp4 (for --reuse-analysis), or null. */
export function keptAnalysis(mp4: string, poseModel: 'full' | 'lite' = 'full'): AnalyzerResult | null {
  const file = analysisPath(mp4, poseModel);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(mp4).mtimeMs) return null;
  return collect([mp4], parseLines(readFileSync(file, 'utf8'))).get(path.resolve(mp4)) ?? null;
}

/**
 * `npm run analyze -- --exercise ID --format jsonl FILES…`, parsed per file; each file's lines are
 * also kept in `<clip>.analysis.jsonl`. With `replayTrace`, FILES are the clips the trace was
 * recorded on (they name the results) and the frames come from the trace.
 */
export function runAnalyzer(exercise: string, files: readonly string[], options: AnalyzerRunOptions = {}): Promise<Map<string, AnalyzerResult>> {
  const poseModel = options.poseModel ?? 'full';
  const inputs = options.replayTrace === undefined ? [...files] : ['--replay', options.replayTrace];
  const extra = [...(poseModel === 'full' ? [] : ['--pose-model', poseModel]), ...(options.recordTrace === undefined ? [] : ['--trace', options.recordTrace])];
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/analyze.ts', '--exercise', exercise, '--format', 'jsonl', ...extra, ...inputs], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = parseLines(stdout);
      const results = collect(files, lines);
      for (const file of files) {
        const own = lines.filter((l) => path.resolve(l.file) === path.resolve(file));
        if (own.length > 0) writeFileSync(analysisPath(file, poseModel), own.map((l) => JSON.stringify(l)).join('\n') + '\n');
      }
      if (code !== 0 && [...results.values()].every((r) => r.frames.length === 0)) {
        reject(new Error(`analyze exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve(results);
    });
  });
}
