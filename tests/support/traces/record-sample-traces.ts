/**
 * Derives the engine's sample traces (fixtures/traces/*.samples.jsonl) from an analyzer trace:
 *   npm run analyze -- --trace /tmp/t.jsonl ../shared/fixtures/video/head-gestures/*.mp4 …
 *   npx tsx tests/support/traces/record-sample-traces.ts [--out DIR] /tmp/t.jsonl [more traces…]
 * Only numbers derived by the FrameProcessor (angles, velocity, confidence, pose landmarks) are
 * written: never pixels, never the face mesh. Re-run after the estimator changes.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { FrameProcessor } from '../../../src/core/pipeline/frame-to-sample';
import { parseTraceLine } from '../../../tools/analyze/trace-format';
import { encodeSample } from './sample-trace';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--out');
const OUT_DIR = outFlag >= 0 ? path.resolve(args[outFlag + 1] ?? '.') : path.resolve(import.meta.dirname, '../../../fixtures/traces');
const tracePaths = outFlag >= 0 ? args.filter((_, i) => i !== outFlag && i !== outFlag + 1) : args;

async function record(tracePath: string): Promise<void> {
  const outputs = new Map<string, { processor: FrameProcessor; lines: string[]; aspect: number }>();
  const lines = createInterface({ input: createReadStream(tracePath), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === '') continue;
    const line = parseTraceLine(text);
    const clip = path.basename(line.file).replace(/\.[^.]+$/, '');
    if (line.type === 'file') {
      outputs.set(clip, { processor: new FrameProcessor(), lines: [], aspect: line.width / line.height });
      continue;
    }
    const out = outputs.get(clip);
    if (out === undefined) continue;
    out.lines.push(encodeSample(out.processor.process(line.observation).sample));
  }
  for (const [clip, out] of outputs) {
    const header = { clip, aspect: Math.round(out.aspect * 1e4) / 1e4, frames: out.lines.length, source: 'npm run analyze --trace → FrameProcessor (auto neutral)' };
    const file = path.join(OUT_DIR, `${clip}.samples.jsonl`);
    writeFileSync(file, `${JSON.stringify(header)}\n${out.lines.join('\n')}\n`);
    process.stdout.write(`${file}: ${out.lines.length} frames\n`);
  }
}

for (const tracePath of tracePaths) await record(tracePath);
