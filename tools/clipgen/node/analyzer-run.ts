import type { CameraSide } from '../../../src/core/protocol/camera-side';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './clip-browser';
import { parseOutputLines, type FrameLine, type OutputLine, type RepLine, type SummaryLine } from '../../../scripts/analyze/output-lines';

const run = promisify(execFile);

/** A clip for the analyzer: `analyze` reads mp4 (not y4m), so the y4m is encoded near-losslessly. */
export async function mp4For(y4m: string): Promise<string> {
  const mp4 = y4m.replace(/\.y4m$/, '.mp4');
  if (existsSync(mp4) && statSync(mp4).mtimeMs >= statSync(y4m).mtimeMs) return mp4;
  // CRF 12, no B-frames: compression far below the landmarkers' own noise; one key frame a second.
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-i', y4m, '-c:v', 'libx264', '-preset', 'fast', '-crf', '12', '-bf', '0', '-g', '30', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', mp4]);
  return mp4;
}

/** The analyzer's lines as this reader uses them: the one schema of scripts/analyze/output-lines.ts. */
export type AnalyzerFrame = FrameLine;
export type AnalyzerRep = RepLine;
export type AnalyzerSummary = SummaryLine;

export interface AnalyzerResult {
  readonly frames: AnalyzerFrame[];
  readonly reps: AnalyzerRep[];
  readonly summary: AnalyzerSummary | null;
}

/**
 * Which of `files` (resolved) an output line is about. A replay prints the file names the trace was
 * recorded with, which name another checkout's clips when the trace was made there (a worktree's,
 * a helper's): its lines are matched by the clip's file name instead, unique within a group.
 */
export function clipOfLine(files: readonly string[], byName: boolean): (lineFile: string) => string | undefined {
  if (byName) {
    const named = new Map(files.map((f) => [path.basename(f), path.resolve(f)]));
    return (lineFile) => named.get(path.basename(lineFile));
  }
  const resolved = new Set(files.map((f) => path.resolve(f)));
  return (lineFile) => (resolved.has(path.resolve(lineFile)) ? path.resolve(lineFile) : undefined);
}

/** The analyzer's lines per clip of `files` (resolved path → its frames, reps and summary). */
export function collectResults(files: readonly string[], lines: readonly OutputLine[], clipOf = clipOfLine(files, false)): Map<string, AnalyzerResult> {
  const results = new Map<string, AnalyzerResult>(files.map((f) => [path.resolve(f), { frames: [], reps: [], summary: null }]));
  for (const line of lines) {
    const clip = clipOf(line.file);
    const result = clip === undefined ? undefined : results.get(clip);
    if (clip === undefined || result === undefined) continue;
    if (line.type === 'frame') result.frames.push(line);
    else if (line.type === 'rep') result.reps.push(line);
    else if (line.type === 'summary') results.set(clip, { ...result, summary: line });
  }
  return results;
}

/** Which landmarkers read a clip: MediaPipe's pose model (`full`, `lite`), or the TF.js backend. */
export type AnalysisModel = 'full' | 'lite' | 'tfjs';

export interface AnalyzerRunOptions {
  /** `analyze --backend` (default mediapipe, as analyze). */
  readonly backend?: 'mediapipe' | 'tfjs';
  /** `analyze --pose-model` (default full, as analyze; MediaPipe only). */
  readonly poseModel?: 'full' | 'lite';
  /** Keep each clip's lines beside it (default true; false for clips in the repository). */
  readonly keep?: boolean;
  /** Also write the landmarks of every frame to this trace (`analyze --trace`). */
  readonly recordTrace?: string;
  /** Read the frames from this trace instead of the clips (`analyze --replay`): no landmarkers run. */
  readonly replayTrace?: string;
  /** `analyze --camera-side`: face down, the floor camera's side (default analyze's, the left). */
  readonly cameraSide?: CameraSide;
  /** `analyze --head-weights`: the body network's weights to read the head with (nothing is kept then). */
  readonly headWeights?: string;
}

/** Where the analyzer's output for a clip is kept: `<clip>.analysis.<model>.jsonl` beside its mp4. */
export function analysisPath(mp4: string, poseModel: AnalysisModel = 'full'): string {
  return mp4.replace(/\.mp4$/, `.analysis.${poseModel}.jsonl`);
}

/** A kept analysis newer than its mp4 (for --reuse-analysis), or null. */
export function keptAnalysis(mp4: string, poseModel: AnalysisModel = 'full'): AnalyzerResult | null {
  const file = analysisPath(mp4, poseModel);
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(mp4).mtimeMs) return null;
  return collectResults([mp4], parseOutputLines(readFileSync(file, 'utf8'))).get(path.resolve(mp4)) ?? null;
}

/**
 * `npm run analyze -- --exercise ID --format jsonl FILES…`, parsed per file; each file's lines are
 * also kept in `<clip>.analysis.<pose model>.jsonl`. With `replayTrace`, FILES are the clips the trace was
 * recorded on (they name the results) and the frames come from the trace.
 */
export function runAnalyzer(exercise: string, files: readonly string[], options: AnalyzerRunOptions = {}): Promise<Map<string, AnalyzerResult>> {
  const tfjs = options.backend === 'tfjs';
  const poseModel: AnalysisModel = tfjs ? 'tfjs' : (options.poseModel ?? 'full');
  const inputs = options.replayTrace === undefined ? [...files] : ['--replay', options.replayTrace];
  // A replay takes the backend from its trace.
  const models = tfjs ? (options.replayTrace === undefined ? ['--backend', 'tfjs'] : []) : ['--pose-model', poseModel];
  const extra = [
    ...models,
    ...(options.recordTrace === undefined ? [] : ['--trace', options.recordTrace]),
    ...(options.cameraSide === undefined ? [] : ['--camera-side', options.cameraSide]),
    ...(options.headWeights === undefined ? [] : ['--head-weights', options.headWeights]),
  ];
  // The kept output is the shipped estimator's (--reuse-analysis reads it back): other weights' is not kept.
  const keep = options.keep !== false && options.headWeights === undefined;
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
      const lines = parseOutputLines(stdout);
      const clipOf = clipOfLine(files, options.replayTrace !== undefined);
      const results = collectResults(files, lines, clipOf);
      for (const file of files) {
        const own = lines.filter((l) => clipOf(l.file) === path.resolve(file));
        if (own.length > 0 && keep) writeFileSync(analysisPath(file, poseModel), own.map((l) => JSON.stringify({ ...l, file })).join('\n') + '\n');
      }
      if (code !== 0 && [...results.values()].every((r) => r.frames.length === 0)) {
        reject(new Error(`analyze exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve(results);
    });
  });
}
