/**
 * Derives the engine's sample traces (fixtures/traces/*.samples.jsonl) from an analyzer trace:
 *   npm run analyze -- --trace /tmp/t.jsonl ../shared/fixtures/video/head-gestures/*.mp4 …
 *   npx tsx tests/support/traces/record-sample-traces.ts [--out DIR] [--poses | --camera-side left|right] /tmp/t.jsonl [more traces…]
 * Only numbers derived by the FrameProcessor (angles, velocity, confidence, pose landmarks) are
 * written: never pixels, never the face mesh. Re-run after the estimator changes.
 * `--poses` writes the body landmarks as the landmarker gave them instead (`<clip>.poses.jsonl`,
 * pose-trace.ts: image and world landmarks, no face), for what the core reads before the samples.
 * `--camera-side S`: face down (a trace made with `analyze --camera-side S`, frames head-up), the
 * samples the tracker gives the engine there: the face's turn toward the camera only (toward-camera.ts).
 */
import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { FrameProcessor } from '../../../src/core/pipeline/frame-to-sample';
import { TowardCameraReader, towardCameraSample } from '../../../src/core/pipeline/toward-camera';
import { isCameraSide } from '../../../src/core/protocol/camera-side';
import { headPoseFor } from '../../../scripts/analyze/core-runner';
import { parseTraceLine, traceBackend } from '../../../tools/analyze/trace-format';
import { encodePoseFrame } from './pose-trace';
import { encodeSample } from './sample-trace';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--out');
const OUT_DIR = outFlag >= 0 ? path.resolve(args[outFlag + 1] ?? '.') : path.resolve(import.meta.dirname, '../../../fixtures/traces');
const poses = args.includes('--poses');
const sideFlag = args.indexOf('--camera-side');
const sideArg = sideFlag >= 0 ? args[sideFlag + 1] : undefined;
const cameraSide = isCameraSide(sideArg) ? sideArg : null;
const valueAt = new Set([outFlag, sideFlag].filter((i) => i >= 0).map((i) => i + 1));
const tracePaths = args.filter((arg, i) => arg !== '--poses' && arg !== '--out' && arg !== '--camera-side' && !valueAt.has(i));

async function record(tracePath: string): Promise<void> {
  const outputs = new Map<string, { processor: FrameProcessor; toward: TowardCameraReader; lines: string[]; width: number; height: number; backend: string }>();
  const lines = createInterface({ input: createReadStream(tracePath), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === '') continue;
    const line = parseTraceLine(text);
    const clip = path.basename(line.file).replace(/\.[^.]+$/, '');
    if (line.type === 'file') {
      outputs.set(clip, { processor: new FrameProcessor(), toward: new TowardCameraReader(headPoseFor(traceBackend(line))), lines: [], width: line.width, height: line.height, backend: traceBackend(line) });
      continue;
    }
    const out = outputs.get(clip);
    if (out === undefined) continue;
    const sample = out.processor.process(line.observation).sample;
    const faceDown = cameraSide === null ? null : towardCameraSample(sample, out.toward.read(line.observation, cameraSide));
    out.lines.push(poses ? encodePoseFrame(line.observation) : encodeSample(faceDown ?? sample));
  }
  for (const [clip, out] of outputs) {
    const frames = out.lines.length;
    const header = poses
      ? { clip, width: out.width, height: out.height, frames, backend: out.backend, source: 'npm run analyze --trace: the first body’s landmarks per frame' }
      : {
          clip,
          aspect: Math.round((out.width / out.height) * 1e4) / 1e4,
          frames,
          source: cameraSide === null ? 'npm run analyze --trace → FrameProcessor (auto neutral)' : `npm run analyze --camera-side ${cameraSide} --trace → the face toward the camera (toward-camera.ts)`,
        };
    const file = path.join(OUT_DIR, `${clip}.${poses ? 'poses' : 'samples'}.jsonl`);
    writeFileSync(file, `${JSON.stringify(header)}\n${out.lines.join('\n')}\n`);
    process.stdout.write(`${file}: ${out.lines.length} frames\n`);
  }
}

for (const tracePath of tracePaths) await record(tracePath);
