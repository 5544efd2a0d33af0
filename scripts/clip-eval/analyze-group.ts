import type { CameraSide } from '../../src/core/protocol/camera-side';
import path from 'node:path';
import { keptAnalysis, runAnalyzer, type AnalysisModel, type AnalyzerResult } from '../../tools/clipgen/node/analyzer-run';
import type { AnalyzeBackend } from '../analyze/analyze-args';

/** One retry: the page can time out on a loaded machine. */
const ANALYZE_ATTEMPTS = 2;

export interface GroupOptions {
  readonly backend: AnalyzeBackend;
  /** MediaPipe's pose model (ignored on TF.js). */
  readonly poseModel: 'full' | 'lite';
  /** Use the output kept from an earlier run (newer than the clip) for the clips that have one. */
  readonly reuse: boolean;
  /** Keep each clip's output beside it (false for clips in the repository). */
  readonly keep: boolean;
  readonly recordTrace?: string;
  readonly replayTrace?: string;
  /** Face down, the floor camera's side in these clips (`analyze --camera-side`). */
  readonly cameraSide?: CameraSide;
  /** Prefix of progress and failure lines (stderr). */
  readonly label: string;
  /** `analyze --head-weights`: read the head with these network weights instead of the shipped ones. */
  readonly headWeights?: string;
}

export function analysisModel(options: Pick<GroupOptions, 'backend' | 'poseModel'>): AnalysisModel {
  return options.backend === 'tfjs' ? 'tfjs' : options.poseModel;
}

/**
 * `npm run analyze -- --exercise ID` on one exercise's clips (or their trace's replay), results by
 * resolved mp4 path; a clip missing from the map could not be analysed.
 */
export async function analyzeGroup(exercise: string, mp4s: readonly string[], options: GroupOptions): Promise<Map<string, AnalyzerResult>> {
  const run = {
    backend: options.backend,
    poseModel: options.poseModel,
    keep: options.keep,
    ...(options.recordTrace === undefined ? {} : { recordTrace: options.recordTrace }),
    ...(options.cameraSide === undefined ? {} : { cameraSide: options.cameraSide }),
    ...(options.headWeights === undefined ? {} : { headWeights: options.headWeights }),
  };
  if (options.replayTrace !== undefined) return runAnalyzer(exercise, mp4s, { ...run, replayTrace: options.replayTrace });
  const results = new Map<string, AnalyzerResult>();
  // Kept output is the shipped estimator's: with other weights every clip is analysed again.
  if (options.reuse && options.headWeights === undefined) {
    for (const mp4 of mp4s) {
      const kept = keptAnalysis(mp4, analysisModel(options));
      if (kept !== null) results.set(path.resolve(mp4), kept);
    }
  }
  const missing = mp4s.filter((m) => !results.has(path.resolve(m)));
  if (missing.length === 0) return results;
  for (let attempt = 1; attempt <= ANALYZE_ATTEMPTS; attempt++) {
    const started = Date.now();
    try {
      for (const [file, result] of await runAnalyzer(exercise, missing, run)) results.set(file, result);
      process.stderr.write(`${options.label}: analyzed ${exercise} on ${options.backend} (${missing.length} clip(s)) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      return results;
    } catch (error) {
      process.stderr.write(`${options.label}: analyze ${exercise} on ${options.backend} failed (attempt ${attempt}/${ANALYZE_ATTEMPTS}): ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return results;
}
