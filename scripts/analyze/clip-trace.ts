import { readFileSync } from 'node:fs';
import type { FrameObservation } from '../../src/core/landmarks';
import type { GroundTruth } from '../../tools/clipgen/core/ground-truth';
import { parseTraceLine } from '../../tools/analyze/trace-format';

/** A generated clip's analyzer trace (`npm run analyze -- --trace`, one file) and its ground truth. */
export function readClipTrace(traceFile: string, truthFile: string): { readonly truth: GroundTruth; readonly observations: FrameObservation[] } {
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as GroundTruth;
  const observations: FrameObservation[] = [];
  for (const text of readFileSync(traceFile, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const line = parseTraceLine(text);
    if (line.type === 'observation') observations.push(line.observation);
  }
  return { truth, observations };
}

/**
 * The clip trace named by a check script's two arguments (TRACE.jsonl TRUTH.json); null after
 * printing the usage of `npm run <script>` when they are missing.
 */
export function clipTraceFromArgs(script: string, args: readonly string[]): ReturnType<typeof readClipTrace> | null {
  const [traceFile, truthFile] = args;
  if (traceFile === undefined || truthFile === undefined) {
    process.stderr.write(`usage: npm run ${script} -- TRACE.jsonl TRUTH.json\n`);
    return null;
  }
  return readClipTrace(traceFile, truthFile);
}
